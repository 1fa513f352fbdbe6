import { useCallback, useMemo, useState } from 'react';
import { createApiClient } from './api';
import { JourneyDetailPanel } from './JourneyDetailPanel';
import { JourneysTable } from './JourneysTable';
import { JourneyTypesList } from './JourneyTypesList';
import { SignInPanel } from './SignInPanel';
import { useApiKey } from './useApiKey';

export function App() {
  const { apiKey, signIn, signOut } = useApiKey();
  const [signInNotice, setSignInNotice] = useState<string>();
  // Component state only: journey ids stay out of the URL and the browser history.
  const [selectedJourney, setSelectedJourney] = useState<string>();

  const endSession = useCallback(
    (notice?: string) => {
      signOut();
      setSelectedJourney(undefined);
      setSignInNotice(notice);
    },
    [signOut],
  );

  const client = useMemo(
    () =>
      apiKey
        ? createApiClient(apiKey, (message) =>
            endSession(`You have been signed out: ${message} Sign in again.`),
          )
        : undefined,
    [apiKey, endSession],
  );

  if (!client) {
    return (
      <SignInPanel
        notice={signInNotice}
        onSignIn={(key) => {
          setSignInNotice(undefined);
          signIn(key);
        }}
      />
    );
  }

  return (
    <>
      <header className="app-header">
        <h1>Carepath designer</h1>
        <button type="button" className="button-secondary" onClick={() => endSession()}>
          Sign out
        </button>
      </header>
      <main className="layout">
        <JourneyTypesList client={client} />
        <div className="stack">
          <JourneysTable client={client} selectedId={selectedJourney} onSelect={setSelectedJourney} />
          {selectedJourney && (
            <JourneyDetailPanel
              key={selectedJourney}
              client={client}
              journeyId={selectedJourney}
              onClose={() => setSelectedJourney(undefined)}
            />
          )}
        </div>
      </main>
    </>
  );
}

import { useCallback, useMemo, useState } from 'react';
import { createApiClient, type ApiClient, type Session } from './api';
import { JourneyDetailPanel } from './JourneyDetailPanel';
import { JourneysTable } from './JourneysTable';
import { JourneyTypesList } from './JourneyTypesList';
import { SignInPanel } from './SignInPanel';
import { StaffQueuePanel } from './StaffQueuePanel';
import { useApiResource } from './useApiResource';
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
    <Workspace
      client={client}
      selectedJourney={selectedJourney}
      onSelectJourney={setSelectedJourney}
      onSignOut={() => endSession()}
    />
  );
}

interface WorkspaceProps {
  client: ApiClient;
  selectedJourney: string | undefined;
  onSelectJourney: (journeyId: string | undefined) => void;
  onSignOut: () => void;
}

/** What a signed-in key sees: each role only the work it may do (the API enforces it regardless). */
function Workspace({ client, selectedJourney, onSelectJourney, onSignOut }: WorkspaceProps) {
  const { resource: session } = useApiResource<Session>(client, '/api/session');
  const role = session.status === 'ready' ? session.data.role : undefined;

  return (
    <>
      <header className="app-header">
        <h1>Carepath designer</h1>
        <div className="toolbar">
          {session.status === 'ready' && (
            <span className="muted">
              Signed in as {session.data.name} ({session.data.role})
            </span>
          )}
          <button type="button" className="button-secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="layout">
        <JourneyTypesList client={client} />
        <div className="stack">
          {role === 'operator' && session.status === 'ready' && (
            <StaffQueuePanel client={client} operatorName={session.data.name} />
          )}
          <JourneysTable client={client} selectedId={selectedJourney} onSelect={onSelectJourney} />
          {selectedJourney && (
            <JourneyDetailPanel
              key={selectedJourney}
              client={client}
              journeyId={selectedJourney}
              isOperator={role === 'operator'}
              onClose={() => onSelectJourney(undefined)}
            />
          )}
        </div>
      </main>
    </>
  );
}

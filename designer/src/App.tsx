import { useCallback, useMemo, useState } from 'react';
import { createApiClient, type ApiClient } from './api';
import { CatalogueScreen } from './catalogue/CatalogueScreen';
import { Notice } from './Notice';
import { PatientsScreen } from './patients/PatientsScreen';
import { SignInPanel } from './SignInPanel';
import { StaffQueuePanel } from './StaffQueuePanel';
import { useApiResource } from './useApiResource';
import { useApiKey } from './useApiKey';

export function App() {
  const { apiKey, signIn, signOut } = useApiKey();
  const [signInNotice, setSignInNotice] = useState<string>();

  const endSession = useCallback(
    (notice?: string) => {
      signOut();
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

  return <Workspace client={client} onSignOut={() => endSession()} />;
}

interface WorkspaceProps {
  client: ApiClient;
  onSignOut: () => void;
}

type Screen = 'catalogue' | 'patients' | 'queue';

/** What a signed-in key sees: each role only the work it may do (the API enforces it regardless). */
function Workspace({ client, onSignOut }: WorkspaceProps) {
  const { resource: session } = useApiResource(client, '/api/session');
  const { resource: types, reload: reloadTypes } = useApiResource(client, '/api/journey-types');
  const [screen, setScreen] = useState<Screen>('catalogue');
  const role = session.status === 'ready' ? session.data.role : undefined;
  // Designers work on programs, maps, counts and settings; patients are for operators and auditors.
  const seesPatients = role === 'operator' || role === 'auditor';
  const screens: Array<[Screen, string]> = [
    ['catalogue', 'Journeys'],
    ...(seesPatients ? [['patients', 'Patients'] as [Screen, string]] : []),
    ...(role === 'operator' ? [['queue', 'Staff queue'] as [Screen, string]] : []),
  ];

  return (
    <>
      <header className="app-header">
        <h1>Carepath designer</h1>
        <nav aria-label="Sections">
          <ul className="nav">
            {screens.map(([value, label]) => (
              <li key={value}>
                <button
                  type="button"
                  className={screen === value ? 'nav-item current' : 'nav-item'}
                  aria-current={screen === value ? 'page' : undefined}
                  onClick={() => setScreen(value)}
                >
                  {label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
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
      <main>
        {types.status === 'loading' && <Notice tone="loading">Loading journey types…</Notice>}
        {types.status === 'error' && (
          <Notice tone="error" onRetry={reloadTypes}>
            {types.message}
          </Notice>
        )}
        {types.status === 'ready' && types.data.length === 0 && (
          <Notice tone="empty">This deployment has no journey types yet.</Notice>
        )}
        {types.status === 'ready' && types.data.length > 0 && (
          <>
            {screen === 'catalogue' && (
              <CatalogueScreen client={client} types={types.data} canPublish={role === 'designer'} />
            )}
            {screen === 'patients' && seesPatients && (
              <PatientsScreen client={client} types={types.data} isOperator={role === 'operator'} />
            )}
            {screen === 'queue' && role === 'operator' && session.status === 'ready' && (
              <div className="page">
                <StaffQueuePanel client={client} operatorName={session.data.name} />
              </div>
            )}
          </>
        )}
      </main>
    </>
  );
}

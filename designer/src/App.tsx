import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { createApiClient, type JourneyType, type WritingApiClient } from './api';
import { AuditScreen } from './audit/AuditScreen';
import { CatalogueScreen } from './catalogue/CatalogueScreen';
import { MigrationScreen } from './definitions/migration/MigrationScreen';
import { DefinitionPreviewScreen } from './definitions/preview/DefinitionPreviewScreen';
import { DefinitionEditorScreen } from './definitions/DefinitionEditorScreen';
import { DefinitionsScreen } from './definitions/DefinitionsScreen';
import { Notice } from './Notice';
import { Redirect } from './Redirect';
import { JourneyDetailScreen } from './patients/JourneyDetailScreen';
import { PatientsScreen } from './patients/PatientsScreen';
import { NO_SCREEN_NOTICE, type Role, SECTION_LINKS, SECTIONS_OF } from './sections';
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
    // The address stays as it is: after signing in the user lands where the link pointed.
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

  return <Workspace client={client} onSignOut={endSession} />;
}

interface WorkspaceProps {
  client: WritingApiClient;
  onSignOut: (notice?: string) => void;
}

/** What a signed-in key sees: each role only the work it may do (the API enforces it regardless). */
function Workspace({ client, onSignOut }: WorkspaceProps) {
  const { resource: session, reload: reloadSession } = useApiResource(client, '/api/session');
  const role = session.status === 'ready' ? session.data.role : undefined;
  const sections = role ? SECTIONS_OF[role] : [];

  // A key kept from an earlier tab may belong to a role with no screen: back to the sign-in.
  useEffect(() => {
    if (role && SECTIONS_OF[role].length === 0) onSignOut(NO_SCREEN_NOTICE);
  }, [role, onSignOut]);

  return (
    <>
      <header className="app-header">
        <h1>Carepath</h1>
        <nav aria-label="Sections">
          <ul className="nav">
            {sections.map((section) => (
              <li key={section}>
                <NavLink to={SECTION_LINKS[section].path} className="nav-item">
                  {SECTION_LINKS[section].label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="toolbar account">
          {session.status === 'ready' && (
            <span className="muted">
              Signed in as {session.data.name} ({session.data.role})
            </span>
          )}
          <button type="button" className="button-secondary" onClick={() => onSignOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        {session.status === 'loading' && <Notice tone="loading">Checking your key…</Notice>}
        {session.status === 'error' && (
          // Without the role nothing can be shown safely: say why, and let the user try again.
          <Notice tone="error" onRetry={reloadSession}>
            Your screens could not be loaded: {session.message}
          </Notice>
        )}
        {session.status === 'ready' && role && sections.length > 0 && (
          <Screens client={client} role={role} operatorName={session.data.name} />
        )}
      </main>
    </>
  );
}

interface ScreensProps {
  client: WritingApiClient;
  role: Role;
  operatorName: string;
}

function Screens({ client, role, operatorName }: ScreensProps) {
  const { resource: types, reload: reloadTypes } = useApiResource(client, '/api/journey-types');
  if (types.status === 'loading') return <Notice tone="loading">Loading journey types…</Notice>;
  if (types.status === 'error')
    return (
      <Notice tone="error" onRetry={reloadTypes}>
        {types.message}
      </Notice>
    );
  if (types.data.length === 0) return <Notice tone="empty">This deployment has no journey types yet.</Notice>;
  return <SectionRoutes client={client} role={role} operatorName={operatorName} types={types.data} />;
}

function SectionRoutes({ client, role, operatorName, types }: ScreensProps & { types: JourneyType[] }) {
  const sections = SECTIONS_OF[role];
  const isOperator = role === 'operator';
  return (
    <Routes>
      <Route path="/" element={<Redirect to="/journeys" />} />
      <Route
        path="/journeys/:typeId?/:view?"
        element={<CatalogueScreen client={client} types={types} canPublish={role === 'designer'} />}
      />
      {sections.includes('patients') && (
        <>
          <Route path="/patients" element={<PatientsScreen client={client} types={types} />} />
          <Route
            path="/patients/:journeyId"
            element={<JourneyDetailScreen client={client} types={types} isOperator={isOperator} />}
          />
        </>
      )}
      {sections.includes('queue') && (
        <Route
          path="/queue"
          element={
            <div className="page">
              <StaffQueuePanel client={client} operatorName={operatorName} />
            </div>
          }
        />
      )}
      {sections.includes('definitions') && (
        <>
          <Route path="/definitions" element={<DefinitionsScreen client={client} />} />
          <Route path="/definitions/:id" element={<DefinitionEditorScreen client={client} />} />
        </>
      )}
      {sections.includes('audit') && <Route path="/audit" element={<AuditScreen client={client} />} />}
      <Route
        path="/definitions/:id/migrate"
        element={<MigrationScreen client={client} canApply={role === 'designer'} />}
      />
      {role === 'designer' && (
        <Route path="/definitions/:id/preview" element={<DefinitionPreviewScreen client={client} />} />
      )}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function NotFound() {
  return (
    <div className="page">
      <Notice tone="empty">
        Nothing here for your key: the address is unknown or belongs to another role&apos;s screens.{' '}
        <NavLink to="/journeys">Go to the journeys</NavLink>
      </Notice>
    </div>
  );
}

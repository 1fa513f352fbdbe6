import { type FormEvent, useState } from 'react';
import { ApiError, createApiClient } from './api';
import { NO_SCREEN_NOTICE, SECTIONS_OF } from './sections';

interface SignInPanelProps {
  /** Why the user is here again, e.g. after the API rejected their key. */
  notice?: string;
  onSignIn: (apiKey: string) => void;
}

export function SignInPanel({ notice, onSignIn }: SignInPanelProps) {
  const [key, setKey] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Paste an API key first.');
      return;
    }
    setChecking(true);
    setError(undefined);
    try {
      // Every role may read its session: the key is checked, and a role with no screen is told here.
      const session = await createApiClient(trimmed).get('/api/session');
      if (SECTIONS_OF[session.role].length === 0) {
        setChecking(false);
        setError(NO_SCREEN_NOTICE);
        return;
      }
      onSignIn(trimmed);
    } catch (caught) {
      setChecking(false);
      if (caught instanceof ApiError && caught.status === 401)
        setError(`The API did not accept this key: ${caught.message}`);
      else setError(caught instanceof ApiError ? caught.message : 'Signing in failed. Try again.');
    }
  }

  return (
    <main className="sign-in">
      <section className="panel" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in to the Carepath designer</h1>
        {notice && (
          <p className="notice notice-error" role="alert">
            {notice}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <label htmlFor="api-key">API key</label>
          <input
            id="api-key"
            name="api-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            aria-describedby="api-key-hint"
            aria-invalid={error ? true : undefined}
            aria-errormessage={error ? 'api-key-error' : undefined}
            required
          />
          <p id="api-key-hint" className="hint">
            The API authenticates with bearer API keys. The key is kept in this browser tab only and is
            forgotten when you sign out or close the tab. In development, the demo keys are listed in the
            README.
          </p>
          {error && (
            <p id="api-key-error" className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={checking}>
            {checking ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </section>
    </main>
  );
}

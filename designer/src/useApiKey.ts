import { useCallback, useState } from 'react';

const STORAGE_KEY = 'carepath.designer.apiKey';

function readStoredKey(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The caller's API key, kept for this browser tab only (sessionStorage). */
export function useApiKey(): { apiKey: string | null; signIn: (key: string) => void; signOut: () => void } {
  const [apiKey, setApiKey] = useState<string | null>(readStoredKey);

  const signIn = useCallback((key: string) => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, key);
    } catch {
      // Storage disabled: the key still works until the page is reloaded.
    }
    setApiKey(key);
  }, []);

  const signOut = useCallback(() => {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored.
    }
    setApiKey(null);
  }, []);

  return { apiKey, signIn, signOut };
}

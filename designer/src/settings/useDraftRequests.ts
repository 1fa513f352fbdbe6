import { useRef, useState } from 'react';
import { type ApiClient, ApiError, messageOf } from '../api';
import { type PlacedProblems, placeProblems, withoutProblemsOf } from './field-problems';
import type { SettingsObject, SettingsVersion } from './settings-api';
import { useUnmountSignal } from './useUnmountSignal';

/** What the last validate or publish said about the draft. */
export type DraftOutcome =
  | { kind: 'none' }
  | { kind: 'valid' }
  | { kind: 'problems'; intro: string; problems: PlacedProblems }
  /** Someone published after the draft's base version: the draft is kept, to be carried over. */
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string };

interface DraftRequestsOptions {
  client: ApiClient;
  journeyType: string;
  paths: readonly string[];
  basedOnVersion: number;
  onPublished: (version: SettingsVersion) => void;
}

/**
 * Validate and publish, one request at a time. A validation answer for a draft edited since is
 * dropped (it would vouch for settings no longer on screen); answers after unmount are dropped too.
 */
export function useDraftRequests({
  client,
  journeyType,
  paths,
  basedOnVersion,
  onPublished,
}: DraftRequestsOptions) {
  const [busy, setBusy] = useState<'validating' | 'publishing'>();
  const [outcome, setOutcome] = useState<DraftOutcome>({ kind: 'none' });
  /** Counts answers shown, so the form can move focus to each new one (and not on edits). */
  const [answers, setAnswers] = useState(0);
  const revision = useRef(0);
  const unmountSignal = useUnmountSignal();

  async function request(kind: 'validating' | 'publishing', send: () => Promise<DraftOutcome | undefined>) {
    const signal = unmountSignal();
    const sentRevision = revision.current;
    setBusy(kind);
    const next = await send().catch((error: unknown) => failureOutcome(error, kind, paths));
    if (signal.aborted) return;
    setBusy(undefined);
    if (next && (kind === 'publishing' || sentRevision === revision.current)) {
      setOutcome(next);
      setAnswers((count) => count + 1);
    }
  }

  const validate = (settings: SettingsObject) =>
    request('validating', async () => {
      const check = await client.post('/api/programs/{journeyType}/settings/validate', {
        params: { path: { journeyType } },
        body: { settings },
      });
      if (check.valid) return { kind: 'valid' };
      const errors = check.errors.length > 0 ? check.errors : [{ message: 'The API gave no details.' }];
      return {
        kind: 'problems',
        intro: 'The draft is not valid yet.',
        problems: placeProblems(errors, paths),
      };
    });

  const publish = (settings: SettingsObject, note: string) =>
    request('publishing', async () => {
      const published = await client.post('/api/programs/{journeyType}/settings', {
        params: { path: { journeyType } },
        body: { settings, basedOnVersion, note },
      });
      onPublished(published);
      return undefined;
    });

  /** An edit makes "valid" stale and settles the edited field's problems; other problems stand. */
  function recordEdit(path: string): void {
    revision.current += 1;
    setOutcome((current) =>
      current.kind === 'valid'
        ? { kind: 'none' }
        : current.kind === 'problems'
          ? { ...current, problems: withoutProblemsOf(current.problems, path) }
          : current,
    );
  }

  return { busy, outcome, answers, validate, publish, recordEdit };
}

function failureOutcome(
  error: unknown,
  kind: 'validating' | 'publishing',
  paths: readonly string[],
): DraftOutcome {
  if (error instanceof ApiError && error.status === 409) return { kind: 'conflict', message: error.message };
  if (error instanceof ApiError && error.status === 400) {
    const errors = error.errors.length > 0 ? error.errors : [{ message: error.message }];
    const intro = kind === 'publishing' ? 'Nothing was published.' : 'The draft could not be checked.';
    return { kind: 'problems', intro, problems: placeProblems(errors, paths) };
  }
  return { kind: 'failed', message: messageOf(error) };
}

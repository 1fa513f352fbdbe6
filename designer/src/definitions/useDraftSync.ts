import { useCallback, useEffect, useRef, useState } from 'react';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import {
  checkDefinition,
  type DefinitionProblem,
} from '../../../contracts/journey-definitions/validate-definition';
import { ApiError, messageOf, type WritingApiClient } from '../api';

/** How long after the last keystroke the draft is checked, and saved. */
export const CHECK_DELAY_MS = 250;
export const SAVE_DELAY_MS = 800;

export type SaveState =
  | { status: 'saved'; at?: Date }
  | { status: 'pending' }
  | { status: 'saving' }
  /** Not well-formed yet (an empty required field): the server would refuse it, so it waits. */
  | { status: 'not-saved'; reason: string }
  /** Someone else saved or published since this draft was read: saving stops until a reload. */
  | { status: 'conflict'; message: string }
  | { status: 'failed'; message: string };

export interface DraftStart {
  definition: JourneyDefinition;
  revision: number;
}

/**
 * The draft being edited: every edit is checked in the browser (`checkDefinition`, debounced) and
 * saved (PUT with `basedOnRevision`, debounced, one save at a time). A 409 stops saving and says
 * so: the designer reloads the other person's draft rather than overwrite it.
 */
export function useDraftSync(client: WritingApiClient, id: string, start: DraftStart) {
  const [definition, setDefinition] = useState(start.definition);
  const [problems, setProblems] = useState<DefinitionProblem[]>(
    () => checkDefinition(start.definition).problems,
  );
  const [save, setSave] = useState<SaveState>({ status: 'saved' });
  const state = useRef<SyncState>(freshState(start));
  const [edits, setEdits] = useState(0);

  const edit = useCallback((change: (definition: JourneyDefinition) => JourneyDefinition) => {
    setDefinition((current) => change(current));
    setEdits((count) => count + 1);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setProblems(checkDefinition(definition).problems), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition]);

  const saveNow = useCallback(
    async (draft: JourneyDefinition): Promise<number | undefined> => {
      const current = state.current;
      // One save at a time: the next is based on the revision the one under way answers with.
      while (current.inFlight) await current.inFlight.catch(() => undefined);
      // A reload since this save was asked for: the draft it would save is gone.
      if (current.conflict || state.current !== current) return undefined;
      if (draft === current.sent) return current.revision;
      const shape = checkDefinition(draft).problems.filter((problem) => problem.code === 'shape');
      if (shape.length > 0) {
        setSave({ status: 'not-saved', reason: `Not saved yet: ${shape[0]!.message}` });
        return undefined;
      }
      setSave({ status: 'saving' });
      const request = client.put('/api/journey-definitions/{id}/draft', {
        params: { path: { id } },
        body: {
          definition: draft as unknown as Record<string, unknown>,
          basedOnRevision: current.revision,
        },
      });
      current.inFlight = request;
      try {
        const saved = await request;
        current.revision = saved.revision;
        current.sent = draft;
        setSave({ status: 'saved', at: new Date() });
        return saved.revision;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          current.conflict = true;
          setSave({ status: 'conflict', message: error.message });
        } else setSave({ status: 'failed', message: messageOf(error) });
        return undefined;
      } finally {
        current.inFlight = undefined;
      }
    },
    [client, id],
  );

  // Saved a moment after the last edit (after the save under way, if there is one).
  useEffect(() => {
    if (edits === 0 || definition === state.current.sent || state.current.conflict) return;
    setSave((current) => (current.status === 'saving' ? current : { status: 'pending' }));
    const timer = setTimeout(() => void saveNow(definition), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, edits, saveNow]);

  /** Saves what is on screen now (before publishing): the revision to publish, or undefined. */
  const flush = useCallback(() => saveNow(definition), [saveNow, definition]);

  /** Starts over from what the server has (after a conflict, a publish or a discard). */
  const reset = useCallback((next: DraftStart) => {
    state.current = freshState(next);
    setDefinition(next.definition);
    setProblems(checkDefinition(next.definition).problems);
    setSave({ status: 'saved' });
  }, []);

  return { definition, problems, save, edit, flush, reset, revision: () => state.current.revision };
}

interface SyncState {
  /** What `basedOnRevision` must be: the server's revision of what was last saved or loaded. */
  revision: number;
  /** The draft as the server has it. */
  sent: JourneyDefinition;
  inFlight?: Promise<unknown>;
  conflict: boolean;
}

function freshState(start: DraftStart): SyncState {
  return { revision: start.revision, sent: start.definition, conflict: false };
}

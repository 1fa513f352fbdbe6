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
  const state = useRef({ revision: start.revision, sent: start.definition, saving: false, conflict: false });
  const [edits, setEdits] = useState(0);
  /** Goes up after each save, so an edit made while it was under way is saved next. */
  const [saves, setSaves] = useState(0);

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
      if (current.conflict || current.saving || draft === current.sent) return current.revision;
      const shape = checkDefinition(draft).problems.filter((problem) => problem.code === 'shape');
      if (shape.length > 0) {
        setSave({ status: 'not-saved', reason: `Not saved yet: ${shape[0]!.message}` });
        return undefined;
      }
      current.saving = true;
      setSave({ status: 'saving' });
      try {
        const saved = await client.put('/api/journey-definitions/{id}/draft', {
          params: { path: { id } },
          body: {
            definition: draft as unknown as Record<string, unknown>,
            basedOnRevision: current.revision,
          },
        });
        current.revision = saved.revision;
        current.sent = draft;
        setSave({ status: 'saved', at: new Date() });
        setSaves((count) => count + 1);
        return saved.revision;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          current.conflict = true;
          setSave({ status: 'conflict', message: error.message });
        } else setSave({ status: 'failed', message: messageOf(error) });
        return undefined;
      } finally {
        current.saving = false;
      }
    },
    [client, id],
  );

  // Saved a moment after the last edit; an edit made while saving is saved by the next round.
  useEffect(() => {
    if (edits === 0 || definition === state.current.sent || state.current.conflict) return;
    setSave((current) => (current.status === 'saving' ? current : { status: 'pending' }));
    const timer = setTimeout(() => void saveNow(definition), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, edits, saves, saveNow]);

  /** Saves what is on screen now (before publishing): the revision to publish, or undefined. */
  const flush = useCallback(() => saveNow(definition), [saveNow, definition]);

  /** Starts over from what the server has (after a conflict, a publish or a discard). */
  const reset = useCallback((next: DraftStart) => {
    state.current = { revision: next.revision, sent: next.definition, saving: false, conflict: false };
    setDefinition(next.definition);
    setProblems(checkDefinition(next.definition).problems);
    setSave({ status: 'saved' });
  }, []);

  return { definition, problems, save, edit, flush, reset, revision: () => state.current.revision };
}

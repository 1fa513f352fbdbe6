import { useCallback, useEffect, useState } from 'react';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../../../contracts/journey-definitions/definition-schema';
import { type ApiClient, isAbort, messageOf } from '../../api';

/** The draft, or a published version by number. */
export type PreviewSource = 'draft' | number;

export type PreviewedDefinition =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; definition: JourneyDefinition; revision?: number };

/**
 * The definition the preview runs: the draft (with its revision, so a scenario can be saved with
 * it) or a published version. The store only keeps definitions that parse, so a failure to parse
 * here is a deployment mismatch and is said as such.
 */
export function usePreviewedDefinition(
  client: ApiClient,
  id: string,
  source: PreviewSource,
  generation: number,
): { previewed: PreviewedDefinition; replace: (answer: { definition: unknown; revision?: number }) => void } {
  const [state, setState] = useState<PreviewedDefinition>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const path = { params: { path: { id } }, signal: controller.signal };
    setState({ status: 'loading' });
    const read =
      source === 'draft'
        ? client.get('/api/journey-definitions/{id}/draft', path)
        : client.get('/api/journey-definitions/{id}/versions/{version}', {
            params: { path: { id, version: source } },
            signal: controller.signal,
          });
    read.then(
      (answer) => {
        const parsed = journeyDefinitionSchema.safeParse(answer.definition);
        if (!parsed.success) {
          setState({
            status: 'error',
            message: 'This definition does not match the designer’s format. Reload the page.',
          });
          return;
        }
        setState({
          status: 'ready',
          definition: parsed.data,
          ...('revision' in answer ? { revision: answer.revision } : {}),
        });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error))
          setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [client, id, source, generation]);
  // A save answers with the draft as stored: shown as it is, without reading it again.
  const replace = useCallback(
    (answer: { definition: unknown; revision?: number }) => setState(parsedState(answer)),
    [],
  );
  return { previewed: state, replace };
}

function parsedState(answer: { definition: unknown; revision?: number }): PreviewedDefinition {
  const parsed = journeyDefinitionSchema.safeParse(answer.definition);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'This definition does not match the designer’s format. Reload the page.',
    };
  }
  return {
    status: 'ready',
    definition: parsed.data,
    ...(answer.revision === undefined ? {} : { revision: answer.revision }),
  };
}

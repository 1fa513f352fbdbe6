import { useEffect, useState } from 'react';
import type { Blueprint } from './blueprint-types';
import { type BlueprintLayout, type LayoutOptions, layoutBlueprint } from './layout-blueprint';

export type LayoutState =
  { status: 'loading' } | { status: 'ready'; layout: BlueprintLayout } | { status: 'error'; message: string };

type Outcome = Exclude<LayoutState, { status: 'loading' }>;

interface LayoutRequest extends LayoutOptions {
  blueprint: Blueprint;
}

/** Lays out `blueprint` (keep it the same object between renders: every new one is laid out again). */
export function useBlueprintLayout(
  blueprint: Blueprint,
  { withCounts, patientStage }: LayoutOptions,
): LayoutState {
  // The outcome remembers what it was laid out for, so a new request reads as loading at once.
  const [outcome, setOutcome] = useState<{ request: LayoutRequest; state: Outcome }>();

  useEffect(() => {
    const request = { blueprint, withCounts, patientStage };
    let current = true;
    layoutBlueprint(blueprint, { withCounts, patientStage }).then(
      (layout) => current && setOutcome({ request, state: { status: 'ready', layout } }),
      (error: unknown) =>
        current && setOutcome({ request, state: { status: 'error', message: messageOf(error) } }),
    );
    return () => {
      current = false;
    };
  }, [blueprint, withCounts, patientStage]);

  const request = outcome?.request;
  const isCurrent =
    request?.blueprint === blueprint &&
    request.withCounts === withCounts &&
    request.patientStage === patientStage;
  return outcome && isCurrent ? outcome.state : { status: 'loading' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

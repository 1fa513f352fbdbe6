import type { ScreeningItem } from './preventive-outreach.contract';
import { bothSidesGone, type OneSideRecord } from './screening-exclusion';
import { monthsBetween } from './screening-due';
import {
  exclusionLabels,
  exclusionRules,
  screeningTests,
  seasonStartOn,
  type ExclusionReason,
  type ScreeningTestId,
} from './screening-value-sets';

/*
 * What a screening or an exclusion recorded in the EHR does to one preventive outreach: pure
 * decisions, so the workflow only carries them out and property tests can run them by the
 * thousand (preventive-outreach.properties.test.ts).
 */

export interface RecordContext {
  item: ScreeningItem;
  /** The patient's date now (YYYY-MM-DD, in their time zone). */
  today: string;
  /** Months a test keeps the patient up to date (program setting testIntervalMonths). */
  intervalOf: (test: ScreeningTestId) => number;
}

export type RecordDecision =
  /** The event is about another item (or not a test of this one): refused, nothing changes. */
  | { kind: 'refuse'; reason: string }
  /** Kept on the timeline; the outreach goes on. */
  | { kind: 'note'; summary: string }
  /** The screening is done: the outreach closes as completed. */
  | { kind: 'complete'; summary: string }
  /** The patient is out of this screening: the outreach closes as excluded. */
  | { kind: 'exclude'; summary: string };

export interface ScreeningDone {
  at: string;
  test?: ScreeningTestId | undefined;
  code?: string | undefined;
}

/**
 * A screening done. Recorded by staff (no test named): done, as they say. Recorded in the EHR:
 * done when it is a test of this item that still covers the patient on their date (brief: "a
 * screening recorded in the EHR means the screening is done"); an old record whose cover has run
 * out, or one dated after today, changes nothing but the timeline.
 */
export function decideScreeningDone(event: ScreeningDone, context: RecordContext): RecordDecision {
  const { test } = event;
  if (!test) return { kind: 'complete', summary: `Done elsewhere on ${event.at}` };
  const definition = screeningTests[test];
  if (definition.item !== context.item) {
    return { kind: 'refuse', reason: `a ${definition.label} is not a test for ${context.item}` };
  }
  const what = `${definition.label}${event.code ? ` (${event.code})` : ''} on ${event.at}`;
  if (event.at > context.today) {
    return { kind: 'note', summary: `Recorded in the EHR with a date to come: ${what}; outreach goes on` };
  }
  if (definition.seasonStartMonth !== undefined) {
    const seasonStart = seasonStartOn(context.today, definition.seasonStartMonth);
    if (event.at < seasonStart) {
      return {
        kind: 'note',
        summary: `Recorded in the EHR: ${what}, from a season before the one that began ${seasonStart}; outreach goes on`,
      };
    }
    return { kind: 'complete', summary: `Screening recorded in the EHR: ${what}` };
  }
  const interval = context.intervalOf(test);
  if (monthsBetween(event.at, context.today) >= interval) {
    return {
      kind: 'note',
      summary: `Recorded in the EHR: ${what}, older than its ${interval} months of cover; outreach goes on`,
    };
  }
  return { kind: 'complete', summary: `Screening recorded in the EHR: ${what}` };
}

export interface ExclusionRecorded {
  reason: ExclusionReason;
  side?: 'left' | 'right' | 'unknown' | undefined;
  code: string;
  at?: string | undefined;
}

/**
 * An exclusion recorded in the EHR (HEDIS BCS-E, COL-E, CCS-E): the outreach for its item ends
 * with the reason. A one-sided mastectomy adds to `oneSides` and excludes once both are gone.
 */
export function decideExclusion(
  event: ExclusionRecorded,
  context: RecordContext,
  oneSides: readonly OneSideRecord[],
): RecordDecision {
  const rule = exclusionRules.find((candidate) => candidate.reason === event.reason);
  if (rule?.item !== context.item) {
    return {
      kind: 'refuse',
      reason: `${exclusionLabels[event.reason]} does not exclude from ${context.item}`,
    };
  }
  const label = exclusionLabels[event.reason];
  if (
    event.side &&
    !bothSidesGone([...oneSides, { side: event.side, ...(event.at ? { at: event.at } : {}) }])
  ) {
    return {
      kind: 'note',
      summary: `One-sided mastectomy (${event.side} side, ${event.code}) recorded in the EHR: the other breast is still screened`,
    };
  }
  return {
    kind: 'exclude',
    summary: `Journey ended: ${label} recorded in the EHR (${event.code}): no longer screened`,
  };
}

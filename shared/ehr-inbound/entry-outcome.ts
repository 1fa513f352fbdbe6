import type { Resource } from '@medplum/fhirtypes';
import { clinicalTimeOf, instantMs } from '../../contracts/ehr/clinical-time';
import { resourceKey } from '../../contracts/ehr/fhir-references';
import type { EhrEvent } from '../../persistence/entities/ehr-event.entity';
import type { InboundEntry } from './event-entries';
import type { JourneyResult } from './journey-dispatcher';

export const ENTRY_OUTCOMES = ['applied', 'started', 'ignored', 'duplicate', 'failed'] as const;
export type EntryOutcomeKind = (typeof ENTRY_OUTCOMES)[number];

/** What became of one EHR event: the API answers it per entry (EntryOutcomeView has this shape). */
export interface EntryOutcome {
  entry: number;
  eventNumber?: number;
  resource?: string;
  outcome: EntryOutcomeKind;
  reason?: string;
  rule?: string;
  journeys?: JourneyResult[];
}

/** What an entry needs before it can be applied: its resource (read from the EHR for id-only events). */
export type Resolution = { resource: Resource } | { ignore: string } | { retry: string };

export interface PendingEntry {
  entry: InboundEntry;
  row: EhrEvent;
  resolution: Resolution;
}

/** Clinical time first (a result sent late still goes before a later one), then arrival order. */
export function inClinicalOrder(pending: PendingEntry[]): PendingEntry[] {
  const timeOf = (item: PendingEntry) =>
    'resource' in item.resolution ? instantMs(clinicalTimeOf(item.resolution.resource)) : undefined;
  return pending
    .map((item, position) => ({ item, position, at: timeOf(item) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.position - b.position)
    .map(({ item }) => item);
}

export function baseView(entry: InboundEntry, resource: Resource | undefined): Omit<EntryOutcome, 'outcome'> {
  const name =
    (resource && resourceKey(resource)) ?? entry.fetch ?? (entry.resource && resourceKey(entry.resource));
  return {
    entry: entry.index,
    ...(entry.eventNumber !== undefined ? { eventNumber: entry.eventNumber } : {}),
    ...(name ? { resource: name } : {}),
  };
}

export function outcomeView(row: EhrEvent): Pick<EntryOutcome, 'outcome' | 'reason' | 'rule' | 'journeys'> {
  const outcome = (row.outcome ?? {}) as {
    outcome?: EntryOutcomeKind;
    reason?: string;
    rule?: string;
    journeys?: JourneyResult[];
  };
  return {
    outcome: outcome.outcome ?? (row.status === 'applied' ? 'applied' : 'ignored'),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.rule ? { rule: outcome.rule } : {}),
    ...(outcome.journeys?.length ? { journeys: outcome.journeys } : {}),
  };
}

export function duplicateOf(entry: InboundEntry, row: EhrEvent): EntryOutcome {
  const first = outcomeView(row);
  return {
    ...baseView(entry, entry.resource),
    outcome: 'duplicate',
    reason: `received before (${row.receivedAt.toISOString()}) and ${first.outcome === 'duplicate' ? 'ignored' : first.outcome} then; nothing changed`,
    ...(first.rule ? { rule: first.rule } : {}),
  };
}

/** Counts only: outcomes name resources and patients' journeys, which stay out of the log. */
export function summarize(outcomes: EntryOutcome[]): string {
  if (outcomes.length === 0) return 'acknowledged';
  const counts = new Map<string, number>();
  for (const { outcome } of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}

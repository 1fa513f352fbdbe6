import { JOURNEY_ID } from '../journeys/journey-id.pipe';
import { PATIENT_ID } from '../patients/patient-id.pipe';
import { DEFINITION_ID } from '../../contracts/journey-definitions/definition-schema';
import type { AuditIdSource, AuditSources, AuditSpec } from './audited.decorator';

export interface AuditTargets {
  journeyId: string | null;
  patientId: string | null;
  definitionId: string | null;
}

/** The journey and patient a call concerns, as far as its route, query and result tell. */
export function auditTargets(spec: AuditSpec, sources: AuditSources): AuditTargets {
  return {
    journeyId: wellFormed(valueOf(spec.journeyId, sources), JOURNEY_ID),
    patientId: wellFormed(valueOf(spec.patientId, sources), PATIENT_ID),
    definitionId: wellFormed(valueOf(spec.definitionId, sources), DEFINITION_ID),
  };
}

/** The one journey an EHR event moved or started; null when it touched none or several. */
export function singleJourneyOfEhrResult({ result }: AuditSources): string | undefined {
  const entries = (result as { entries?: Array<{ journeys?: Array<{ id: string }> }> } | undefined)?.entries;
  const ids = new Set(
    (entries ?? []).flatMap((entry) => (entry.journeys ?? []).map((journey) => journey.id)),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
}

function valueOf(source: AuditIdSource | undefined, sources: AuditSources): unknown {
  if (!source) return undefined;
  if (typeof source === 'function') return source(sources);
  const [root, ...keys] = source.split('.') as [keyof AuditSources, ...string[]];
  let value: unknown = sources[root];
  for (const key of keys) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

// Only a well-formed id is kept: whatever else a caller typed into a URL could be health information.
function wellFormed(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

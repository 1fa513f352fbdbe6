import type { Resource } from '@medplum/fhirtypes';

const FULL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/**
 * A FHIR `date`, `dateTime` or `instant` as an ISO 8601 instant with offset, the form journey
 * events take. A full date-time keeps its own offset (journeys word times with it); a date
 * without a time (`2025-03-14`, `2025-03`, `2025`) becomes the start of that day, month or year
 * in UTC: the EHR did not say more, and order only needs the day.
 */
export function toInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (FULL_DATE_TIME.test(value)) return Number.isNaN(Date.parse(value)) ? undefined : value;
  const partial = PARTIAL_DATE.exec(value);
  if (!partial) return undefined;
  const [, year, month = '01', day = '01'] = partial;
  const instant = `${year}-${month}-${day}T00:00:00Z`;
  return Number.isNaN(Date.parse(instant)) ? undefined : instant;
}

/**
 * When the fact a resource reports happened in the patient's care, which is the order journeys
 * must see events in (a result sent late still belongs before a later one):
 * Observation effective time (else issued), Condition onset (else recorded date),
 * DiagnosticReport issued (the diagnosis exists once reported; else effective), Encounter end
 * (else start), Appointment start, ServiceRequest authored, Consent date. Undefined when the
 * resource says nothing of it.
 */
export function clinicalTimeOf(resource: Resource): string | undefined {
  switch (resource.resourceType) {
    case 'Observation':
      return toInstant(
        resource.effectiveDateTime ??
          resource.effectiveInstant ??
          resource.effectivePeriod?.start ??
          resource.effectivePeriod?.end ??
          resource.issued,
      );
    case 'Condition':
      return toInstant(resource.onsetDateTime ?? resource.onsetPeriod?.start ?? resource.recordedDate);
    case 'DiagnosticReport':
      return toInstant(resource.issued ?? resource.effectiveDateTime ?? resource.effectivePeriod?.end);
    case 'Encounter':
      return toInstant(resource.period?.end ?? resource.period?.start);
    case 'Appointment':
      return toInstant(resource.start);
    case 'ServiceRequest':
      return toInstant(resource.authoredOn);
    case 'Consent':
      return toInstant(resource.dateTime);
    case 'Procedure':
      return toInstant(
        resource.performedDateTime ?? resource.performedPeriod?.end ?? resource.performedPeriod?.start,
      );
    case 'Immunization':
      return toInstant(resource.occurrenceDateTime);
    default:
      return undefined;
  }
}

/** Epoch milliseconds of an instant from `toInstant`, for ordering. */
export function instantMs(instant: string | undefined): number | undefined {
  return instant === undefined ? undefined : Date.parse(instant);
}

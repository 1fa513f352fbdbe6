import type { Reference } from '@medplum/fhirtypes';
import type { RecordedResource } from '../../../workflows/journey-events';
import { eventRulesFor } from '../../../workflows/journey-trigger-list';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { ignore, type RoutingDecision } from '../routing-decision';
import { eventDecision } from './event-decision';
import { noPatient } from './route-helpers';

/**
 * A clinical record (a test done, an organ removed) is read whole by the first journey record
 * rule that takes it (`<journey>.ehr-events.ts`, in module order): the rule checks its statuses
 * and dates in its own order, the router then only the patient. Undefined when no rule takes it.
 */
export function routeRecord(resource: RecordedResource): RoutingDecision | undefined {
  for (const rule of eventRulesFor('record')) {
    if (!rule.reads.includes(resource.resourceType)) continue;
    const reading = rule.read(resource);
    if (!reading) continue;
    if (reading.kind === 'ignore') return ignore(reading.reason, rule.id);
    const { field, reference } = patientOf(resource);
    const patientId = patientIdOf(reference);
    if (!patientId) return noPatient(`${resource.resourceType}.${field}`, rule.id);
    return eventDecision(rule, reading, patientId);
  }
  return undefined;
}

function patientOf(resource: RecordedResource): { field: string; reference: Reference | undefined } {
  return resource.resourceType === 'Immunization'
    ? { field: 'patient', reference: resource.patient }
    : { field: 'subject', reference: resource.subject };
}

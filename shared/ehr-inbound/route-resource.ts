import type { Resource } from '@medplum/fhirtypes';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { ignore, type RoutingDecision } from './routing-decision';
import { routeAppointment } from './routes/appointment-route';
import { routeCommunication } from './routes/communication-route';
import { routeCondition } from './routes/condition-route';
import { routeConsent } from './routes/consent-route';
import { routeDiagnosticReport } from './routes/diagnostic-report-route';
import { routeEncounter } from './routes/encounter-route';
import { routeObservation } from './routes/observation-route';
import { routePatient } from './routes/patient-route';
import { routeRecord } from './routes/record-route';
import { noRuleFor } from './routes/route-helpers';
import { routeServiceRequest } from './routes/service-request-route';

/*
 * Routing: what one EHR resource means for Carepath's journeys. What starts a journey and what
 * moves a running one are the journey's own declarations (`<journey>.starts.ts`,
 * `<journey>.ehr-events.ts` and the links of `<journey>.triggers.ts`, read from the module list);
 * what concerns the patient whatever the journey (a death, consent) is the API's own. Each file in
 * routes/ reads them for one kind of resource; record-route.ts asks the journeys' record rules
 * (a screening done, an exclusion) about what no coded rule took.
 */

export interface RoutingContext {
  /**
   * The last journey event this same resource was applied as (from the inbox): a booked
   * Appointment that comes again with another start is a reschedule, with the same start no news.
   */
  previous?: JourneyEvent;
}

/** What one EHR resource means for Carepath's journeys, by the routing rules; no I/O. */
export function routeResource(resource: Resource, context: RoutingContext = {}): RoutingDecision {
  switch (resource.resourceType) {
    case 'Observation':
      return routeObservation(resource);
    case 'Condition':
      return routeCondition(resource);
    case 'Encounter':
      return routeEncounter(resource);
    case 'ServiceRequest':
      return routeServiceRequest(resource);
    case 'DiagnosticReport':
      return routeDiagnosticReport(resource);
    case 'Appointment':
      return routeAppointment(resource, context.previous);
    case 'Consent':
      return routeConsent(resource);
    case 'Communication':
      return routeCommunication(resource);
    case 'Procedure':
      return routeRecord(resource) ?? noRuleFor('Procedure', resource.code);
    case 'Immunization':
      return routeRecord(resource) ?? noRuleFor('Immunization', resource.vaccineCode);
    case 'Patient':
      return routePatient(resource);
    default:
      return ignore(`no routing rule takes ${resource.resourceType} resources`);
  }
}

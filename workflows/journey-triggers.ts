import type { CodeableConcept } from '@medplum/fhirtypes';
import type { EventRule } from './journey-events';
import type { StartRule } from './journey-starts';

/*
 * What a journey listens to: which EHR resources start it, which events it takes from which
 * resources and how it reads them, how a resource must be linked to one journey before it may move it, and what closes
 * it. Pure data (no I/O), one exported const per journey in `<journey>.triggers.ts`, the `triggers`
 * field of its module (`defineJourney(...)` in `<journey>.journey.ts`); `journeyTriggerList()`
 * (journey-trigger-list.ts) reads them from the module list, and the EHR router reads these
 * declarations and nothing else to decide which journeys an event is for.
 *
 * The safety rule behind it (product safety invariant 8, brief clinical-safety.md "Events belong
 * to the journey they are about"): an Appointment, Encounter or result moves a journey only when
 * it is linked to it. There is no "the patient's only running journey" fallback.
 */

/** The code systems declarations are written in (the same URIs as the router's CODE_SYSTEMS). */
export const TRIGGER_SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  cpt: 'http://www.ama-assn.org/go/cpt',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  /** HL7 v2 table 0276, Appointment reason codes: R4's example binding of Appointment.appointmentType. */
  appointmentReason: 'http://terminology.hl7.org/CodeSystem/v2-0276',
  /** HL7 FHIR service-type codes (Appointment.serviceType's example binding). */
  serviceType: 'http://terminology.hl7.org/CodeSystem/service-type',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
} as const;

/** Codes of one system; with `prefix`, a code also matches its children. */
export interface DeclaredCodes {
  system: string;
  codes: readonly string[];
  prefix?: boolean;
}

/** A named set of codes a journey declares, with where it comes from. */
export interface DeclaredValueSet {
  label: string;
  codes: readonly DeclaredCodes[];
  /** The source of the set, or "tunable default" and why. */
  source: string;
}

export type TriggerResource =
  | 'Appointment'
  | 'Communication'
  | 'Condition'
  | 'DiagnosticReport'
  | 'Encounter'
  | 'Observation'
  | 'Patient'
  | 'ServiceRequest';

/**
 * How a resource is linked to one journey of the type. A declaration lists the links it accepts;
 * a resource that meets none of them moves no journey of the type.
 * - `resource`: the resource itself was applied to (or started) the journey before, or a
 *   reference in the named fields points at a resource that did: `basedOn` the ServiceRequest
 *   the journey tracks, `evidence` naming its report;
 * - `instance`: a code in the resource names the patient's one journey of the type (the screening
 *   item of a preventive outreach) as the journey's parameter `param`, by the codes `values`
 *   declares for each parameter value;
 * - `value-set`: a code in the named fields is in a value set this journey declares: the patient's
 *   running journeys of the type take it (one per patient where the type says so);
 * - `instance-id`: the resource's own id names the journey instance, as its parameter `param`
 *   (the appointment reminder started for EHR Appointment <id>);
 * - `patient`: a fact about the patient themself (a readmission, a death): every running journey
 *   of the type takes it.
 */
export type EventLink =
  | { kind: 'resource'; via: ReadonlyArray<'self' | 'basedOn' | 'evidence'> }
  | {
      kind: 'instance';
      param: string;
      values: Readonly<Record<string, readonly DeclaredCodes[]>>;
      fields: readonly CodedField[];
    }
  | {
      kind: 'value-set';
      valueSet: string;
      fields: readonly CodedField[];
      /** The program setting (a list of DeclaredCodes) that replaces the declared set, once published. */
      setting?: string;
    }
  | { kind: 'instance-id'; param: string }
  | { kind: 'patient' };

export type CodedField = 'serviceType' | 'appointmentType' | 'reasonCode' | 'code';

/** What in a resource can link it to a journey: its own key, its references, its coded fields. */
export interface LinkFacts {
  self?: string;
  basedOn?: string[];
  evidence?: string[];
  coded?: Partial<Record<CodedField, readonly CodeableConcept[]>>;
}

/** Events a journey takes from one kind of resource, and the links that let it. */
export interface EventTrigger {
  resource: TriggerResource;
  /** Resource status -> the journey's event type (statuses not listed change nothing). */
  events: Readonly<Record<string, string>>;
  /**
   * Events (of `events`) that carry when the visit took place as `at`: an Appointment's end, else
   * its start. A journey whose clock stops when the visit is over declares it; others get no `at`.
   */
  dated?: readonly string[];
  links: readonly EventLink[];
  /** What the event means for the journey, for the clinical review page. */
  description: string;
}

export interface JourneyTriggers {
  journey: string;
  /** The EHR resources that start it, and how it reads them (`<journey>.starts.ts`). */
  starts: readonly StartRule[];
  /** What the EHR resources it takes mean for a running journey of the type (`<journey>.ehr-events.ts`). */
  events: readonly EventRule[];
  takes: readonly EventTrigger[];
  /** The value sets named by `value-set` links. */
  valueSets: Readonly<Record<string, DeclaredValueSet>>;
  /** What ends a journey of the type, one sentence each. */
  closes: readonly string[];
}

/** The events `journey` takes from `resource`, or undefined when it takes none. */
export function eventTriggerOf(
  triggers: JourneyTriggers,
  resource: TriggerResource,
): EventTrigger | undefined {
  return triggers.takes.find((take) => take.resource === resource);
}

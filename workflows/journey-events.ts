import type {
  Communication,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Procedure,
} from '@medplum/fhirtypes';
import type { CodeMatch } from '../contracts/ehr/code-systems';
import type { JourneyEvent } from '../contracts/journey-contract';
import type { ConditionFacts } from './journey-starts';
import type { LinkFacts } from './journey-triggers';

/*
 * What moves a running journey from the EHR: each journey declares its event rules in
 * `<journey>.ehr-events.ts` (the `events` of its triggers), as it declares its start rules, and the
 * EHR router (shared/ehr-inbound) reads them from the module list: it names no journey. The router
 * picks a rule by the codes it declares, checks what every rule of that resource type checks
 * alike (a patient, a final result, a present and confirmed Condition, the Encounter's status),
 * asks the rule what the resource means for its journey, and finds the journeys the reading is
 * addressed to. Pure: no I/O, no Node built-ins.
 */

/**
 * Which journeys of the rule's type an event is for (product safety invariant 8: only a journey
 * the resource is linked to):
 * - `instance`: the patient's one journey of the type, or the one these parameters name;
 * - `linked`: only journeys these resources (`Type/id`) started or were applied to before;
 * - `declared`: the journeys the type's declared links (its `takes` of the resource) reach from
 *   these facts; `ifNone` replaces the reason given when none takes it.
 */
export type EventAddress =
  | { to: 'instance'; params: Record<string, unknown> }
  | { to: 'linked'; resources: readonly string[] }
  | { to: 'declared'; facts: LinkFacts; ifNone?: string };

/** What one resource means for a running journey of the type whose event rule took it. */
export type EventReading =
  { kind: 'event'; event: JourneyEvent; address: EventAddress } | { kind: 'ignore'; reason: string };

export function notMoved(reason: string): EventReading {
  return { kind: 'ignore', reason };
}

interface EventRuleBase {
  /** The rule id decisions and the inbox record. */
  id: string;
  label: string;
  /** What the resource does to the journey, for the clinical review page. */
  description: string;
  /** The codes that select the resource (each resource type says which field they are matched on). */
  codes: readonly CodeMatch[];
}

/** Selected by Observation.code; only a final result is read. */
export interface ObservationEventRule extends EventRuleBase {
  resource: 'Observation';
  read(observation: Observation): EventReading;
}

/** Selected by Condition.code; read once the router found it present (or refuted) and not in error. */
export interface ConditionEventRule extends EventRuleBase {
  resource: 'Condition';
  read(condition: Condition, facts: ConditionFacts): EventReading;
}

/** Selected by Encounter.class (a Coding in R4) and one of `statuses`. */
export interface EncounterEventRule extends EventRuleBase {
  resource: 'Encounter';
  statuses: readonly string[];
  read(encounter: Encounter): EventReading;
}

/** Selected by DiagnosticReport.conclusionCode (or .code when `on` says so); only a final report is read. */
export interface DiagnosticReportEventRule extends EventRuleBase {
  resource: 'DiagnosticReport';
  on: 'conclusionCode' | 'code';
  /** Report categories (v2-0074) the rule requires besides its codes. */
  categories?: readonly CodeMatch[];
  read(report: DiagnosticReport): EventReading;
}

/** Selected by Communication.topic, .reasonCode or .category; the rule reads its status. */
export interface CommunicationEventRule extends EventRuleBase {
  resource: 'Communication';
  read(communication: Communication): EventReading;
}

/** A resource a record rule may read whole. */
export type RecordedResource =
  Procedure | Immunization | Observation | DiagnosticReport | Encounter | Condition;

/** What a record rule reads: its journey, by an instance or a link (never through declared links). */
export type RecordReading =
  | { kind: 'event'; event: JourneyEvent; address: Exclude<EventAddress, { to: 'declared' }> }
  | { kind: 'ignore'; reason: string };

/**
 * Reads a clinical record whole (something done or found: a screening test, an exclusion), with
 * its own checks in its own order, since statuses differ by resource type (a Procedure
 * `completed`, a result `final` or `appended`, an Encounter `finished`) and a date may decide
 * before the patient is looked at. The router asks record rules, in module order, about every
 * Procedure and Immunization, and about an Observation, DiagnosticReport, Encounter or Condition
 * that no rule above selected by its code or class; the first one that takes the resource decides,
 * and the router then checks only its patient. `codes` lists every code the rule takes, for the
 * review page; the rule matches them itself, on the fields each resource type codes them in.
 */
export interface RecordEventRule extends EventRuleBase {
  resource: 'record';
  /** The resource types it reads. */
  reads: ReadonlyArray<RecordedResource['resourceType']>;
  /** Undefined when the resource is not for this rule (the next rule is asked). */
  read(resource: RecordedResource): RecordReading | undefined;
}

export type EventRule =
  | ObservationEventRule
  | ConditionEventRule
  | EncounterEventRule
  | DiagnosticReportEventRule
  | CommunicationEventRule
  | RecordEventRule;
export type EventResource = EventRule['resource'];

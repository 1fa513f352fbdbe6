import type { Condition, Encounter, ServiceRequest } from '@medplum/fhirtypes';
import type { CodeMatch } from '../contracts/ehr/code-systems';
import type { JourneyEvent } from '../contracts/journey-contract';

/*
 * What starts a journey from the EHR: each journey declares its start rules in
 * `<journey>.starts.ts` (the `starts` of its triggers), and the EHR router (shared/ehr-inbound)
 * reads them from the module list: it names no journey. The router picks a rule by the codes the
 * rule declares, checks what every rule of that resource type checks alike (a patient; for a
 * Condition, one present and confirmed), then asks the rule what the resource means for its
 * journey and turns that reading into a routing decision. Pure: no I/O, no Node built-ins.
 */

/** What one resource means for the journey whose start rule took it. */
export type StartReading =
  | { kind: 'start'; params: Record<string, unknown>; whenRunning?: JourneyEvent }
  | { kind: 'ignore'; reason: string }
  /** No journey starts; a running journey of the type hears of it (through its `patient` link) and decides. */
  | { kind: 'tell-running'; event: JourneyEvent; ifNone: string }
  /** The resource that started a journey was withdrawn: that journey (linked to the resource) ends. */
  | { kind: 'withdrawn'; reason: string }
  /** The resource records the patient's death: every running journey of the patient ends. */
  | { kind: 'patient-died'; reason: string };

export function notStarted(reason: string): StartReading {
  return { kind: 'ignore', reason };
}

interface StartRuleBase {
  /** The rule id decisions and the inbox record. */
  id: string;
  label: string;
  /** What starts the journey, for the clinical review page. */
  description: string;
  /** The codes that select the resource (Encounter.class; Condition.code; ServiceRequest.code or .category). */
  codes: readonly CodeMatch[];
}

export interface EncounterStartRule extends StartRuleBase {
  resource: 'Encounter';
  /** Encounter statuses the rule reads; an Encounter of its class in another status changes nothing. */
  statuses: readonly string[];
  read(encounter: Encounter): StartReading;
}

/** What the router has checked on a Condition before a rule reads it. */
export interface ConditionFacts {
  /** Verification status refuted (else confirmed or not stated; present, not resolved). */
  refuted: boolean;
  /** When it happened in the patient's care (clinicalTimeOf). */
  at?: string;
}

export interface ConditionStartRule extends StartRuleBase {
  resource: 'Condition';
  read(condition: Condition, facts: ConditionFacts): StartReading;
}

export interface ServiceRequestStartRule extends StartRuleBase {
  resource: 'ServiceRequest';
  /** Business identifier systems that select the request as well as its codes. */
  identifierSystems: readonly string[];
  read(request: ServiceRequest): StartReading;
}

export type StartRule = EncounterStartRule | ConditionStartRule | ServiceRequestStartRule;
export type StartResource = StartRule['resource'];

import type { CodeableConcept } from '@medplum/fhirtypes';
import type { ConsentStatus } from '../../persistence/entities/channel-consent.entity';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import type { JourneyEvent } from '../../contracts/journey-contract';

/**
 * Which journeys an event is for, derived from the journeys' trigger declarations
 * (workflows/journey-triggers.ts); tried in order until one step finds any:
 * 1. `linkedTo`: journeys these resources started or were applied to before (the Appointment
 *    itself, the ServiceRequest it is based on): the journey that asked for it;
 * 2. `instances` and `running`, together: the patient's journey of a type whose id follows from a
 *    code in the resource (the preventive journey for a screening item), and every running journey
 *    of a type that declares the resource's code in its value set or takes it as a fact about the
 *    patient (a readmission, a death).
 * There is no "the patient's only running journey" step: an event no declaration links to a
 * journey moves none (safety invariant 8).
 */
export interface JourneyTarget {
  linkedTo: string[];
  /** `exact`: the journey was started for this very resource (its id is the instance): as good as linked. */
  instances: Array<{ journey: string; params: Record<string, unknown>; exact?: true }>;
  running?: { journeys: string[] };
  /**
   * Declared value sets a program may replace with its own (a setting): the dispatcher matches
   * the resource's codes against the published setting, adding or dropping the journey from
   * `running` accordingly (the router knows only the declared default).
   */
  programValueSets?: Array<{ journey: string; setting: string; concepts: CodeableConcept[] }>;
  /**
   * The reason given when no journey takes the event, and a sign that it must not wait for a
   * journey to start: set when nothing but the resource itself could link it (no basedOn, no
   * declared code; the reason names its codes), or when the route knows no journey should start.
   */
  ifNone?: string;
}

export interface ConsentDecision {
  channel: DeliveryChannel;
  status: ConsentStatus;
}

/** What one resource means for Carepath, decided by the routing rules without any I/O. */
export type RoutingDecision =
  | { kind: 'ignore'; reason: string; rule?: string }
  | {
      kind: 'start';
      rule: string;
      patientId: string;
      journey: string;
      params: Record<string, unknown>;
      /**
       * For journeys of one running instance per patient: when one is running, this event goes to
       * it instead of a second journey (a second emergency visit restarts the running follow-up).
       */
      whenRunning?: JourneyEvent;
    }
  | {
      kind: 'event';
      rule: string;
      patientId: string;
      /** The event each journey type takes for this fact (appointment events differ by journey). */
      events: Record<string, JourneyEvent>;
      target: JourneyTarget;
    }
  | {
      kind: 'cancel';
      rule: string;
      patientId: string;
      journeys: string[];
      reason: string;
      target: JourneyTarget;
    }
  | {
      kind: 'consent';
      rule: string;
      patientId: string;
      /** When the patient decided, per the EHR: an older decision never overwrites a newer one. */
      decidedAt?: string;
      changes: ConsentDecision[];
    };

export type IgnoreDecision = Extract<RoutingDecision, { kind: 'ignore' }>;

export function ignore(reason: string, rule?: string): IgnoreDecision {
  return { kind: 'ignore', reason, ...(rule ? { rule } : {}) };
}

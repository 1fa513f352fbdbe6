import type { ConsentStatus } from '../../database/channel-consent.entity';
import type { DeliveryChannel } from '../../engagement/channels/channel-adapter';
import type { JourneyEvent } from '../../../workflows/journey-contract';

/**
 * Which journeys an event is for, tried in order until one step finds any:
 * 1. `linkedTo`: journeys these resources started or were applied to before (the Appointment
 *    itself, the ServiceRequest it is based on): the journey that asked for it;
 * 2. `instances`: the patient's journey of a type whose id follows from its parameters (the one
 *    prediabetes journey, the preventive journey for a screening item), if it is running;
 * 3. `running`: the patient's running journeys of these types, exactly one (else the event is
 *    ambiguous and ignored) or all of them.
 */
export interface JourneyTarget {
  linkedTo: string[];
  instances: Array<{ journey: string; params: Record<string, unknown> }>;
  running?: { journeys: string[]; pick: 'one' | 'all' };
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

import type { JourneyTriggers } from './journey-triggers';
import { journeyModules } from './journeys';

/** Every journey type's triggers, read from the module list: the EHR router reads these and nothing else. */
export function journeyTriggerList(): readonly JourneyTriggers[] {
  return journeyModules.map((journey) => journey.triggers);
}

export function triggersOf(journey: string): JourneyTriggers | undefined {
  return journeyTriggerList().find((triggers) => triggers.journey === journey);
}

import type { JourneyModule } from './journey-module';
import { journeyModules } from './journeys';

/** A journey type as the API offers it: a journey module (journey-module.ts). */
export type JourneyType = JourneyModule;

/** Every journey type, read from the module list (journeys.ts), including registered ones. */
export const journeyTypes: readonly JourneyType[] = journeyModules;

export function findJourneyType(id: string): JourneyType | undefined {
  return journeyTypes.find((type) => type.id === id);
}

export function findJourneyTypeByWorkflow(workflowType: string): JourneyType | undefined {
  return journeyTypes.find((type) => type.workflowType === workflowType);
}

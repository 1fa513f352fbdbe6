import type { JourneyInput, JourneyProgress } from '../journey-contract';

// SKELETON: to be replaced by the real journey.
export async function emergencyFollowUpWorkflow(_input: JourneyInput<unknown>): Promise<JourneyProgress> {
  throw new Error('emergency-follow-up is not built yet');
}

import type { JourneyInput, JourneyProgress } from '../journey-contract';

// SKELETON: to be replaced by the real journey.
export async function preventiveOutreachWorkflow(_input: JourneyInput<unknown>): Promise<JourneyProgress> {
  throw new Error('preventive-outreach is not built yet');
}

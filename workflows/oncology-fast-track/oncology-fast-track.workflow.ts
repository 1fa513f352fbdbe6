import type { JourneyInput, JourneyProgress } from '../journey-contract';

// SKELETON: to be replaced by the real journey.
export async function oncologyFastTrackWorkflow(_input: JourneyInput<unknown>): Promise<JourneyProgress> {
  throw new Error('oncology-fast-track is not built yet');
}

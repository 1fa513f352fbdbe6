import type { JourneyInput, JourneyProgress } from '../journey-contract';

// SKELETON: to be replaced by the real journey.
export async function prediabetesCareWorkflow(_input: JourneyInput<unknown>): Promise<JourneyProgress> {
  throw new Error('prediabetes-care is not built yet');
}

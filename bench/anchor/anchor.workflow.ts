import { defineQuery, defineUpdate, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { journeyStageKey } from '../../contracts/search-attributes';

/*
 * The anchor of the benchmarks (issue 23): the least a journey can be on this SDK, so every
 * Carepath figure can be read as a ratio to it. Like an appointment reminder it is started with
 * the journey's search attributes, says on its first task that it is asleep (stage `scheduled`,
 * as the journeys' first task does, so both are counted asleep the same way), answers a progress
 * query and an event update, and sleeps on one timer until the appointment. Nothing else: no
 * contract parsing, no timeline, no activities. It is bundled and run only by the bench.
 */

export interface AnchorInput {
  appointmentAt: string;
}

export interface AnchorProgress {
  stage: 'scheduled' | 'ended';
  eventsApplied: number;
}

export const anchorProgressQuery = defineQuery<AnchorProgress>('anchorProgress');
export const anchorEventUpdate = defineUpdate<AnchorProgress, [{ type: string }]>('anchorEvent');

export async function anchorJourneyWorkflow(input: AnchorInput): Promise<AnchorProgress> {
  const progress: AnchorProgress = { stage: 'scheduled', eventsApplied: 0 };
  setHandler(anchorProgressQuery, () => progress);
  setHandler(anchorEventUpdate, () => {
    progress.eventsApplied += 1;
    return progress;
  });
  upsertSearchAttributes([{ key: journeyStageKey, value: 'scheduled' }]);
  await sleep(Math.max(1, Date.parse(input.appointmentAt) - Date.now()));
  progress.stage = 'ended';
  return progress;
}

import { condition, setHandler } from '@temporalio/workflow';
import {
  keptEventsDeliveredUpdate,
  type KeptEvents,
  type KeptEventsDelivered,
} from '../contracts/journey-contract';
import type { JourneyState } from './journey-state';

/**
 * How long a journey started with kept EHR events holds its first step for the starter to
 * deliver them (HZ-35). The starter releases it within its own request, in seconds; the limit
 * only keeps a starter that crashed in between from holding a patient's journey for ever.
 */
export const KEPT_EVENTS_HOLD_MS = 2 * 60_000;

/**
 * Holds the journey until the starter says the events the EHR sent before the enrolment are
 * delivered (`keptEventsDeliveredUpdate`), the journey ends meanwhile (a kept death), or the
 * hold times out; the timeline says which. The events themselves arrive as ordinary event
 * updates while it holds, so the first step sees what they changed. Resolves to whether the
 * journey is still open to take that step.
 */
export async function holdForKeptEvents(state: JourneyState, kept: KeptEvents): Promise<boolean> {
  let delivered: KeptEventsDelivered | undefined;
  // Set now, before the journey's event handlers (a microtask later): the starter sends the
  // release only after each of its events was answered, so it can never overtake them.
  setHandler(keptEventsDeliveredUpdate, (done) => {
    delivered ??= done;
  });
  const inTime = await condition(() => delivered !== undefined || !state.isOpen, KEPT_EVENTS_HOLD_MS);
  const count = `${kept.expected} EHR event${kept.expected === 1 ? '' : 's'} that came before the enrolment`;
  if (!inTime) {
    state.record(
      'control',
      `Held its first step for ${count}; no word they were delivered within ${KEPT_EVENTS_HOLD_MS / 60_000} minutes, so it went on without waiting further`,
    );
  } else if (delivered) {
    state.record('control', `Held its first step for ${count}: ${delivered.applied} applied first`);
  }
  return state.isOpen;
}

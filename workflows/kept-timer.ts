import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';
import type { WaitOutcome } from './journey-clocks';

/**
 * A wall-clock wait whose timer outlives the wake-ups that end it early. A journey that sleeps
 * until its next step and is woken by every event used to cancel its timer and start the same
 * one again after each: two history events, a command and a workflow task's worth of promises
 * per event (three readings a week in a year-long program). Kept, the timer is replaced only
 * when the time to wait for moves, and fires as it would have.
 */
export class KeptTimer {
  private pending: PendingTimer | undefined;

  constructor(
    private readonly summary: string,
    private readonly isOpen: () => boolean,
  ) {}

  /** Waits until `epochMs`; returns early with 'woken' when `wake()` turns true, 'ended' when the journey ends. */
  async sleepUntil(epochMs: number, wake: () => boolean): Promise<WaitOutcome> {
    if (!this.isOpen()) return 'ended';
    if (wake()) return 'woken';
    if (epochMs - Date.now() <= 0) {
      this.cancel();
      return 'elapsed';
    }
    const timer = this.timerFor(epochMs);
    await condition(() => timer.fired || timer.failure !== undefined || !this.isOpen() || wake());
    // The workflow itself was cancelled: the wait fails as a `condition` with a timeout would.
    if (timer.failure !== undefined) throw timer.failure;
    if (!this.isOpen()) return 'ended';
    return timer.fired ? 'elapsed' : 'woken';
  }

  /** Drops the timer (a wait with nothing to wait for): a timer left behind would fire for nothing. */
  cancel(): void {
    this.pending?.scope.cancel();
    this.pending = undefined;
  }

  private timerFor(epochMs: number): PendingTimer {
    if (this.pending?.epochMs === epochMs) return this.pending;
    this.cancel();
    const scope = new CancellationScope();
    const timer: PendingTimer = { epochMs, scope, fired: false, failure: undefined };
    scope
      .run(() => sleep(epochMs - Date.now(), { summary: this.summary }))
      .then(
        () => {
          timer.fired = true;
        },
        (error: unknown) => {
          // Replaced or dropped here: nothing waits on it any more. Anything else is the waiter's.
          if (this.pending === timer || !isCancellation(error)) timer.failure = error;
        },
      );
    this.pending = timer;
    return timer;
  }
}

interface PendingTimer {
  epochMs: number;
  scope: CancellationScope;
  fired: boolean;
  failure: unknown;
}

import { condition } from '@temporalio/workflow';
import type { JourneyState } from './journey-state';

export type WaitOutcome = 'elapsed' | 'woken' | 'ended';

const never = () => false;

/**
 * A journey's two clocks. The active clock stops while the journey is paused, so a cadence
 * (`sleep`) resumes where it left off; the wall clock (`sleepUntil`) runs on, because a clinical
 * deadline never pauses. Every wait returns 'ended' as soon as the journey ends.
 *
 * Every wait names its timer (`summary`): the Temporal Web UI shows it on the timer's events.
 * Fixed wording only, as it stays in the history: never a patient's name or data.
 */
export class JourneyClocks {
  constructor(private readonly state: JourneyState) {}

  /** Milliseconds the journey has been running and not paused, since it started. */
  activeElapsedMs(): number {
    return Date.now() - this.state.activeClockStartMs - this.state.pausedMs();
  }

  /**
   * A cadence wait: `durationMs` of active time, so paused time does not count. Returns early
   * with 'woken' when `wake()` turns true, or 'ended' when the journey ends.
   */
  async sleep(durationMs: number, summary: string, wake: () => boolean = never): Promise<WaitOutcome> {
    return this.sleepUntilActive(this.activeElapsedMs() + durationMs, summary, wake);
  }

  /** Waits until the active clock (see `activeElapsedMs`) reads `activeMs`. */
  async sleepUntilActive(
    activeMs: number,
    summary: string,
    wake: () => boolean = never,
  ): Promise<WaitOutcome> {
    const { state } = this;
    for (;;) {
      if (!state.isOpen) return 'ended';
      if (wake()) return 'woken';
      if (state.isPaused) {
        await condition(() => !state.isPaused || !state.isOpen || wake());
        continue;
      }
      const remaining = activeMs - this.activeElapsedMs();
      if (remaining <= 0) return 'elapsed';
      await condition(() => state.isPaused || !state.isOpen || wake(), remaining, { summary });
    }
  }

  /** A wall-clock wait (deadlines): runs on while the journey is paused. */
  async sleepUntil(epochMs: number, summary: string, wake: () => boolean = never): Promise<WaitOutcome> {
    const { state } = this;
    for (;;) {
      if (!state.isOpen) return 'ended';
      if (wake()) return 'woken';
      const remaining = epochMs - Date.now();
      if (remaining <= 0) return 'elapsed';
      await condition(() => !state.isOpen || wake(), remaining, { summary });
    }
  }

  /** Resolves once the journey is not paused; false if it ended meanwhile. */
  async whenRunning(): Promise<boolean> {
    const { state } = this;
    await condition(() => !state.isPaused || !state.isOpen);
    return state.isOpen;
  }
}

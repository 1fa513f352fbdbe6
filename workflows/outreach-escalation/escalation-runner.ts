import type { Channel } from '../../activities/outreach/send-message';
import type { Journey } from '../journey-runtime';
import {
  escalationStepKey,
  nextEscalationMove,
  upcomingEscalation,
  type EscalationPlan,
  type EscalationRound,
  type MessageStep,
  type StaffCallStep,
} from './escalation-plan';
import { HOUR_MS } from '../../contracts/durations';

/** What the journey says in a round: its first channel, its wording, the call task's title. */
export interface EscalationVoice<Wording extends string> {
  defaultChannel: Channel;
  message(step: MessageStep<Wording>): { template: string; values: Record<string, string> };
  call(step: StaffCallStep): { title: string; details?: Record<string, unknown> };
}

/**
 * `step-done`: a step went out; `interrupted`: an update arrived (an event, a pause), so the
 * journey re-plans; `window-closed`: the round ran out with nothing booked; `ended`: the journey ended.
 */
export type EscalationOutcome = 'step-done' | 'interrupted' | 'window-closed' | 'ended';

/**
 * Waits for the round's next move and makes it. The round remembers its progress, so calling this
 * again after an interruption carries on where it stopped: a pause neither repeats nor skips a step.
 */
export async function advanceEscalation<Event, Wording extends string>(
  journey: Journey<Event>,
  plan: EscalationPlan<Wording>,
  round: EscalationRound,
  voice: EscalationVoice<Wording>,
): Promise<EscalationOutcome> {
  const move = nextEscalationMove(plan, round);
  journey.expect(upcomingEscalation(plan, round, journey.activeElapsedMs(), Date.now()));
  const seen = journey.changes;
  const waited = await journey.sleepUntilActive(
    move.dueAtActiveMs,
    move.kind === 'close'
      ? 'Outreach window closes'
      : `Outreach step ${move.stepNumber} of ${plan.steps.length}: ${move.step.action}`,
    () => journey.changes !== seen,
  );
  if (waited === 'ended') return 'ended';
  if (waited === 'woken') return 'interrupted';
  if (move.kind === 'close') return 'window-closed';

  const { step, stepNumber } = move;
  const key = escalationStepKey(round, stepNumber);
  if (step.action === 'message') {
    const channel = step.channel === 'default' ? voice.defaultChannel : step.channel;
    const { template, values } = voice.message(step);
    const answered = journey.changes;
    await journey.notify(key, {
      channel,
      template,
      values,
      summary: `${round.id} step ${stepNumber}: "${template}"`,
      ...(step.respondWithinHours
        ? {
            respondWithinMs: step.respondWithinHours * HOUR_MS,
            responded: () => journey.changes !== answered,
          }
        : {}),
    });
  } else {
    await journey.escalate(key, {
      kind: 'phone-call',
      priority: step.priority,
      dueAt: new Date(Date.now() + step.dueWithinHours * HOUR_MS).toISOString(),
      ...voice.call(step),
    });
  }
  round.stepsDone = stepNumber;
  return 'step-done';
}

import { nextEscalationMove, startRound, upcomingEscalation, type EscalationPlan } from './escalation-plan';
import { escalationPlanSchema } from './escalation-settings';
import { DAY_MS } from '../../contracts/durations';

const plan: EscalationPlan<'hello' | 'letter'> = {
  steps: [
    { afterDays: 0, action: 'message', channel: 'default', wording: 'hello' },
    { afterDays: 0, action: 'message', channel: 'sms', wording: 'hello' },
    { afterDays: 7, action: 'staff-call', priority: 'urgent', dueWithinHours: 24 },
  ],
  closeAfterDays: 30,
};

describe('escalation plan', () => {
  test('steps come due in order, days after the round started on the active clock, then the window closes', () => {
    const round = startRound('rebooking-2', 5 * DAY_MS);

    expect(nextEscalationMove(plan, round)).toMatchObject({
      kind: 'step',
      stepNumber: 1,
      dueAtActiveMs: 5 * DAY_MS,
    });
    round.stepsDone = 2;
    expect(nextEscalationMove(plan, round)).toMatchObject({
      kind: 'step',
      stepNumber: 3,
      dueAtActiveMs: 12 * DAY_MS,
    });
    round.stepsDone = 3;
    expect(nextEscalationMove(plan, round)).toEqual({ kind: 'close', dueAtActiveMs: 35 * DAY_MS });
  });

  test('operators see the remaining steps and the closing, keyed per round, as wall-clock estimates', () => {
    const round = { ...startRound('rebooking-2', 0), stepsDone: 2 };
    const wallNow = Date.parse('2030-01-10T00:00:00Z');

    expect(upcomingEscalation(plan, round, 3 * DAY_MS, wallNow)).toEqual([
      {
        id: 'rebooking-2:step-3',
        label: 'Step 3: staff phone call (urgent)',
        dueAt: '2030-01-14T00:00:00.000Z',
      },
      {
        id: 'rebooking-2:close',
        label: 'Close as unresponsive if nothing is booked',
        dueAt: '2030-02-06T00:00:00.000Z',
      },
    ]);
  });

  test('the settings refuse steps out of order, a window that closes before the last step, and unknown wordings', () => {
    const schema = escalationPlanSchema(['hello', 'letter'] as const);
    expect(schema.safeParse(plan).success).toBe(true);

    const reversed = { ...plan, steps: [...plan.steps].reverse() };
    expect(schema.safeParse(reversed).error?.issues[0]?.message).toMatch(/^Steps must be in order/);
    expect(schema.safeParse({ ...plan, closeAfterDays: 7 }).error?.issues[0]?.path).toEqual([
      'closeAfterDays',
    ]);
    const unknownWording = {
      ...plan,
      steps: [{ afterDays: 0, action: 'message', channel: 'sms', wording: 'shout' }],
    };
    expect(schema.safeParse(unknownWording).success).toBe(false);
  });
});

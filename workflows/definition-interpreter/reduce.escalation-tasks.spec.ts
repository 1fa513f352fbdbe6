import { HOUR_MS } from '../../contracts/durations';
import { emergencyFollowUpDefinition as definition } from '../../test/helpers/definition-examples';
import type { InterpreterCommand, InterpreterInput } from './interpreter-types';
import { initialState, reduce } from './reduce';

/*
 * An escalation plan answered by the event it waits for (a booking) closes the staff tasks it
 * raised (HZ-95): the call to book is pointless once the patient has booked.
 */

const T0 = Date.parse('2026-03-06T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function commandsOf(inputs: InterpreterInput[]): InterpreterCommand[] {
  let state = initialState(definition, {
    timeZone: 'Europe/London',
    facts: { dischargedAt: iso(T0 - 48 * HOUR_MS), disposition: 'home' },
  });
  const commands: InterpreterCommand[] = [];
  for (const input of inputs) {
    const reduction = reduce(definition, state, input);
    state = reduction.state;
    commands.push(...reduction.commands);
  }
  return commands;
}

const nudged: InterpreterInput[] = [
  { type: 'started', at: T0 },
  { type: 'timer-fired', id: 'wait-nudge:timeout', at: T0 },
  { type: 'message-result', step: 'nudge', outcome: 'sent', at: T0 },
];
const booked = (hours: number): InterpreterInput => ({
  type: 'event',
  event: { type: 'appointment-booked', appointmentAt: iso(T0 + (hours + 72) * HOUR_MS) },
  at: T0 + hours * HOUR_MS,
});

describe('the definition interpreter on an escalation plan answered', () => {
  it("[HZ-95] closes the plan's staff tasks once one was raised, naming the event", () => {
    const commands = commandsOf([
      ...nudged,
      { type: 'timer-fired', id: 'outreach:step-1', at: T0 + 48 * HOUR_MS },
      { type: 'timer-fired', id: 'outreach:step-2', at: T0 + 96 * HOUR_MS },
      booked(100),
    ]);
    expect(commands).toContainEqual(
      expect.objectContaining({ type: 'create-task', step: 'outreach/step-2', awaited: false }),
    );
    expect(commands.filter((command) => command.type === 'close-tasks')).toEqual([
      {
        type: 'close-tasks',
        stepsContaining: 'outreach/step-',
        outcome: 'appointment-booked',
        note: "Appointment booked: the escalation's staff tasks are no longer needed",
      },
    ]);
  });

  it('closes nothing when the answer comes before any task was raised', () => {
    const commands = commandsOf([...nudged, booked(10)]);
    expect(commands.filter((command) => command.type === 'close-tasks')).toEqual([]);
  });
});

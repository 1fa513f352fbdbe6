import fc from 'fast-check';
import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../contracts/journey-definitions/definition-schema';
import { validateDefinition } from '../../contracts/journey-definitions/validate-definition';
import type { InterpreterCommand, InterpreterInput, InterpreterState } from './interpreter-types';
import { eventRefusal, initialState, reduce, type StartOptions } from './reduce';

const example = journeyDefinitionSchema.parse(screeningBooking);
const T0 = Date.parse('2026-03-06T09:00:00Z'); // a Friday

/** Feeds inputs one by one, as a host would, and keeps every command. */
function drive(
  definition: JourneyDefinition,
  inputs: InterpreterInput[],
  options: StartOptions = { timeZone: 'Europe/Warsaw' },
) {
  let state: InterpreterState = initialState(definition, options);
  const commands: InterpreterCommand[] = [];
  for (const input of inputs) {
    const reduction = reduce(definition, state, input);
    state = reduction.state;
    commands.push(...reduction.commands);
  }
  return { state, commands, types: commands.map(line) };
}

function line(command: InterpreterCommand): string {
  switch (command.type) {
    case 'send-message':
      return `send ${command.message.key} (${command.step})`;
    case 'start-timer':
      return `start ${command.id} ${command.clock === 'active' ? `${command.afterMs / HOUR_MS} h active` : new Date(command.dueAt).toISOString()}`;
    case 'cancel-timer':
      return `cancel ${command.id}`;
    case 'create-task':
      return `task ${command.task.kind} ${command.task.priority} (${command.step}) due ${command.task.dueAt}`;
    case 'close-tasks':
      return `close tasks ${command.stepsContaining} (${command.outcome})`;
    case 'record':
      return `${command.kind}: ${command.summary}`;
    case 'set-stage':
      return `stage ${command.stage}`;
    case 'end':
      return `end ${command.status} ${command.stage}${command.dropOff ? ' (dropped off)' : ''}`;
  }
}

const at = (days: number, hours = 0) => T0 + days * DAY_MS + hours * HOUR_MS;
const booked = (day: number): InterpreterInput => ({
  type: 'event',
  event: { type: 'appointment-booked', appointmentAt: '2026-04-01T08:00:00Z' },
  at: at(day),
  by: 'EHR event (Appointment)',
});

describe('the definition interpreter (reduce)', () => {
  it('runs the example to "booked" when the patient books within the window', () => {
    const run = drive(example, [
      { type: 'started', at: at(0) },
      { type: 'message-result', step: 'invite', outcome: 'sent', channel: 'sms', at: at(0) },
      booked(5),
    ]);
    expect(run.types).toEqual([
      'send screening-invitation (invite)',
      'start wait-booking:timeout 336 h active',
      'event: Appointment booked',
      'cancel wait-booking:timeout',
      'end completed booked',
    ]);
    expect(run.state).toMatchObject({
      status: 'completed',
      stage: 'booked',
      dropOff: false,
      facts: { appointmentAt: '2026-04-01T08:00:00Z' },
      outcomes: { invite: 'sent', 'wait-booking': 'appointment-booked', 'booked-yet': 'Booked' },
      timers: {},
    });
  });

  it('calls the patient when nothing is booked, and ends by the call outcome', () => {
    const start: InterpreterInput[] = [
      { type: 'started', at: at(0) },
      { type: 'message-result', step: 'invite', outcome: 'sent', at: at(0) },
      { type: 'timer-fired', id: 'wait-booking:timeout', at: at(14) },
    ];
    const declined = drive(example, [
      ...start,
      { type: 'task-completed', step: 'call-patient', outcome: 'declined', at: at(15) },
    ]);
    expect(declined.types.slice(2)).toEqual([
      'deadline: Wait for a booking: time is up',
      'stage calling',
      'task call routine (call-patient) due 2026-03-22T09:00:00.000Z',
      'task: Call the patient: no screening booked: declined',
      'end completed declined (dropped off)',
    ]);
    const noAnswer = drive(example, [
      ...start,
      { type: 'task-completed', step: 'call-patient', outcome: 'no-answer', at: at(15) },
    ]);
    expect(noAnswer.state).toMatchObject({ stage: 'unresponsive', dropOff: true });
  });

  it('takes the settings the journey was enrolled with over the defaults', () => {
    const run = drive(
      example,
      [
        { type: 'started', at: at(0) },
        { type: 'message-result', step: 'invite', outcome: 'sent', at: at(0) },
      ],
      {
        timeZone: 'Europe/Warsaw',
        settings: { bookingWindow: { amount: 1, unit: 'weeks' } },
      },
    );
    expect(run.types).toContain('start wait-booking:timeout 168 h active');
  });

  it('ignores a timer it no longer wants, results for other steps, and anything after the end', () => {
    const run = drive(example, [
      { type: 'started', at: at(0) },
      { type: 'message-result', step: 'someone-else', outcome: 'sent', at: at(0) },
      { type: 'message-result', step: 'invite', outcome: 'sent', at: at(0) },
      booked(2),
      { type: 'timer-fired', id: 'wait-booking:timeout', at: at(14) },
      { type: 'task-completed', step: 'call-patient', outcome: 'declined', at: at(15) },
    ]);
    expect(run.state.stage).toBe('booked');
    expect(run.commands.filter((command) => command.type === 'end')).toHaveLength(1);
    expect(eventRefusal(example, run.state, { type: 'appointment-booked' })).toBe(
      'The journey has already ended (stage "booked").',
    );
  });

  it('refuses events the definition does not declare, and records declared ones it is not waiting for', () => {
    const started = drive(example, [{ type: 'started', at: at(0) }]);
    expect(eventRefusal(example, started.state, { type: 'lab-result' })).toBe(
      'This journey does not take "lab-result" events.',
    );
    const early = drive(example, [{ type: 'started', at: at(0) }, booked(0)]);
    expect(early.state).toMatchObject({ node: 'invite', facts: { appointmentAt: '2026-04-01T08:00:00Z' } });
  });

  it('lets the next wait take an event that came while a message was still going out', () => {
    // Booked while the invitation waited for the quiet hours to end: no 14-day wait for nothing.
    const run = drive(example, [
      { type: 'started', at: at(0) },
      booked(0),
      { type: 'message-result', step: 'invite', outcome: 'sent', at: at(0, 8) },
    ]);
    expect(run.types).toEqual([
      'send screening-invitation (invite)',
      'event: Appointment booked',
      'end completed booked',
    ]);
    expect(run.state.outcomes).toMatchObject({ 'wait-booking': 'appointment-booked' });
    // Not an event from an earlier wait, though: a node that waits clears what came before it.
    const later = drive(fastTrack, [
      { type: 'started', at: at(0) },
      { type: 'event', event: { type: 'replied' }, at: at(0, 1) },
      { type: 'event', event: { type: 'visit-done' }, at: at(1) },
    ]);
    expect(later.state).toMatchObject({ node: 'nudge', stage: 'follow-up' });
  });

  it('cancels with the reason, stopping every timer', () => {
    const run = drive(example, [
      { type: 'started', at: at(0) },
      { type: 'message-result', step: 'invite', outcome: 'sent', at: at(0) },
      { type: 'cancel', reason: 'Moved away', at: at(3), by: 'ops-anna' },
    ]);
    expect(run.types.slice(-2)).toEqual(['cancel wait-booking:timeout', 'end cancelled cancelled']);
    expect(run.commands.at(-1)).toMatchObject({ summary: 'Cancelled: Moved away', by: 'ops-anna' });
  });

  it('stops every message to a patient the EHR records as deceased', () => {
    const run = drive(example, [
      { type: 'started', at: at(0) },
      { type: 'message-result', step: 'invite', outcome: 'deceased', at: at(0) },
    ]);
    expect(run.state).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    expect(run.commands.some((command) => command.type === 'send-message')).toBe(true);
    expect(run.types.at(-1)).toBe('end cancelled cancelled');
  });
});

/** A fast-track flavour: a working-day deadline with a warning, an escalation plan, a pause, a loop. */
const fastTrack: JourneyDefinition = journeyDefinitionSchema.parse({
  id: 'fast-track-test',
  version: 1,
  title: 'Fast track (test)',
  languages: ['en'],
  settings: {
    visitWithin: { type: 'days', title: 'Visit within (working days)', default: 2 },
    nudgeAfter: { type: 'duration', title: 'Nudge after', default: { amount: 1, unit: 'days' } },
  },
  events: [
    { type: 'visit-done', label: 'Visit done', fields: { result: 'string' }, facts: { result: 'result' } },
    { type: 'replied', label: 'Patient replied' },
  ],
  stages: [
    { id: 'waiting', label: 'Waiting for the visit' },
    { id: 'follow-up', label: 'Follow-up' },
  ],
  start: 'visit',
  nodes: [
    {
      id: 'visit',
      kind: 'wait',
      label: 'Specialist visit',
      events: [{ event: 'visit-done', next: 'result' }],
      timeout: {
        deadline: {
          label: 'Specialist visit',
          within: { setting: 'visitWithin' },
          count: 'working',
          warnBefore: 1,
        },
        next: 'visit',
      },
    },
    {
      id: 'result',
      kind: 'decision',
      label: 'Result',
      branches: [{ label: 'Clear', when: { '==': [{ var: 'facts.result' }, 'clear'] }, next: 'clear' }],
      otherwise: 'nudge',
    },
    {
      id: 'nudge',
      kind: 'escalation',
      label: 'Follow-up nudges',
      stage: 'follow-up',
      steps: [
        {
          after: { setting: 'nudgeAfter' },
          message: { key: 'follow-up', wording: { en: { plain: { any: 'Please book your follow-up.' } } } },
        },
        {
          after: { amount: 3, unit: 'days' },
          task: {
            kind: 'call',
            title: 'Call about the follow-up',
            priority: 'routine',
            dueWithin: { amount: 1, unit: 'days' },
          },
        },
      ],
      until: [{ event: 'replied', next: 'thanks' }],
      closeAfter: { after: { amount: 7, unit: 'days' }, next: 'lost' },
    },
    {
      id: 'thanks',
      kind: 'message',
      label: 'Thanks',
      message: { key: 'thanks', wording: { en: { plain: { any: 'Thank you.' } } } },
      next: 'clear',
    },
    { id: 'clear', kind: 'end', label: 'Clear', summary: 'Journey ended: clear', dropOff: false },
    { id: 'lost', kind: 'end', label: 'Lost', summary: 'Journey ended: no follow-up', dropOff: true },
  ],
});

describe('the definition interpreter on deadlines, escalation plans and pauses', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(fastTrack)).toEqual([]);
  });

  it('counts working days in the patient zone, warns the day before and escalates a breach, then waits again', () => {
    const run = drive(fastTrack, [
      { type: 'started', at: at(0) }, // Friday 10:00 in Warsaw
      { type: 'timer-fired', id: 'visit:warn', at: Date.parse('2026-03-09T23:00:00Z') },
      { type: 'timer-fired', id: 'visit:timeout', at: Date.parse('2026-03-10T23:00:00Z') },
    ]);
    expect(run.types).toEqual([
      // Two working days after Friday: Monday and Tuesday; due when Tuesday ends in Warsaw.
      'start visit:timeout 2026-03-10T23:00:00.000Z',
      'start visit:warn 2026-03-09T23:00:00.000Z',
      'deadline: Deadline approaching: Specialist visit',
      'task deadline-warning routine (visit/warning) due 2026-03-10T23:00:00.000Z',
      'deadline: Deadline passed: Specialist visit',
      'task deadline-breach urgent (visit/breach) due 2026-03-10T23:00:00.000Z',
      // Entered again (at midnight starting Wednesday in Warsaw): a new step key, so its deadline
      // and its tasks are new ones too; Thursday and Friday are its two working days.
      'start visit-2:timeout 2026-03-13T23:00:00.000Z',
      'start visit-2:warn 2026-03-12T23:00:00.000Z',
    ]);
    expect(run.state.deadlines).toMatchObject([
      { id: 'visit', status: 'breached', warnedAt: '2026-03-09T23:00:00.000Z' },
      { id: 'visit-2', status: 'pending' },
    ]);
  });

  it('marks the deadline met when the event comes in time, and decides on the fact it carried', () => {
    const run = drive(fastTrack, [
      { type: 'started', at: at(0) },
      { type: 'event', event: { type: 'visit-done', result: 'clear' }, at: at(1) },
    ]);
    expect(run.state).toMatchObject({ stage: 'clear', outcomes: { result: 'Clear' } });
    expect(run.state.deadlines[0]).toMatchObject({ status: 'met', metAt: new Date(at(1)).toISOString() });
  });

  it('runs an escalation plan step by step until the patient answers, holding a message while paused', () => {
    const run = drive(fastTrack, [
      { type: 'started', at: at(0) },
      { type: 'event', event: { type: 'visit-done', result: 'unclear' }, at: at(1) },
      { type: 'timer-fired', id: 'nudge:step-1', at: at(2) },
      { type: 'message-result', step: 'nudge/step-1', outcome: 'sent', at: at(2) },
      { type: 'pause', reason: 'In hospital', at: at(3), by: 'ops-anna' },
      { type: 'event', event: { type: 'replied' }, at: at(3, 1) },
      { type: 'resume', reason: 'Home again', at: at(4), by: 'ops-anna' },
      { type: 'message-result', step: 'thanks', outcome: 'sent', at: at(4) },
    ]);
    expect(run.types.slice(2)).toEqual([
      'event: Visit done',
      'cancel visit:timeout',
      'cancel visit:warn',
      'stage follow-up',
      'start nudge:step-1 24 h active',
      'start nudge:step-2 72 h active',
      'start nudge:close 168 h active',
      'send follow-up (nudge/step-1)',
      'control: Paused by an operator: In hospital',
      'event: Patient replied',
      'cancel nudge:step-2',
      'cancel nudge:close',
      'control: Message "thanks" held while the journey is paused',
      'control: Resumed by an operator: Home again',
      'send thanks (thanks)',
      'end completed clear',
    ]);
  });

  it('closes an escalation plan nobody answered as a drop-off', () => {
    const run = drive(fastTrack, [
      { type: 'started', at: at(0) },
      { type: 'event', event: { type: 'visit-done' }, at: at(1) },
      { type: 'timer-fired', id: 'nudge:step-1', at: at(2) },
      { type: 'timer-fired', id: 'nudge:step-2', at: at(4) },
      { type: 'timer-fired', id: 'nudge:close', at: at(8) },
    ]);
    expect(run.types).toContain('task call routine (nudge/step-2) due 2026-03-11T09:00:00.000Z');
    expect(run.state).toMatchObject({
      status: 'completed',
      stage: 'lost',
      dropOff: true,
      outcomes: { nudge: 'closed' },
    });
  });

  it('raises a staff task instead of spinning when an unvalidated definition loops through decisions', () => {
    const looping = journeyDefinitionSchema.parse({
      ...fastTrack,
      start: 'result',
      nodes: fastTrack.nodes.map((node) => (node.id === 'result' ? { ...node, otherwise: 'result' } : node)),
    });
    const run = drive(looping, [{ type: 'started', at: at(0) }]);
    expect(run.types.at(-2)).toBe(
      'control: The journey cannot go on: the flow passed 100 decisions without waiting for anything',
    );
    expect(run.commands.at(-1)).toMatchObject({
      type: 'create-task',
      task: { kind: 'journey-stuck', priority: 'urgent' },
    });
  });

  it('is deterministic: the same inputs give the same state and commands', () => {
    const inputs: InterpreterInput[] = [
      { type: 'started', at: at(0) },
      { type: 'event', event: { type: 'visit-done' }, at: at(1) },
      { type: 'timer-fired', id: 'nudge:step-1', at: at(2) },
    ];
    expect(drive(fastTrack, inputs)).toEqual(drive(fastTrack, inputs));
  });
});

/*
 * Random event orders, duplicates, stale timers and controls against what must always hold
 * (clinical-safety.md: a control counts only with a test that fails without it).
 */
describe('the definition interpreter under any order of inputs', () => {
  const choice = fc.record({ kind: fc.nat(9), pick: fc.nat(), hours: fc.nat(96) });

  function play(definition: JourneyDefinition, choices: { kind: number; pick: number; hours: number }[]) {
    let state = initialState(definition, { timeZone: 'America/New_York' });
    let now = at(0);
    const reductions: { input: InterpreterInput; commands: InterpreterCommand[]; state: InterpreterState }[] =
      [];
    const feed = (input: InterpreterInput) => {
      const reduction = reduce(definition, state, input);
      state = reduction.state;
      reductions.push({ input, ...reduction });
    };
    feed({ type: 'started', at: now });
    for (const { kind, pick, hours } of choices) {
      now += hours * HOUR_MS;
      const of = <T>(list: readonly T[]): T | undefined => list[pick % Math.max(1, list.length)];
      const timers = Object.keys(state.timers);
      const steps = reductions.flatMap((seen) =>
        seen.commands.flatMap((command) =>
          command.type === 'send-message' || command.type === 'create-task' ? [command.step] : [],
        ),
      );
      const outcomes = ['booked', 'declined', 'no-answer', 'reviewed'];
      switch (kind) {
        case 0:
        case 1:
          feed({ type: 'timer-fired', id: of(timers) ?? 'stale:timeout', at: now });
          break;
        case 2:
        case 3: {
          const type = of([...definition.events.map((event) => event.type), 'undeclared'])!;
          if (!eventRefusal(definition, state, { type }))
            feed({ type: 'event', event: { type, result: of(['clear', 'unclear']) }, at: now });
          break;
        }
        case 4:
        case 5:
          feed({
            type: 'message-result',
            step: state.awaiting?.step ?? of(steps) ?? 'none',
            outcome: pick % 17 === 0 ? 'deceased' : pick % 5 === 0 ? 'unreachable' : 'sent',
            at: now,
          });
          break;
        case 6:
          feed({
            type: 'task-completed',
            step: state.awaiting?.step ?? of(steps) ?? 'none',
            outcome: of(outcomes)!,
            at: now,
          });
          break;
        case 7:
          feed({ type: 'pause', reason: 'test', at: now });
          break;
        case 8:
          feed({ type: 'resume', reason: 'test', at: now });
          break;
        default:
          if (pick % 4 === 0) feed({ type: 'cancel', reason: 'test', at: now });
      }
    }
    return { reductions, state };
  }

  for (const [name, definition] of [
    ['the example', example],
    ['the fast track', fastTrack],
  ] as const) {
    it(`keeps its safety invariants on ${name}`, () => {
      fc.assert(
        fc.property(fc.array(choice, { maxLength: 40 }), (choices) => {
          const { reductions, state } = play(definition, choices);
          const commands = reductions.flatMap((reduction) => reduction.commands);
          // Nothing after the end; the end leaves no timer and no pending deadline behind.
          const endAt = commands.findIndex((command) => command.type === 'end');
          if (endAt >= 0) {
            expect(commands.slice(endAt + 1)).toEqual([]);
            expect(state.timers).toEqual({});
            expect(state.deadlines.filter((deadline) => deadline.status === 'pending')).toEqual([]);
          }
          // Nothing goes to the patient while the journey is paused.
          for (const reduction of reductions) {
            if (reduction.state.status === 'paused') {
              expect(reduction.commands.filter((command) => command.type === 'send-message')).toEqual([]);
            }
          }
          // One message per step, whatever repeats.
          const sent = commands.flatMap((command) => (command.type === 'send-message' ? [command.step] : []));
          expect(new Set(sent).size).toBe(sent.length);
          // A deadline that passed reached a person.
          for (const deadline of state.deadlines.filter((candidate) => candidate.status === 'breached')) {
            expect(commands).toContainEqual(
              expect.objectContaining({
                type: 'create-task',
                step: `${deadline.id}/breach`,
                task: expect.objectContaining({ priority: 'urgent' }),
              }),
            );
          }
          // The timers the state counts on are exactly those started and neither cancelled nor fired.
          const running = new Set<string>();
          for (const reduction of reductions) {
            if (reduction.input.type === 'timer-fired') running.delete(reduction.input.id);
            for (const command of reduction.commands) {
              if (command.type === 'start-timer') running.add(command.id);
              if (command.type === 'cancel-timer') running.delete(command.id);
            }
          }
          expect([...running].sort()).toEqual(Object.keys(state.timers).sort());
          // Plain JSON: continue-as-new carries it as it is.
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        }),
        { numRuns: 300 },
      );
    });
  }
});

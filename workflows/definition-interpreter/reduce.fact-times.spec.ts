import { DAY_MS, HOUR_MS } from '../../contracts/durations';
import { journeyDefinitionSchema } from '../../contracts/journey-definitions/definition-schema';
import { validateDefinition } from '../../contracts/journey-definitions/validate-definition';
import type { InterpreterCommand, InterpreterInput, InterpreterState } from './interpreter-types';
import { initialState, reduce, type ReducerRules, type StartOptions } from './reduce';

/*
 * Times from facts (a nudge 48 h after a discharge the enrolment knew, a reminder 24 h before a
 * booked appointment) and staff tasks the flow raises without waiting for their outcome: the
 * format options the emergency follow-up needed to be written as a definition.
 */

const definition = journeyDefinitionSchema.parse({
  id: 'fact-times',
  version: 1,
  title: 'Times from facts',
  languages: ['en'],
  settings: { delay: { type: 'duration', title: 'Delay', default: { amount: 48, unit: 'hours' } } },
  events: [
    {
      type: 'appointment-booked',
      label: 'Appointment booked',
      fields: { appointmentAt: 'date' },
      facts: { appointmentAt: 'appointmentAt' },
    },
    { type: 'visit-withdrawn', label: 'Visit withdrawn' },
  ],
  stages: [{ id: 'waiting', label: 'Waiting' }],
  start: 'check',
  nodes: [
    {
      id: 'check',
      kind: 'task',
      label: 'Staff check',
      task: {
        kind: 'disposition-check',
        title: 'Check before the nudge',
        priority: 'urgent',
        dueWithin: { amount: 1, unit: 'days' },
        dueAt: { fact: 'dischargedAt', after: { setting: 'delay' } },
      },
      outcomes: [],
      next: 'wait-nudge',
    },
    {
      id: 'wait-nudge',
      kind: 'wait',
      label: 'Until the nudge',
      events: [
        { event: 'appointment-booked', next: 'wait-reminder' },
        { event: 'visit-withdrawn', next: 'called-off' },
      ],
      timeout: { at: { fact: 'dischargedAt', after: { setting: 'delay' } }, next: 'nudged' },
    },
    {
      id: 'wait-reminder',
      kind: 'wait',
      label: 'Until the reminder',
      events: [],
      timeout: {
        at: { fact: 'appointmentAt', before: { amount: 24, unit: 'hours' } },
        next: 'nudged',
        whenPassed: 'reminder-skipped',
      },
    },
    {
      id: 'reminder-skipped',
      kind: 'end',
      label: 'No reminder',
      summary: 'Visit too close to remind',
      dropOff: false,
    },
    { id: 'nudged', kind: 'end', label: 'Nudged', summary: 'Nudged', dropOff: false },
    {
      id: 'called-off',
      kind: 'end',
      label: 'Called off',
      summary: 'Entered in error',
      dropOff: false,
      status: 'cancelled',
    },
  ],
});

const T0 = Date.parse('2026-03-06T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function drive(inputs: InterpreterInput[], options: StartOptions, rules?: ReducerRules) {
  let state: InterpreterState = initialState(definition, options);
  const commands: InterpreterCommand[] = [];
  for (const input of inputs) {
    const reduction = reduce(definition, state, input, rules);
    state = reduction.state;
    commands.push(...reduction.commands);
  }
  return { state, commands };
}

describe('the definition interpreter on times from facts', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('times a wait from a date the enrolment knew, on the wall clock, and raises a task due then without waiting for it', () => {
    const dischargedAt = T0 - 2 * HOUR_MS;
    const run = drive([{ type: 'started', at: T0 }], {
      timeZone: 'Europe/London',
      facts: { dischargedAt: iso(dischargedAt) },
    });
    expect(run.commands).toEqual([
      {
        type: 'create-task',
        step: 'check',
        node: 'check',
        task: {
          kind: 'disposition-check',
          title: 'Check before the nudge',
          priority: 'urgent',
          dueAt: iso(dischargedAt + 48 * HOUR_MS),
        },
        awaited: false,
      },
      {
        type: 'start-timer',
        id: 'wait-nudge:timeout',
        clock: 'wall',
        dueAt: dischargedAt + 48 * HOUR_MS,
        label: 'Until the nudge',
      },
    ]);
    expect(run.state).toMatchObject({ node: 'wait-nudge', facts: { dischargedAt: iso(dischargedAt) } });
  });

  it('times a wait from a fact an event recorded, before it', () => {
    const run = drive(
      [
        { type: 'started', at: T0 },
        {
          type: 'event',
          event: { type: 'appointment-booked', appointmentAt: iso(T0 + 5 * DAY_MS) },
          at: T0 + HOUR_MS,
        },
      ],
      { timeZone: 'UTC', facts: { dischargedAt: iso(T0) } },
    );
    expect(run.commands.at(-1)).toEqual({
      type: 'start-timer',
      id: 'wait-reminder:timeout',
      clock: 'wall',
      dueAt: T0 + 4 * DAY_MS,
      label: 'Until the reminder',
    });
  });

  const bookedAt = (appointmentAt: number, at: number) =>
    drive(
      [
        { type: 'started', at: T0 },
        { type: 'event', event: { type: 'appointment-booked', appointmentAt: iso(appointmentAt) }, at },
      ],
      { timeZone: 'UTC', facts: { dischargedAt: iso(T0) } },
    );

  it('[HZ-54] skips a reminder whose time passed before the visit was booked: the patient goes where the wait says, and nothing is sent or timed', () => {
    // Booked at T0 + 1 h for T0 + 10 h: the reminder 24 h before was due 14 h before the booking.
    const run = bookedAt(T0 + 10 * HOUR_MS, T0 + HOUR_MS);
    expect(run.state).toMatchObject({ stage: 'reminder-skipped', status: 'completed' });
    expect(run.state.outcomes['wait-reminder']).toBe('already-passed');
    expect(run.commands.filter((command) => command.type === 'start-timer').map((timer) => timer.id)).toEqual(
      ['wait-nudge:timeout'],
    );
    expect(run.commands).toContainEqual({
      type: 'record',
      kind: 'control',
      summary: `Until the reminder: its time (${iso(T0 - 14 * HOUR_MS)}) had already passed, so it was skipped`,
      ref: 'wait-reminder',
    });
    expect(run.commands.some((command) => command.type === 'send-message')).toBe(false);
  });

  it('[HZ-54] does not remind of a visit reported after it happened', () => {
    const run = bookedAt(T0 - 2 * DAY_MS, T0 + HOUR_MS);
    expect(run.state.stage).toBe('reminder-skipped');
    expect(run.state.timers).toEqual({});
  });

  it('[HZ-54] times the reminder as usual when its time is exactly now or ahead', () => {
    const run = bookedAt(T0 + HOUR_MS + 24 * HOUR_MS, T0 + HOUR_MS);
    expect(run.state.node).toBe('wait-reminder');
    expect(run.commands.at(-1)).toMatchObject({ type: 'start-timer', dueAt: T0 + HOUR_MS });
  });

  it('[HZ-54] a timer from a fact whose time has passed goes where it says too', () => {
    const timerFirst = journeyDefinitionSchema.parse({
      ...definition,
      start: 'timer-after-visit',
      nodes: [
        ...definition.nodes,
        {
          id: 'timer-after-visit',
          kind: 'timer',
          label: 'Until the day after the visit',
          clock: { at: { fact: 'appointmentAt', after: { amount: 1, unit: 'days' } } },
          next: 'nudged',
          whenPassed: 'reminder-skipped',
        },
      ],
    });
    const state = initialState(timerFirst, {
      timeZone: 'UTC',
      facts: { appointmentAt: iso(T0 - 3 * DAY_MS) },
    });
    const run = reduce(timerFirst, state, { type: 'started', at: T0 });
    expect(run.state).toMatchObject({ stage: 'reminder-skipped', status: 'completed' });
    expect(run.commands.some((command) => command.type === 'start-timer')).toBe(false);
  });

  it('[HZ-55] a booking that leaves out its time clears the time an earlier one gave: staff are told, nobody is reminded of the old date', () => {
    const earlierVisit = T0 + 3 * DAY_MS;
    const inputs: InterpreterInput[] = [
      { type: 'started', at: T0 },
      { type: 'event', event: { type: 'appointment-booked' }, at: T0 + HOUR_MS },
    ];
    const options = { timeZone: 'UTC', facts: { dischargedAt: iso(T0), appointmentAt: iso(earlierVisit) } };

    const run = drive(inputs, options);
    expect(run.state.facts.appointmentAt).toBeNull();
    expect(run.state.timers).toEqual({});
    expect(
      run.commands.filter((command) => command.type === 'create-task').map((task) => task.task.kind),
    ).toEqual(['disposition-check', 'journey-stuck']);

    // The rule journeys ran on before it (kept for their replays): the old date stood.
    const before = drive(inputs, options, { clearsFactsEventsLeaveOut: false });
    expect(before.state.facts.appointmentAt).toBe(iso(earlierVisit));
    expect(before.commands.at(-1)).toMatchObject({ type: 'start-timer', dueAt: earlierVisit - DAY_MS });
  });

  it('falls back to "due within" for a task, and tells staff the flow is stuck, when the fact holds no date', () => {
    const run = drive([{ type: 'started', at: T0 }], { timeZone: 'UTC', facts: { dischargedAt: 'soon' } });
    const tasks = run.commands.filter((command) => command.type === 'create-task');
    expect(tasks.map((task) => [task.task.kind, task.task.dueAt])).toEqual([
      ['disposition-check', iso(T0 + DAY_MS)],
      ['journey-stuck', iso(T0)],
    ]);
    expect(run.state.timers).toEqual({});
  });

  it('ends as cancelled at an end that says so (a visit entered in error), not as completed', () => {
    const run = drive(
      [
        { type: 'started', at: T0 },
        { type: 'event', event: { type: 'visit-withdrawn' }, at: T0 + HOUR_MS },
      ],
      { timeZone: 'UTC', facts: { dischargedAt: iso(T0) } },
    );
    expect(run.commands.at(-1)).toEqual({
      type: 'end',
      status: 'cancelled',
      stage: 'called-off',
      summary: 'Entered in error',
      dropOff: false,
    });
    expect(run.state.status).toBe('cancelled');
  });
});

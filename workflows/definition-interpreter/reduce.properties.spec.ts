import fc from 'fast-check';
import { HOUR_MS } from '../../contracts/durations';
import type { JourneyEvent } from '../../contracts/journey-contract';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import type { InterpreterCommand, InterpreterInput, InterpreterState } from './interpreter-types';
import { eventRefusal, initialState, reduce } from './reduce';
import {
  emergencyFollowUpDefinition,
  resultDeadlineDefinition,
  screeningBookingDefinition,
} from '../../test/helpers/definition-examples';

/*
 * The product's safety invariants at the reducer, the core every definition journey runs on:
 * 1,000 seeded random input sequences per example definition (events with random field values,
 * undeclared events, timers firing in any order, message results including a death recorded in
 * the EHR, staff outcomes, pause, resume, cancel). The same invariants on the worker, with the
 * engagement layer's consent and quiet hours, are in definition-journey.properties.workflow.test.ts.
 */

const SEED = 22_2026;
const RUNS = 1000;
const T0 = Date.parse('2026-03-06T09:00:00Z');

const definitions: [string, JourneyDefinition, Record<string, string>][] = [
  ['a working-day deadline', resultDeadlineDefinition, {}],
  ['screening booking', screeningBookingDefinition, {}],
  [
    'emergency follow-up',
    emergencyFollowUpDefinition,
    { dischargedAt: new Date(T0 - 2 * HOUR_MS).toISOString(), disposition: 'home' },
  ],
];

const dispositions = ['home', 'aadvice', 'hosp', 'oth', 'unknown', 'other-hcf'];
const choice = fc.record({
  kind: fc.nat(11),
  pick: fc.nat(),
  hours: fc.nat(120),
  offsetHours: fc.integer({ min: -72, max: 24 * 20 }),
});
type Choice = typeof choice extends fc.Arbitrary<infer T> ? T : never;

interface Step {
  input: InterpreterInput;
  before: InterpreterState;
  after: InterpreterState;
  commands: InterpreterCommand[];
}

/** An event of a declared type, its declared fields filled from the choice. */
function eventOf(definition: JourneyDefinition, { pick, offsetHours }: Choice, now: number): JourneyEvent {
  const declared = definition.events[pick % definition.events.length]!;
  const event: JourneyEvent = { type: declared.type };
  for (const [field, type] of Object.entries(declared.fields ?? {})) {
    if (type === 'date') event[field] = new Date(now + offsetHours * HOUR_MS).toISOString();
    else if (type === 'number') event[field] = offsetHours;
    else if (type === 'boolean') event[field] = offsetHours % 2 === 0;
    else event[field] = dispositions[pick % dispositions.length]!;
  }
  return event;
}

function play(definition: JourneyDefinition, facts: Record<string, string>, choices: Choice[]) {
  let state = initialState(definition, { timeZone: 'America/Chicago', facts });
  let now = T0;
  const steps: Step[] = [];
  const feed = (input: InterpreterInput) => {
    const before = state;
    const reduction = reduce(definition, state, input);
    state = reduction.state;
    steps.push({ input, before, after: state, commands: reduction.commands });
  };
  feed({ type: 'started', at: now });
  for (const next of choices) {
    now += next.hours * HOUR_MS;
    const of = <T>(list: readonly T[]): T | undefined => list[next.pick % Math.max(1, list.length)];
    switch (next.kind) {
      case 0:
      case 1:
      case 2:
        feed({ type: 'timer-fired', id: of(Object.keys(state.timers)) ?? 'stale:timeout', at: now });
        break;
      case 3:
      case 4: {
        const event = eventOf(definition, next, now);
        if (!eventRefusal(definition, state, event)) feed({ type: 'event', event, at: now });
        break;
      }
      case 5:
        feed({ type: 'event', event: { type: 'unlinked-lab-result', value: 7 }, at: now });
        break;
      case 6:
      case 7:
        feed({
          type: 'message-result',
          step: state.awaiting?.step ?? 'none',
          outcome: next.pick % 13 === 0 ? 'deceased' : next.pick % 5 === 0 ? 'unreachable' : 'sent',
          at: now,
        });
        break;
      case 8:
        feed({
          type: 'task-completed',
          step: state.awaiting?.step ?? 'none',
          outcome: of(['no-answer', 'booked', 'declined', 'reviewed'])!,
          at: now,
        });
        break;
      case 9:
        feed({ type: 'pause', reason: 'property', at: now });
        break;
      case 10:
        feed({ type: 'resume', reason: 'property', at: now });
        break;
      default:
        if (next.pick % 3 === 0) feed({ type: 'cancel', reason: 'property', at: now });
    }
  }
  return { steps, state };
}

const sequences = fc.array(choice, { maxLength: 40 });
const sends = (commands: InterpreterCommand[]) =>
  commands.filter((command) => command.type === 'send-message');

describe.each(definitions)(
  'the reducer keeps the safety invariants on %s (1,000 sequences)',
  (_name, definition, facts) => {
    const property = (check: (run: ReturnType<typeof play>) => void) =>
      fc.assert(
        fc.property(sequences, (choices) => check(play(definition, facts, choices))),
        { seed: SEED, numRuns: RUNS },
      );

    it('[HZ-28] [HZ-93] sends nothing after the EHR records a death or the journey ends, and leaves no timer running', () => {
      property(({ steps, state }) => {
        const ended = steps.findIndex((step) => step.commands.some((command) => command.type === 'end'));
        const died = steps.findIndex(
          (step) => step.input.type === 'message-result' && step.input.outcome === 'deceased',
        );
        if (died >= 0) expect(ended).toBeGreaterThanOrEqual(0);
        if (died >= 0) expect(ended).toBeLessThanOrEqual(died);
        if (ended < 0) return;
        const endStep = steps[ended]!;
        expect(endStep.commands.at(-1)).toMatchObject({ type: 'end' });
        expect(steps.slice(ended + 1).flatMap((step) => step.commands)).toEqual([]);
        expect(state.timers).toEqual({});
        expect(state.held).toEqual([]);
        expect(state.deadlines.filter((deadline) => deadline.status === 'pending')).toEqual([]);
      });
    });

    it('[HZ-82] sends each step once, and nothing while paused: a held message goes out once, at the resume', () => {
      property(({ steps }) => {
        const sent = steps.flatMap((step) => sends(step.commands).map((command) => command.step));
        expect(new Set(sent).size).toBe(sent.length);
        for (const step of steps) {
          if (step.after.status === 'paused') expect(sends(step.commands)).toEqual([]);
          if (step.input.type === 'resume' && step.before.status === 'paused') {
            expect(sends(step.commands).map((command) => command.step)).toEqual(
              step.before.held.map((held) => held.step),
            );
          }
          // A pause or resume never starts, moves or stops a clock: the host holds active time.
          if (step.input.type === 'pause' || step.input.type === 'resume') {
            expect(step.commands.filter((command) => /timer/.test(command.type))).toEqual([]);
          }
        }
      });
    });

    it('[HZ-85] [HZ-97] makes every timeout, closing and breached deadline visible: a timeline line, and an urgent task for a deadline', () => {
      property(({ steps, state }) => {
        for (const step of steps) {
          if (step.input.type !== 'timer-fired') continue;
          const timer = step.before.timers[step.input.id];
          if (!timer || timer.purpose === 'escalation-step' || timer.purpose === 'elapsed') continue;
          const visible = step.commands.filter(
            (command) =>
              (command.type === 'record' && command.kind === 'deadline') || command.type === 'create-task',
          );
          expect(visible.length).toBeGreaterThan(0);
        }
        for (const deadline of state.deadlines.filter((candidate) => candidate.status === 'breached')) {
          const raised = steps.flatMap((step) => step.commands);
          expect(raised).toContainEqual(
            expect.objectContaining({
              type: 'create-task',
              step: `${deadline.id}/breach`,
              task: expect.objectContaining({ priority: 'urgent' }),
            }),
          );
        }
      });
    });

    it('[HZ-20] refuses an event of a type the definition does not declare, and such an event changes nothing', () => {
      property(({ steps }) => {
        for (const step of steps) {
          if (step.input.type !== 'event' || step.input.event.type !== 'unlinked-lab-result') continue;
          expect(eventRefusal(definition, step.before, step.input.event)).toEqual(expect.any(String));
          expect(step.after).toEqual(step.before);
          expect(step.commands).toEqual([]);
        }
      });
    });

    it('[HZ-93] ends at a cancel with every timer stopped, and takes nothing after it', () => {
      property(({ steps }) => {
        for (const [index, step] of steps.entries()) {
          if (step.input.type !== 'cancel') continue;
          if (step.before.status !== 'active' && step.before.status !== 'paused') {
            expect(step.commands).toEqual([]);
            continue;
          }
          const stopped = step.commands.flatMap((command) =>
            command.type === 'cancel-timer' ? [command.id] : [],
          );
          expect(stopped.sort()).toEqual(Object.keys(step.before.timers).sort());
          expect(step.commands.at(-1)).toMatchObject({ type: 'end', status: 'cancelled' });
          expect(steps.slice(index + 1).flatMap((later) => later.commands)).toEqual([]);
        }
      });
    });

    it('meets every situation above in its seeded sequences: the properties are not checked vacuously', () => {
      const seen = new Set<string>();
      for (const choices of fc.sample(sequences, { seed: SEED, numRuns: RUNS })) {
        const { steps, state } = play(definition, facts, choices);
        for (const step of steps) {
          const { input, before, commands } = step;
          if (input.type === 'message-result' && input.outcome === 'deceased' && commands.length)
            seen.add('death');
          if (input.type === 'resume' && before.held.length > 0) seen.add('held message released');
          if (input.type === 'cancel' && commands.length) seen.add('cancel');
          if (input.type === 'event' && input.event.type === 'unlinked-lab-result') seen.add('undeclared');
          if (input.type === 'timer-fired' && before.timers[input.id]?.purpose === 'timeout')
            seen.add('timeout');
        }
        if (state.deadlines.some((deadline) => deadline.status === 'breached')) seen.add('breach');
      }
      const expected = ['death', 'cancel', 'undeclared', 'timeout'];
      // The screening invitation, its only message, goes out at the start, before any pause.
      if (definition.id !== 'screening-booking') expected.push('held message released');
      if (definition.id === 'result-deadline') expected.push('breach');
      expect([...seen].filter((situation) => expected.includes(situation)).sort()).toEqual(expected.sort());
    });
  },
);

import { DAY_MS, MINUTE_MS } from '../../contracts/durations';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { checkDefinition } from '../../contracts/journey-definitions/validate-definition';
import {
  followUpMapping,
  followUpV1,
  followUpV2,
} from '../../test/fixtures/definition-migration/follow-up-versions';
import { endOfLocalDayAfter } from '../local-days';
import type { HostTimer, InterpreterCommand, InterpreterInput, InterpreterState } from './interpreter-types';
import { planMigration, type MigrationInput, type MigrationPlan } from './migrate';
import { initialState, reduce } from './reduce';

const T0 = Date.parse('2026-03-02T09:00:00Z'); // a Monday
const ZONE = 'America/New_York';

/**
 * A host as the workflow is one, without pauses (the active clock is the wall clock since T0):
 * it keeps the timers the reducer starts and when the patient entered the node they are at.
 */
class Host {
  state: InterpreterState;
  timers: Record<string, HostTimer> = {};
  entered = { at: T0, activeMs: 0 };
  sent: string[] = [];

  constructor(
    public definition: JourneyDefinition,
    facts: InterpreterState['facts'] = {},
  ) {
    this.state = initialState(definition, { timeZone: ZONE, facts });
    this.input({ type: 'started', at: T0 });
  }

  input(input: InterpreterInput): void {
    const before = `${this.state.node}/${this.state.node ? this.state.visits[this.state.node] : ''}`;
    const reduction = reduce(this.definition, this.state, input);
    this.state = reduction.state;
    this.carryOut(reduction.commands, input.at);
    if (`${this.state.node}/${this.state.node ? this.state.visits[this.state.node] : ''}` !== before) {
      this.entered = { at: input.at, activeMs: input.at - T0 };
    }
  }

  carryOut(commands: InterpreterCommand[], at: number): void {
    for (const command of commands) {
      if (command.type === 'start-timer') {
        this.timers[command.id] =
          command.clock === 'wall'
            ? { clock: 'wall', dueAt: command.dueAt, label: command.label }
            : { clock: 'active', activeAt: at - T0 + command.afterMs, label: command.label };
      }
      if (command.type === 'cancel-timer') delete this.timers[command.id];
      if (command.type === 'send-message') this.sent.push(`${command.message.key} (${command.step})`);
    }
  }

  /** Fires every timer due by `at`, in due order, as the workflow would. */
  runUntil(at: number): void {
    for (;;) {
      const due = Object.entries(this.timers)
        .map(([id, timer]) => [id, timer.clock === 'wall' ? timer.dueAt : T0 + timer.activeAt] as const)
        .filter(([, dueAt]) => dueAt <= at)
        .sort((a, b) => a[1] - b[1])[0];
      if (!due) return;
      delete this.timers[due[0]];
      this.input({ type: 'timer-fired', id: due[0], at: due[1] });
    }
  }

  planFor(to: JourneyDefinition, now: number, extra: Partial<MigrationInput> = {}) {
    return planMigration({
      from: this.definition,
      to,
      state: this.state,
      timers: this.timers,
      entered: this.entered,
      now,
      activeNowMs: now - T0,
      ...extra,
    });
  }

  /** What the workflow's `migrate` update does with an accepted plan. */
  migrate(to: JourneyDefinition, now: number, mapping?: Record<string, string>): MigrationPlan {
    const { plan, apply } = this.planFor(to, now, mapping ? { mapping } : {});
    if (!apply) return plan;
    this.definition = to;
    this.state = apply.state;
    this.timers = apply.timers;
    this.carryOut(apply.commands, now);
    this.runUntil(now);
    return plan;
  }
}

const event = (type: string, at: number): InterpreterInput => ({ type: 'event', event: { type }, at });
const sent = (host: Host, at: number) =>
  host.input({ type: 'message-result', step: host.state.awaiting!.step, outcome: 'sent', at });
const iso = (ms: number) => new Date(ms).toISOString();
const migrated = (plan: MigrationPlan) => {
  if (plan.outcome !== 'migrate') throw new Error(`refused: ${plan.reason}`);
  return plan;
};

/** A patient who was invited and is waiting for a reply. */
function waiting(): Host {
  const host = new Host(followUpV1);
  sent(host, T0 + MINUTE_MS);
  return host;
}

describe('[HZ-99] planMigration', () => {
  test('both versions of the fixture pass validation', () => {
    expect(checkDefinition(followUpV1).problems).toEqual([]);
    expect(checkDefinition(followUpV2).problems).toEqual([]);
  });

  test('a waiting patient stays where they are; the reply window keeps its start and takes the new length', () => {
    const host = waiting();
    const now = T0 + 3 * DAY_MS;
    const plan = migrated(host.planFor(followUpV2, now).plan);
    expect(plan).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      from: { node: 'wait-reply', stage: 'invited' },
      landsAt: { node: 'wait-reply', stage: 'invited', kind: 'wait' },
      messages: [],
    });
    expect(plan.timers).toEqual([
      {
        id: 'wait-reply:timeout',
        label: 'Wait for a reply',
        clock: 'active',
        change: 'moved',
        dueBefore: iso(T0 + MINUTE_MS + 30 * DAY_MS),
        dueAfter: iso(T0 + MINUTE_MS + 20 * DAY_MS),
      },
    ]);
  });

  test('after applying, the journey runs on version 2: the timer fires at the new time and goes where version 2 says', () => {
    const host = waiting();
    host.migrate(followUpV2, T0 + 3 * DAY_MS);
    expect(host.state.definition).toEqual({ id: 'follow-up', version: 2 });
    host.runUntil(T0 + 20 * DAY_MS);
    expect(host.state.node).toBe('wait-reply');
    host.runUntil(T0 + MINUTE_MS + 20 * DAY_MS);
    expect(host.state).toMatchObject({ node: 'call', stage: 'calling' });
  });

  test('check-ins: a step that ran is not run again, a pending one moves, a new one already due goes out at once', () => {
    const host = waiting();
    host.input(event('replied', T0 + DAY_MS));
    host.runUntil(T0 + DAY_MS + MINUTE_MS);
    expect(host.sent).toEqual(['follow-up-invite (invite)', 'check-in-1 (check-in/step-1)']);
    const now = T0 + 2 * DAY_MS;
    const plan = migrated(host.migrate(followUpV2, now));

    expect(plan.landsAt).toEqual({ node: 'check-in', stage: 'following-up', kind: 'escalation' });
    const entered = T0 + DAY_MS;
    expect(plan.timers).toEqual([
      expect.objectContaining({ id: 'check-in:close', change: 'kept', dueAfter: iso(entered + 20 * DAY_MS) }),
      expect.objectContaining({
        id: 'check-in:step-2',
        change: 'moved',
        dueBefore: iso(entered + 10 * DAY_MS),
        dueAfter: iso(entered + 7 * DAY_MS),
      }),
      expect.objectContaining({
        id: 'check-in:step-3',
        change: 'added',
        dueAfter: iso(entered + 0.05 * MINUTE_MS),
      }),
    ]);
    expect(plan.messages).toEqual([
      expect.objectContaining({ step: 'check-in/step-1', key: 'check-in-1', action: 'skip' }),
      expect.objectContaining({
        step: 'check-in/step-3',
        key: 'check-in-3',
        action: 'send',
        dueAt: iso(entered + 0.05 * MINUTE_MS),
      }),
    ]);
    // What the plan said is what happened: the new step went out under the step it named.
    expect(host.sent.slice(2)).toEqual(['check-in-3 (check-in/step-3)']);
    host.runUntil(entered + 7 * DAY_MS);
    expect(host.sent.at(-1)).toBe('check-in-2 (check-in/step-2)');
  });

  test('an open staff task stays open and its outcome leads on in version 2', () => {
    const host = waiting();
    host.input(event('needs-call', T0 + DAY_MS));
    const plan = migrated(host.migrate(followUpV2, T0 + 2 * DAY_MS));
    expect(plan).toMatchObject({ landsAt: { node: 'call', stage: 'calling' }, timers: [], messages: [] });
    expect(host.state.awaiting).toEqual({ kind: 'task', step: 'call' });
    host.input({ type: 'task-completed', step: 'call', outcome: 'reached', at: T0 + 3 * DAY_MS });
    expect(host.state).toMatchObject({ status: 'completed', stage: 'end-done' });
  });

  test('a removed node without a mapping is refused as stranding; with the mapping the patient moves to its new stage', () => {
    const host = waiting();
    host.input(event('hold', T0 + DAY_MS));
    const refused = host.planFor(followUpV2, T0 + 2 * DAY_MS);
    expect(refused.plan).toMatchObject({ outcome: 'refused', code: 'node-removed' });
    expect(refused.apply).toBeUndefined();

    const plan = migrated(host.migrate(followUpV2, T0 + 2 * DAY_MS, followUpMapping));
    expect(plan.landsAt).toEqual({ node: 'hold', stage: 'holding', kind: 'wait' });
    expect(plan.timers).toEqual([expect.objectContaining({ id: 'legacy-hold:timeout', change: 'kept' })]);
    expect(host.state).toMatchObject({ node: 'hold', stage: 'holding' });
    host.input(event('replied', T0 + 3 * DAY_MS));
    expect(host.state).toMatchObject({ node: 'check-in', stage: 'following-up' });
  });

  test('a second migration after a mapping finds the timers the first one kept', () => {
    const host = waiting();
    host.input(event('hold', T0 + DAY_MS));
    host.migrate(followUpV2, T0 + 2 * DAY_MS, followUpMapping);
    const third = structuredClone(followUpV2);
    third.version = 3;
    const hold = third.nodes.find((node) => node.id === 'hold')!;
    if (hold.kind === 'wait') hold.timeout = { after: { amount: 40, unit: 'days' }, next: 'call' };
    const plan = migrated(host.migrate(third, T0 + 3 * DAY_MS));
    expect(plan.timers).toEqual([
      expect.objectContaining({
        id: 'legacy-hold:timeout',
        change: 'moved',
        dueAfter: iso(T0 + DAY_MS + 40 * DAY_MS),
      }),
    ]);
  });

  test('refusals: a missing target, a node of another kind, a stage that no longer exists', () => {
    const host = waiting();
    host.input(event('hold', T0 + DAY_MS));
    const now = T0 + 2 * DAY_MS;
    expect(host.planFor(followUpV2, now, { mapping: { 'legacy-hold': 'nowhere' } }).plan).toMatchObject({
      code: 'target-missing',
    });
    expect(host.planFor(followUpV2, now, { mapping: { 'legacy-hold': 'call' } }).plan).toMatchObject({
      code: 'kind-changed',
    });
    const stageless = structuredClone(followUpV2);
    delete (stageless.nodes.find((node) => node.id === 'hold') as { stage?: string }).stage;
    expect(host.planFor(stageless, now, { mapping: followUpMapping }).plan).toMatchObject({
      code: 'stage-removed',
      reason: expect.stringContaining('"legacy"'),
    });
  });

  test('refusals: a paused or ended journey, a version that is not newer', () => {
    const host = waiting();
    const now = T0 + 2 * DAY_MS;
    expect(host.planFor(followUpV1, now).plan).toMatchObject({ code: 'not-a-newer-version' });
    host.input({ type: 'pause', reason: 'test', at: T0 + DAY_MS });
    expect(host.planFor(followUpV2, now).plan).toMatchObject({ code: 'paused' });
    host.input({ type: 'cancel', reason: 'test', at: T0 + DAY_MS });
    expect(host.planFor(followUpV2, now).plan).toMatchObject({ code: 'ended' });
  });

  test('a message on its way: same wording key is skipped, new wording is sent under a new step', () => {
    const host = new Host(followUpV1);
    const same = host.planFor(followUpV2, T0 + MINUTE_MS);
    expect(migrated(same.plan).messages).toEqual([
      expect.objectContaining({ step: 'invite', key: 'follow-up-invite', action: 'skip' }),
    ]);
    const reworded = structuredClone(followUpV2);
    const invite = reworded.nodes.find((node) => node.id === 'invite')!;
    if (invite.kind === 'message') invite.message.key = 'follow-up-invite-2';
    const plan = migrated(host.migrate(reworded, T0 + MINUTE_MS));
    expect(plan.messages).toEqual([
      expect.objectContaining({ step: 'invite/v2', key: 'follow-up-invite-2', action: 'send' }),
    ]);
    expect(host.sent).toEqual(['follow-up-invite (invite)', 'follow-up-invite-2 (invite/v2)']);
    // The first message's result is no longer awaited; the new one's moves the patient on.
    host.input({ type: 'message-result', step: 'invite', outcome: 'sent', at: T0 + 2 * MINUTE_MS });
    expect(host.state.node).toBe('invite');
    host.input({ type: 'message-result', step: 'invite/v2', outcome: 'sent', at: T0 + 2 * MINUTE_MS });
    expect(host.state.node).toBe('wait-reply');
  });

  test('a deadline moves with its warning, counted in the patient’s days from entry', () => {
    const withDeadline = (version: number, within: number): JourneyDefinition => {
      const definition = structuredClone(version === 1 ? followUpV1 : followUpV2);
      const wait = definition.nodes.find((node) => node.id === 'wait-reply')!;
      if (wait.kind === 'wait') {
        wait.timeout = {
          deadline: { label: 'Reply due', within, count: 'working', warnBefore: 1 },
          next: 'call',
        };
      }
      return definition;
    };
    const host = new Host(withDeadline(1, 5));
    sent(host, T0 + MINUTE_MS);
    const entered = T0 + MINUTE_MS;
    const plan = migrated(host.migrate(withDeadline(2, 3), T0 + DAY_MS));
    expect(plan.timers).toEqual([
      expect.objectContaining({
        id: 'wait-reply:timeout',
        change: 'moved',
        dueBefore: iso(endOfLocalDayAfter(entered, 5, 'working', ZONE)),
        dueAfter: iso(endOfLocalDayAfter(entered, 3, 'working', ZONE)),
      }),
      expect.objectContaining({
        id: 'wait-reply:warn',
        change: 'moved',
        dueAfter: iso(endOfLocalDayAfter(entered, 2, 'working', ZONE)),
      }),
    ]);
    expect(host.state.deadlines).toEqual([
      expect.objectContaining({
        id: 'wait-reply',
        status: 'pending',
        dueAt: iso(endOfLocalDayAfter(entered, 3, 'working', ZONE)),
      }),
    ]);
  });

  test('[HZ-54] a reminder time that version 2 puts in the past is refused, not sent at once; one still ahead moves', () => {
    const remindingDaysBefore = (version: number, days: number): JourneyDefinition => {
      const definition = structuredClone(version === 1 ? followUpV1 : followUpV2);
      const wait = definition.nodes.find((node) => node.id === 'wait-reply')!;
      if (wait.kind === 'wait') {
        wait.timeout = {
          at: { fact: 'appointmentAt', before: { amount: days, unit: 'days' } },
          next: 'call',
          whenPassed: 'call',
        };
      }
      return definition;
    };
    const appointmentAt = T0 + 4 * DAY_MS;
    const host = new Host(remindingDaysBefore(1, 1), { appointmentAt: iso(appointmentAt) });
    sent(host, T0 + MINUTE_MS);
    expect(host.timers['wait-reply:timeout']).toMatchObject({ dueAt: appointmentAt - DAY_MS });
    const now = T0 + 2 * DAY_MS;
    expect(host.planFor(remindingDaysBefore(2, 3), now).plan).toMatchObject({
      outcome: 'refused',
      code: 'time-passed',
      reason: expect.stringContaining(`would be due at ${iso(appointmentAt - 3 * DAY_MS)}, which has passed`),
    });
    expect(migrated(host.planFor(remindingDaysBefore(2, 1.5), now).plan).timers).toEqual([
      expect.objectContaining({
        id: 'wait-reply:timeout',
        change: 'moved',
        dueAfter: iso(appointmentAt - 1.5 * DAY_MS),
      }),
    ]);
  });

  test('without a record of entry, a running active timer still places the moved one exactly', () => {
    const host = waiting();
    const plan = migrated(host.planFor(followUpV2, T0 + DAY_MS, { entered: undefined }).plan);
    expect(plan.timers[0]).toMatchObject({ change: 'moved', dueAfter: iso(T0 + MINUTE_MS + 20 * DAY_MS) });
  });
});

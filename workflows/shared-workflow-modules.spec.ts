import * as zod from 'zod';
import type * as ReminderContract from './appointment-reminder/appointment-reminder.contract';
import { zodSetUp } from './shared-workflow-modules';

/*
 * The worker preloads zod (workflows/shared-workflow-modules.ts) and the SDK then deep-freezes
 * what it exports, before any workflow builds a schema. zod finishes its own set-up on its first
 * schema by writing to its exported config objects: unless the shared module did that first, every
 * workflow's first schema throws and its workflow task fails. zod keeps that config (and its
 * registry) on `globalThis`, which the SDK's reused V8 context deep-freezes once preloading is done
 * (`deepFreeze` in @temporalio/worker's reusable-vm): frozen here the same way.
 */
function deepFreeze(value: unknown, visited = new WeakSet<object>()): void {
  if (value == null || (typeof value !== 'object' && typeof value !== 'function')) return;
  if (visited.has(value) || Object.isFrozen(value)) return;
  visited.add(value);
  if (typeof value === 'object') {
    for (const key of [...Object.getOwnPropertyNames(value), ...Object.getOwnPropertySymbols(value)]) {
      try {
        deepFreeze((value as Record<PropertyKey, unknown>)[key], visited);
      } catch {
        // As the SDK: some objects (typed arrays) cannot be frozen.
      }
    }
  }
  Object.freeze(value);
}

describe('the zod the worker shares between workflows', () => {
  beforeAll(() => {
    expect(zodSetUp).toEqual({ ready: true });
    deepFreeze(zod);
    const zodGlobals = Object.keys(globalThis).filter((key) => key.startsWith('__zod'));
    expect(zodGlobals).toContain('__zod_globalConfig');
    for (const key of zodGlobals) deepFreeze((globalThis as Record<string, unknown>)[key]);
  });

  it('builds and checks a journey contract once frozen, as a workflow does', () => {
    const schema = zod.z.object({ at: zod.z.iso.datetime(), note: zod.z.string().min(1).optional() });
    expect(schema.safeParse({ at: '2026-12-07T12:00:00Z' }).success).toBe(true);
    expect(schema.safeParse({ at: 'soon' }).success).toBe(false);
  });

  it('refuses what the reminder refuses, its contract evaluated after the freeze as in a workflow', () => {
    // Required here, not imported: its schemas must be built after the freeze, as in a workflow.
    const { appointmentReminderEvent } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./appointment-reminder/appointment-reminder.contract') as typeof ReminderContract;
    const refused = appointmentReminderEvent.safeParse({ type: 'appointment-rescheduled' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/expected/i);
  });
});

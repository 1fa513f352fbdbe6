import type { Patient, Resource } from '@medplum/fhirtypes';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { MINUTE_MS } from '../../contracts/durations';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  progressQuery,
  resumeJourneyUpdate,
  type JourneyEvent,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { CALL_TASK_KINDS } from '../../contracts/staff-task-kinds';
import { DELIVERED_STATUSES } from '../../persistence/entities/outreach-message.entity';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { defaultEngagementPolicy, quietWindowFor } from '../../shared/engagement/engagement-policy';
import {
  emergencyFollowUpDefinition,
  resultDeadlineDefinition,
  screeningBookingDefinition,
} from '../../test/helpers/definition-examples';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { DAY, HOUR, createJourneyHarness, type JourneyHarness } from '../../test/helpers/journey-harness';
import { uniqueName } from '../../test/helpers/test-stack';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type DefinitionJourneyInput,
  type definitionJourney,
} from './definition-journey.workflow';

/*
 * The product's safety invariants for definition journeys on the worker: the interpreter workflow,
 * the real engagement layer with the shipped policy (quiet hours), PostgreSQL and the time-skipping
 * server. Seeded random sequences against the example definitions: declared events with random
 * values, events the definition does not declare, operator pause, resume and cancel, the patient's
 * STOP, and a death the EHR records mid-journey. The reducer's own properties run by the thousand
 * in reduce.properties.spec.ts; this is 18 sequences, 90 with CAREPATH_DRILLS=full.
 */

const SEED = 22_122_026;
const SEQUENCES = drillSize({ reduced: 18, full: 90 });
const ZONE = 'America/Chicago';

const definitions: [JourneyDefinition, (now: number) => Record<string, string>][] = [
  [screeningBookingDefinition, () => ({})],
  [
    emergencyFollowUpDefinition,
    (now) => ({ dischargedAt: new Date(now - HOUR).toISOString(), disposition: 'home' }),
  ],
  [resultDeadlineDefinition, () => ({})],
];

type Op =
  | { kind: 'event'; pick: number; offsetHours: number }
  | { kind: 'undeclared' }
  | { kind: 'pause' | 'resume' | 'cancel' | 'stop' | 'death' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      offsetHours: fc.integer({ min: -24, max: 24 * 10 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'undeclared' }) },
  { weight: 2, arbitrary: fc.constantFrom<Op>({ kind: 'pause' }, { kind: 'resume' }) },
  { weight: 2, arbitrary: fc.constantFrom<Op>({ kind: 'stop' }, { kind: 'death' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'cancel' }) },
);
/** Gaps off the hour, so no timer fires in the same instant as an update. */
const gapMs = fc.integer({ min: 1, max: 60 }).map((hours) => hours * HOUR + 7 * MINUTE_MS);
const sequences = fc.sample(fc.array(fc.tuple(gapMs, op), { minLength: 3, maxLength: 10 }), {
  seed: SEED,
  numRuns: SEQUENCES,
});

const dispositions = ['home', 'aadvice', 'unknown', 'hosp'];

function eventOf(
  definition: JourneyDefinition,
  pick: number,
  offsetHours: number,
  now: number,
): JourneyEvent {
  const declared = definition.events[pick % definition.events.length]!;
  const event: JourneyEvent = { type: declared.type };
  for (const [field, type] of Object.entries(declared.fields ?? {})) {
    if (type === 'date') event[field] = new Date(now + offsetHours * HOUR).toISOString();
    else if (type === 'number') event[field] = offsetHours;
    else if (type === 'boolean') event[field] = offsetHours % 2 === 0;
    else event[field] = dispositions[pick % dispositions.length]!;
  }
  return event;
}

/** Whether a moment falls in a channel's quiet hours, judged in the patient's zone. */
function inQuietHours(at: Date, channel: string): boolean {
  const window = quietWindowFor(defaultEngagementPolicy, channel as never);
  if (!window) return false;
  const local = DateTime.fromJSDate(at, { zone: ZONE }).toFormat('HH:mm');
  return window.start < window.end
    ? local >= window.start && local < window.end
    : local >= window.start || local < window.end;
}

describe('[HZ-20] [HZ-28] [HZ-80] [HZ-81] [HZ-85] [HZ-95] definition journeys under random event sequences (fast-check, time-skipping)', () => {
  let harness: JourneyHarness;
  /** The EHR: a patient is recorded as deceased from the moment a sequence says so. */
  const deceased = new Set<string>();
  const ehr: FhirClient = {
    read: <T extends Resource>(_type: T['resourceType'], id: string) =>
      Promise.resolve(
        (deceased.has(id)
          ? ({ resourceType: 'Patient', id, deceasedBoolean: true } satisfies Patient)
          : undefined) as T | undefined,
      ),
    readReference: () => Promise.resolve(undefined),
    search: () => Promise.resolve([]),
    createIfNoneExist: <T extends Resource>(resource: T) => Promise.resolve({ ...resource, id: 'written' }),
  };

  beforeAll(async () => {
    harness = await createJourneyHarness('definition-properties', { policy: {}, fhir: ehr });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const progressOf = (handle: WorkflowHandle): Promise<JourneyProgress> => handle.query(progressQuery);
  /** What the sequences met, so the last test can show the properties were not checked vacuously. */
  const met = {
    delivered: 0,
    blockedAfterStopOrDeath: 0,
    heldForQuietHours: 0,
    heldWhilePaused: 0,
    breaches: 0,
    undeclaredRefused: 0,
    callsClosedAtEnd: 0,
  };

  test.each(sequences.map((steps, index) => [index, steps] as const))(
    'sequence %i: [HZ-80] [HZ-81] [HZ-28] [HZ-85] [HZ-20] [HZ-95] nothing after STOP or death or in quiet hours or while paused, every deadline escalates, undeclared events change nothing, cancel closes the calls',
    async (index, steps) => {
      const [definition, factsAt] = definitions[index % definitions.length]!;
      const patientId = uniqueName('pat-definition-property');
      const patientRef = `ref-${patientId}`;
      const phone = `+1555558${String(index).padStart(4, '0')}`;
      const contact = { phone, timeZone: ZONE, channelOrder: ['sms' as const], portalEnabled: false };
      await harness.seedContact(patientRef, contact, { sms: 'granted' });
      const input: DefinitionJourneyInput = {
        patientRef,
        patientId,
        params: {
          definition,
          timeZone: ZONE,
          values: { schedulingUrl: 'https://scheduling.example.org/follow-up-visit' },
          facts: factsAt(await harness.now()),
        },
        program: { version: 1, settings: {} },
      };
      const handle = await harness.env.client.workflow.start<typeof definitionJourney>(
        DEFINITION_JOURNEY_WORKFLOW,
        { workflowId: uniqueName('definition-property'), taskQueue: harness.taskQueue, args: [input] },
      );

      let stoppedAt: number | undefined;
      let diedAt: number | undefined;
      let cancelledAt: number | undefined;
      /** Workflow-time windows in which the journey was paused. */
      const paused: { from: number; to: number }[] = [];
      let pausedSince: number | undefined;
      for (const [gap, next] of steps) {
        await harness.env.sleep(gap);
        const now = await harness.now();
        switch (next.kind) {
          case 'event':
            await accepted(
              handle.executeUpdate(journeyEventUpdate, {
                args: [eventOf(definition, next.pick, next.offsetHours, now)],
              }),
            );
            break;
          case 'undeclared': {
            const before = await progressOf(handle);
            const answer = await handle
              .executeUpdate(journeyEventUpdate, { args: [{ type: 'unlinked-lab-result', value: 7 }] })
              .then(
                () => 'accepted',
                (error: unknown) => (isRefusal(error) ? 'refused' : error),
              );
            expect(answer).toBe('refused');
            met.undeclaredRefused++;
            expect(await progressOf(handle)).toEqual(before);
            break;
          }
          case 'pause':
            if (await accepted(handle.executeUpdate(pauseJourneyUpdate, { args: [{ reason: 'Away' }] })))
              pausedSince ??= now;
            break;
          case 'resume':
            if (await accepted(handle.executeUpdate(resumeJourneyUpdate, { args: [{ reason: 'Back' }] }))) {
              if (pausedSince !== undefined) paused.push({ from: pausedSince, to: now });
              pausedSince = undefined;
            }
            break;
          case 'cancel':
            if (await accepted(handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'Left' }] })))
              cancelledAt ??= now;
            break;
          case 'stop':
            await harness.seedContact(patientRef, contact, { sms: 'revoked' });
            stoppedAt ??= now;
            break;
          case 'death':
            deceased.add(patientId);
            diedAt ??= now;
            break;
        }
      }
      await harness.env.sleep(20 * DAY);
      if (pausedSince !== undefined) paused.push({ from: pausedSince, to: Infinity });

      const progress = await progressOf(handle);
      const messages = (await harness.messagesOf(handle.workflowId)).filter((message) =>
        DELIVERED_STATUSES.includes(message.status),
      );
      for (const message of messages) {
        const at = message.plannedAt.getTime();
        const where = `${message.template} at ${message.plannedAt.toISOString()}`;
        if (stoppedAt !== undefined)
          expect({ where, afterStop: at >= stoppedAt }).toEqual({ where, afterStop: false });
        if (diedAt !== undefined)
          expect({ where, afterDeath: at >= diedAt }).toEqual({ where, afterDeath: false });
        expect({ where, quiet: inQuietHours(message.plannedAt, message.channel) }).toEqual({
          where,
          quiet: false,
        });
        const inPause = paused.some((window) => at >= window.from && at < window.to);
        expect({ where, inPause }).toEqual({ where, inPause: false });
      }
      // Active-clock work (an escalation plan's steps) waits while the journey is paused.
      for (const entry of progress.timeline.filter(
        (line) => line.kind === 'task' && line.ref?.includes('/step-'),
      )) {
        const at = Date.parse(entry.at);
        expect({ entry, inPause: paused.some((window) => at >= window.from && at < window.to) }).toEqual({
          entry,
          inPause: false,
        });
      }
      const tasks = await harness.tasksOf(handle.workflowId);
      const blockedFrom = Math.min(stoppedAt ?? Infinity, diedAt ?? Infinity);
      met.delivered += messages.length;
      met.blockedAfterStopOrDeath += progress.timeline.filter(
        (line) =>
          line.kind === 'message' &&
          Date.parse(line.at) >= blockedFrom &&
          /reached no channel|not sent/.test(line.summary),
      ).length;
      met.heldForQuietHours += progress.timeline.filter((line) =>
        /held until .*quiet hours/.test(line.summary),
      ).length;
      met.heldWhilePaused += progress.timeline.filter((line) =>
        /held while the journey is paused/.test(line.summary),
      ).length;
      met.breaches += progress.deadlines.filter((deadline) => deadline.status === 'breached').length;
      // Every deadline that passed reached a person: an urgent task, and a line operators read.
      for (const deadline of progress.deadlines.filter((candidate) => candidate.status === 'breached')) {
        expect(tasks).toContainEqual(
          expect.objectContaining({
            kind: 'deadline-breach',
            priority: 'urgent',
            title: `Deadline passed: ${deadline.label}`,
          }),
        );
        expect(progress.timeline.map((line) => line.summary)).toContain(`Deadline passed: ${deadline.label}`);
      }
      // A cancelled (or otherwise ended) journey leaves no call open in the staff queue.
      if (cancelledAt !== undefined) expect(progress.status).toBe('cancelled');
      if (progress.status === 'completed' || progress.status === 'cancelled') {
        await handle.result();
        const open = (await harness.tasksOf(handle.workflowId)).filter(
          (task) => CALL_TASK_KINDS.includes(task.kind) && task.status === 'open',
        );
        expect(open).toEqual([]);
        met.callsClosedAtEnd += (await harness.tasksOf(handle.workflowId)).filter(
          (task) => task.outcome === 'journey-ended',
        ).length;
      } else {
        await handle.executeUpdate(cancelJourneyUpdate, { args: [{ reason: 'End of sequence' }] });
      }
    },
    120_000,
  );

  test('the sequences met every situation the properties speak of: none was checked vacuously', () => {
    console.info('definition journey property sequences met', met);
    for (const [situation, count] of Object.entries(met)) {
      expect({ situation, met: count > 0 }).toEqual({ situation, met: true });
    }
  });
});

/** True when the update was applied; false when the journey refused it (ended, already paused, ...). */
async function accepted(update: Promise<unknown>): Promise<boolean> {
  try {
    await update;
    return true;
  } catch (error) {
    if (isRefusal(error)) return false;
    throw error;
  }
}

/** Refused by the journey's validator, or the journey has ended (as the EHR dispatcher treats it). */
function isRefusal(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError;
}

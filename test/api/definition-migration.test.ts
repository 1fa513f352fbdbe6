import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { WorkflowHandle } from '@temporalio/client';
import { journeyEventUpdate } from '../../contracts/journey-contract';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import {
  definitionStatusQuery,
  type DefinitionJourneyStatus,
} from '../../contracts/journey-definitions/migration-contract';
import { journeyTypeKey, patientRefKey } from '../../contracts/search-attributes';
import { AuditEvent } from '../../persistence/entities/audit-event.entity';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type definitionJourney,
} from '../../workflows/definition-interpreter/definition-journey.workflow';
import { followUpMapping, followUpV1, followUpV2 } from '../fixtures/definition-migration/follow-up-versions';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { seedContact } from '../helpers/engagement-sandbox';

/*
 * Issue 22's migration test, on the real API, PostgreSQL, worker and Temporal dev server: 50
 * journeys running version 1 of a follow-up program at different points (waiting for a reply,
 * past the first check-in message, with a staff call open, on a hold node version 2 removes) move
 * to version 2 in batches, and each does exactly what the dry run said it would.
 */

type Row = {
  journeyId: string;
  label: string;
  stage: string;
  outcome: string;
  landsAt?: { node: string; stage: string };
  timers?: Array<{ id: string; change: string; dueAfter?: string }>;
  messages?: Array<{ key: string; action: string; step: string }>;
  refusal?: { code: string; reason: string; strands: boolean };
};

const hex32 = () => randomBytes(16).toString('hex');
// Journeys live in the shared dev server: a fresh definition id keeps other runs' journeys out.
const DEFINITION = `follow-up-${randomBytes(3).toString('hex')}`;
const url = `/api/journey-definitions/${DEFINITION}`;
const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
const GROUPS = [
  { name: 'waiting', count: 20, event: undefined, node: 'wait-reply' },
  { name: 'checking-in', count: 15, event: 'replied', node: 'check-in' },
  { name: 'calling', count: 10, event: 'needs-call', node: 'call' },
  { name: 'on-hold', count: 5, event: 'hold', node: 'legacy-hold' },
] as const;

describe('[HZ-99] migrating 50 running journeys from definition version 1 to 2', () => {
  let stack: ApiStack;
  const journeys: Array<{ handle: WorkflowHandle<typeof definitionJourney>; group: string }> = [];

  beforeAll(async () => {
    stack = await startApiStack();
  }, 120_000);
  afterAll(async () => {
    // They would wait weeks on the shared dev server.
    await Promise.all(journeys.map(({ handle }) => handle.terminate('test over').catch(() => undefined)));
    await stack?.close();
  });

  const api = () => request(stack.http);
  const statusOf = (handle: WorkflowHandle) => handle.query(definitionStatusQuery);
  const messagesOf = (journeyId: string) =>
    stack.database.dataSource.getRepository(OutreachMessage).find({ where: { journeyId } });

  async function publish(content: JourneyDefinition, revision: number, note: string): Promise<void> {
    await api()
      .put(`${url}/draft`)
      .set(as('designer'))
      .send({ definition: { ...content, id: DEFINITION }, basedOnRevision: revision })
      .expect(200);
    await api()
      .post(`${url}/publish`)
      .set(as('designer'))
      .send({ note, basedOnRevision: revision + 1 })
      .expect(201);
  }

  async function startJourneys(v1: JourneyDefinition): Promise<void> {
    let index = 0;
    for (const group of GROUPS) {
      for (let n = 0; n < group.count; n++, index++) {
        const patientRef = `ref-migration-${index}`;
        await seedContact(stack.database.dataSource, patientRef, { timeZone: 'UTC' });
        const handle = await stack.temporal.workflow.start<typeof definitionJourney>(
          DEFINITION_JOURNEY_WORKFLOW,
          {
            workflowId: `${DEFINITION}-${hex32()}`,
            taskQueue: stack.config.temporal.taskQueue,
            // As the journey starter sets them: the definition id is the journey type.
            typedSearchAttributes: [
              { key: journeyTypeKey, value: DEFINITION },
              { key: patientRefKey, value: patientRef },
            ],
            args: [
              {
                patientRef,
                patientId: `pat-migration-${index}`,
                params: { definition: v1, timeZone: 'UTC' },
                program: { version: 1, settings: {} },
              },
            ],
          },
        );
        journeys.push({ handle, group: group.name });
      }
    }
    // Each to its point: the invitation sent, then the group's event, then past the first check-in.
    await Promise.all(
      journeys.map(async ({ handle, group }) => {
        const { event, node } = GROUPS.find((candidate) => candidate.name === group)!;
        await eventually(
          () => statusOf(handle),
          (status) => status.node === 'wait-reply',
          30_000,
        );
        if (event) await handle.executeUpdate(journeyEventUpdate, { args: [{ type: event }] });
        const at = await eventually(
          () => statusOf(handle),
          (status) => status.node === node && !status.timers.some((timer) => timer.id === 'check-in:step-1'),
          30_000,
        );
        expect(at.node).toBe(node);
      }),
    );
  }

  const dryRun = (body: Record<string, unknown>, query = '') =>
    api()
      .post(`${url}/migrations/dry-run${query}`)
      .set(as('designer'))
      .send({ fromVersion: 1, toVersion: 2, ...body });

  test('the dry run predicts exactly what the apply does; a stranding mapping is refused whole; the journey not chosen stays', async () => {
    await api()
      .post('/api/journey-definitions')
      .set(as('designer'))
      .send({ id: DEFINITION, title: 'Follow-up' })
      .expect(201);
    await publish(followUpV1, 1, 'First version');
    await publish(followUpV2, 3, 'Shorter reply window and check-ins; hold gets its own stage');
    const v1 = (await api().get(`${url}/versions/1`).set(as('designer')).expect(200)).body
      .definition as JourneyDefinition;
    await startJourneys(v1);
    const byId = new Map(journeys.map((journey) => [journey.handle.workflowId, journey]));

    // Without the mapping, the five on the removed hold node would be stranded.
    const unmapped = await eventually(
      async () => (await dryRun({}).expect(200)).body as { counts: Record<string, number>; journeys: Row[] },
      (body) => body.counts.journeys === 50,
      30_000,
    );
    expect(unmapped.counts).toMatchObject({ journeys: 50, migrate: 45, refused: 5, stranded: 5 });
    const strandedIds = unmapped.journeys.filter((row) => row.refusal?.strands).map((row) => row.journeyId);
    expect(strandedIds.map((id) => byId.get(id)!.group)).toEqual(Array(5).fill('on-hold'));
    expect(unmapped.journeys.find((row) => row.refusal)!.refusal!.reason).toMatch(/legacy-hold.*removed/);

    const refusedWhole = await api()
      .post(`${url}/migrations`)
      .set(as('designer'))
      .send({ fromVersion: 1, toVersion: 2, all: true, note: 'Forgot the mapping' })
      .expect(409);
    expect(refusedWhole.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
      strandedIds.map((id) => `journeys.${id}`).sort(),
    );
    const untouched = await Promise.all(journeys.map(({ handle }) => statusOf(handle)));
    expect(untouched.every((status) => status.definition.version === 1)).toBe(true);

    // With the mapping, every journey can move; the designer's filters.
    const dryRunStarted = Date.now();
    const planned = (await dryRun({ mapping: followUpMapping }).expect(200)).body as {
      counts: Record<string, number>;
      journeys: Row[];
    };
    console.info(`[migration] dry run of 50 journeys in ${Date.now() - dryRunStarted} ms`);
    expect(planned.counts).toMatchObject({ journeys: 50, migrate: 50, refused: 0, sendingMessages: 15 });
    for (const row of planned.journeys) {
      // A row names the journey by workflow id and stage only.
      expect(row.label).toBe(`${row.journeyId} · ${row.stage}`);
      expect(JSON.stringify(row)).not.toMatch(/ref-migration/);
    }
    const sending = (await dryRun({ mapping: followUpMapping }, '?only=sends-messages').expect(200)).body;
    expect(sending.journeys.map((row: Row) => byId.get(row.journeyId)!.group)).toEqual(
      Array(15).fill('checking-in'),
    );
    const toHold = (await dryRun({ mapping: followUpMapping }, '?landsAt=hold').expect(200)).body;
    expect(toHold.journeys).toHaveLength(5);

    // Apply to all but one waiting journey, ten at a time.
    const leftOut = journeys.find((journey) => journey.group === 'waiting')!.handle;
    const chosen = journeys.map(({ handle }) => handle.workflowId).filter((id) => id !== leftOut.workflowId);
    const before = await statusOf(leftOut);
    const started = Date.now();
    const applied = await api()
      .post(`${url}/migrations`)
      .set(as('designer'))
      .send({
        fromVersion: 1,
        toVersion: 2,
        mapping: followUpMapping,
        journeyIds: chosen,
        batchSize: 10,
        note: 'Version 2',
      })
      .expect(200);
    const applyMs = Date.now() - started;
    expect(applied.body).toMatchObject({ applied: 49, refused: 0, failed: 0 });
    console.info(`[migration] 49 journeys applied in ${applyMs} ms (batches of 10)`);

    const predicted = new Map(planned.journeys.map((row) => [row.journeyId, row]));
    for (const result of applied.body.journeys as Array<{ journeyId: string; plan: Row }>) {
      // The journey's own answer to the update is the plan the dry run showed, field for field.
      expect(result.plan).toEqual(predicted.get(result.journeyId));
    }
    const appliedAt = Date.now();
    await Promise.all(
      chosen.map(async (id) => {
        const plan = predicted.get(id)!;
        const status: DefinitionJourneyStatus = await statusOf(byId.get(id)!.handle);
        expect(status).toMatchObject({
          definition: { version: 2 },
          node: plan.landsAt!.node,
          stage: plan.landsAt!.stage,
        });
        // Every timer the plan keeps, moves or adds runs at the predicted time; a step already due has fired.
        const expected = plan
          .timers!.filter((timer) => timer.change !== 'dropped' && Date.parse(timer.dueAfter!) > appliedAt)
          .map((timer) => [timer.id, timer.dueAfter]);
        expect(status.timers.map((timer) => [timer.id, timer.dueAt]).sort()).toEqual(expected.sort());
        // Messages: each "send" goes out once; each "skip" is not sent again.
        const keys = (
          await eventually(
            () => messagesOf(id),
            (messages) =>
              plan
                .messages!.filter((message) => message.action === 'send')
                .every((message) => messages.some((sent) => sent.template === message.key)),
            30_000,
          )
        ).map((message) => message.template);
        for (const message of plan.messages!) {
          expect(keys.filter((key) => key === message.key)).toHaveLength(1);
        }
      }),
    );
    const waitingPlan = predicted.get(chosen.find((id) => byId.get(id)!.group === 'waiting')!)!;
    expect(waitingPlan.timers).toEqual([
      expect.objectContaining({ id: 'wait-reply:timeout', change: 'moved' }),
    ]);

    // The journey not chosen runs version 1 as before.
    expect(await statusOf(leftOut)).toEqual(before);

    // One audit row for the migration request (and one for the refused one), one per journey moved.
    const audit = stack.database.dataSource.getRepository(AuditEvent);
    const requests = await audit.find({
      where: { action: 'journey-definition.migrate', definitionId: DEFINITION },
    });
    expect(requests.map((row) => row.outcomeStatus).sort()).toEqual([200, 409]);
    const perJourney = await audit.find({
      where: { action: 'journey.definition-migrate', definitionId: DEFINITION },
    });
    expect(perJourney.map((row) => row.journeyId).sort()).toEqual([...chosen].sort());
    expect(perJourney.every((row) => row.outcomeStatus === 200 && row.actorName === 'dev-designer')).toBe(
      true,
    );
  }, 300_000);

  test('operators may dry-run but not apply; bad requests change nothing', async () => {
    await api()
      .post(`${url}/migrations/dry-run`)
      .set(as('operator'))
      .send({ fromVersion: 1, toVersion: 2 })
      .expect(200);
    await api()
      .post(`${url}/migrations`)
      .set(as('operator'))
      .send({ fromVersion: 1, toVersion: 2, all: true, note: 'x' })
      .expect(403);
    await api()
      .post(`${url}/migrations/dry-run`)
      .set(as('designer'))
      .send({ fromVersion: 2, toVersion: 1 })
      .expect(400);
    await api()
      .post(`${url}/migrations/dry-run`)
      .set(as('designer'))
      .send({ fromVersion: 1, toVersion: 9 })
      .expect(404);
    const noNote = await api()
      .post(`${url}/migrations`)
      .set(as('designer'))
      .send({ fromVersion: 1, toVersion: 2, all: true, note: ' ' })
      .expect(400);
    expect(noNote.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note' })]));
    await api()
      .post(`${url}/migrations`)
      .set(as('designer'))
      .send({ fromVersion: 1, toVersion: 2, note: 'neither all nor ids' })
      .expect(400);
  }, 60_000);
});

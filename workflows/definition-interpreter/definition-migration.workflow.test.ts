import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { journeyEventUpdate, progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import {
  definitionStatusQuery,
  migrateDefinitionUpdate,
  migrationPlanQuery,
} from '../../contracts/journey-definitions/migration-contract';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import {
  followUpMapping,
  followUpV1,
  followUpV2,
} from '../../test/fixtures/definition-migration/follow-up-versions';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { DAY, HOUR, createJourneyHarness, type JourneyHarness } from '../../test/helpers/journey-harness';
import { uniqueName } from '../../test/helpers/test-stack';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type DefinitionJourneyParams,
  type definitionJourney,
} from './definition-journey.workflow';

/*
 * Migrating a running interpreted journey from version 1 to version 2 on the worker
 * (time-skipping): the dry-run query's plan is what the update then does, the journey runs on
 * version 2 afterwards, and continue-as-new carries version 2.
 */
describe('definitionJourney: migration to a newer definition version (time-skipping)', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('definition-migration');
    await harness.seedContact(
      'ref-def-migrate',
      { phone: '+15555550644', language: 'en', timeZone: 'UTC', portalEnabled: false, channelOrder: ['sms'] },
      { sms: 'granted' },
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function start(
    params: Partial<DefinitionJourneyParams> = {},
  ): Promise<WorkflowHandleWithFirstExecutionRunId<typeof definitionJourney>> {
    return harness.env.client.workflow.start<typeof definitionJourney>(DEFINITION_JOURNEY_WORKFLOW, {
      workflowId: uniqueName('definition-migration'),
      taskQueue: harness.taskQueue,
      args: [
        {
          patientRef: 'ref-def-migrate',
          patientId: 'pat-def-migrate',
          params: { definition: followUpV1, timeZone: 'UTC', ...params },
          program: { version: 1, settings: {} },
        },
      ],
    });
  }
  const keysSent = async (workflowId: string) =>
    (await harness.messagesOf(workflowId)).map((message) => message.template);
  const migrate = (
    handle: WorkflowHandleWithFirstExecutionRunId<typeof definitionJourney>,
    to: JourneyDefinition,
  ) =>
    handle.executeUpdate(migrateDefinitionUpdate, {
      args: [{ definition: to, mapping: followUpMapping, by: 'dev-designer', note: 'Shorter check-ins' }],
    });

  test('check-ins: the dry run predicts the apply; the new step goes out at once, the moved one at its new time', async () => {
    const handle = await start();
    await harness.env.sleep(HOUR);
    await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'replied' }] });
    await harness.env.sleep(HOUR);
    expect(await keysSent(handle.workflowId)).toEqual(['follow-up-invite', 'check-in-1']);

    const predicted = await handle.query(migrationPlanQuery, {
      definition: followUpV2,
      mapping: followUpMapping,
    });
    expect(predicted).toMatchObject({
      outcome: 'migrate',
      landsAt: { node: 'check-in', stage: 'following-up' },
      messages: [
        expect.objectContaining({ key: 'check-in-1', action: 'skip' }),
        expect.objectContaining({ key: 'check-in-3', action: 'send' }),
      ],
    });
    const applied = await migrate(handle, followUpV2);
    expect(applied).toEqual(predicted);

    const status = await handle.query(definitionStatusQuery);
    expect(status).toMatchObject({ definition: { version: 2 }, node: 'check-in', stage: 'following-up' });
    if (predicted.outcome !== 'migrate') throw new Error('refused');
    const expectedTimers = predicted.timers
      .filter((timer) => timer.change !== 'dropped' && timer.id !== 'check-in:step-3')
      .map((timer) => [timer.id, timer.dueAfter]);
    expect(status.timers.map((timer) => [timer.id, timer.dueAt]).sort()).toEqual(expectedTimers.sort());

    await harness.env.sleep(HOUR);
    expect(await keysSent(handle.workflowId)).toEqual(['follow-up-invite', 'check-in-1', 'check-in-3']);
    const progress = await handle.query(progressQuery);
    expect(progress.facts).toMatchObject({ definitionVersion: 2 });
    expect(
      progress.timeline.filter(
        (entry) => entry.summary === 'Moved to version 2 by dev-designer: Shorter check-ins',
      ),
    ).toHaveLength(1);

    // Version 2's second check-in: 7 days after the reply, not version 1's 10.
    const step2 = predicted.timers.find((timer) => timer.id === 'check-in:step-2')!;
    await harness.env.sleep(Date.parse(step2.dueAfter!) - (await harness.now()) + HOUR);
    expect(await keysSent(handle.workflowId)).toEqual([
      'follow-up-invite',
      'check-in-1',
      'check-in-3',
      'check-in-2',
    ]);
    await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'booked' }] });
    expect((await handle.result()) as JourneyProgress).toMatchObject({
      status: 'completed',
      stage: 'end-booked',
    });
    await recordHistoryFixture(handle, 'definition-interpreter', 'migrated-to-version-2-check-ins');
  });

  test('a refused plan is refused by the update and changes nothing; the mapping moves a removed node', async () => {
    const handle = await start({ historyEventsBeforeContinueAsNew: 30 });
    await harness.env.sleep(HOUR);
    await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'hold' }] });
    await expect(
      handle.executeUpdate(migrateDefinitionUpdate, {
        args: [{ definition: followUpV2, by: 'dev-designer', note: 'No mapping' }],
      }),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/legacy-hold/) }),
    });
    expect(await handle.query(definitionStatusQuery)).toMatchObject({
      definition: { version: 1 },
      node: 'legacy-hold',
      stage: 'legacy',
    });

    expect(await migrate(handle, followUpV2)).toMatchObject({ landsAt: { node: 'hold', stage: 'holding' } });
    // Enough history for the journey to continue as new: the next run keeps version 2.
    for (let round = 0; round < 6; round++) {
      await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'booked' }] });
    }
    await harness.env.sleep(HOUR);
    const description = await handle.describe();
    expect(description.runId).not.toBe(handle.firstExecutionRunId);
    expect(await handle.query(definitionStatusQuery)).toMatchObject({
      definition: { version: 2 },
      node: 'hold',
      stage: 'holding',
    });
    await handle.executeUpdate(journeyEventUpdate, { args: [{ type: 'replied' }] });
    expect(await handle.query(definitionStatusQuery)).toMatchObject({
      node: 'check-in',
      stage: 'following-up',
    });
    await harness.env.sleep(DAY);
    expect(await keysSent(handle.workflowId)).toEqual(['follow-up-invite', 'check-in-1', 'check-in-3']);
  });
});

import type { Procedure } from '@medplum/fhirtypes';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { CohortEnrolment } from '../../persistence/entities/cohort-enrolment.entity';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../config/app-config';
import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { createJourneyWorker } from '../../worker/create-worker';
import {
  sandboxEngagement,
  startProviderSandbox,
  type ProviderSandbox,
} from '../../test/helpers/engagement-sandbox';
import { recordHistoryFixture } from '../../test/helpers/history-fixtures';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../../test/helpers/test-stack';
import { journeyWorkflowBundle } from '../../test/helpers/workflow-bundle';
import type { JourneyInput } from '../../contracts/journey-contract';
import type {
  PreventiveOutreachParams,
  ScreeningItem,
} from '../preventive-outreach/preventive-outreach.contract';
import { preventiveOutreachJourney } from '../preventive-outreach/preventive-outreach.journey';
import { cohortFinderWorkflow, type CohortFinderCounts } from './cohort-finder.workflow';
import { readStoredPayload, testDataConverter } from '../../test/helpers/test-payload-encryption';

/*
 * The cohort finder end to end: the seeded demo EHR (Medplum's FHIR server over HTTP), the real
 * worker with its activities on the Temporal dev server, and PostgreSQL. Flu shots are left out:
 * whether they are due depends on the month the test runs in (see the unit tests instead).
 */
const ITEMS: ScreeningItem[] = ['mammogram', 'colorectal-screening', 'cervical-screening', 'annual-visit'];
const ADULTS_WITHOUT_A_CHECK_UP = [
  'pat-1001',
  'pat-1002',
  'pat-1003',
  'pat-1004',
  'pat-2001',
  'pat-2002',
  'pat-2003',
  'pat-3001',
  'pat-3002',
  'pat-3003',
];

describe('cohortFinderWorkflow', () => {
  let sandbox: FhirSandbox;
  let database: TestDatabase;
  let providers: ProviderSandbox;
  let workerConnection: NativeConnection;
  let clientConnection: Connection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  let engagement: ReturnType<typeof sandboxEngagement>;
  let starter: JourneyStarter;
  const taskQueue = uniqueName('cohort-finder');
  // A key of its own: the demo patients' journey ids do not meet other test files' on the shared server.
  const pseudonymKey = uniqueName('pseudonym');

  beforeAll(async () => {
    [sandbox, database, providers] = await Promise.all([
      startFhirSandbox({ seed: true }),
      createTestDatabase(),
      startProviderSandbox(),
    ]);
    workerConnection = await NativeConnection.connect({ address: stackValue('temporalAddress') });
    clientConnection = await Connection.connect({ address: stackValue('temporalAddress') });
    client = new Client({
      connection: clientConnection,
      namespace: TEST_NAMESPACE,
      dataConverter: testDataConverter,
    });
    starter = new JourneyStarter(client, new ProgramSettingsStore(database.dataSource), {
      taskQueue,
      pseudonymKey,
      organisationTimeZone: DEFAULT_ORGANISATION_TIME_ZONE,
    });
    engagement = sandboxEngagement(database.dataSource, providers);
    worker = await createJourneyWorker({
      connection: workerConnection,
      temporal: { namespace: TEST_NAMESPACE, taskQueue },
      dataSource: database.dataSource,
      dataConverter: testDataConverter,
      engagement,
      ehr: {
        fhir: createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 10_000 }),
        pseudonymKey,
      },
      journeyStarter: starter,
      workflowBundle: await journeyWorkflowBundle(),
    });
    running = worker.run();
  });

  afterAll(async () => {
    // The journeys would wait for weeks on the shared server: end them with the test.
    for (const row of (await database?.dataSource.getRepository(CohortEnrolment).find()) ?? []) {
      await client.workflow
        .getHandle(row.journeyId!)
        .terminate('test over')
        .catch(() => undefined);
    }
    worker?.shutdown();
    await running;
    engagement?.close();
    await Promise.all([
      workerConnection?.close(),
      clientConnection?.close(),
      providers?.close(),
      sandbox?.stop(),
    ]);
    await database?.drop();
  });

  const runFinder = async (pageSize?: number): Promise<CohortFinderCounts> => {
    const handle = await client.workflow.start(cohortFinderWorkflow, {
      taskQueue,
      workflowId: uniqueName('cohort-finder'),
      args: [{ items: ITEMS, ...(pageSize ? { pageSize } : {}) }],
    });
    const counts = await handle.result();
    if (counts.enrolled > 0) {
      // The first run: 100 pages with enrolments, then continue-as-new.
      const firstRun = client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      await recordHistoryFixture(firstRun, 'cohort-finder', 'first-run-continued-as-new');
    }
    return counts;
  };
  const journeyId = (patientId: string, item: ScreeningItem) =>
    starter.workflowIdFor(preventiveOutreachJourney, patientId, { item });
  const startInput = async (workflowId: string) => {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    return readStoredPayload<JourneyInput<PreventiveOutreachParams>>(payload!);
  };
  const performedOn = async (procedureId: string) =>
    ((await sandbox.repo.readResource<Procedure>('Procedure', procedureId)).performedDateTime ?? '').slice(
      0,
      10,
    );

  test('enrols exactly the due patients, once per due cycle, even after their journey ended', async () => {
    // Staff enrolled James for colorectal screening by hand before the first night.
    const byHand = await starter.start({
      type: preventiveOutreachJourney,
      patientId: 'pat-3002',
      params: { item: 'colorectal-screening' },
    });
    expect(byHand).toMatchObject({ started: true, created: true });

    const expected: Array<{ patientId: string; item: ScreeningItem; lastDoneAt?: string }> = [
      // 55, last screening mammogram three years ago.
      { patientId: 'pat-3001', item: 'mammogram', lastDoneAt: await performedOn('pat-3001-mammogram') },
      // 58 and 60, never screened for colorectal cancer.
      { patientId: 'pat-2002', item: 'colorectal-screening' },
      { patientId: 'pat-3002', item: 'colorectal-screening' },
      // 30, cytology four years ago; 58, no cervical screening on record.
      {
        patientId: 'pat-3003',
        item: 'cervical-screening',
        lastDoneAt: await performedOn('pat-3003-cervical'),
      },
      { patientId: 'pat-2002', item: 'cervical-screening' },
      ...ADULTS_WITHOUT_A_CHECK_UP.map((patientId) => ({ patientId, item: 'annual-visit' as const })),
    ];

    // Three patients a page: the EHR is read in many pages, and the run continues as new past 100.
    const first = await runFinder(3);
    expect(first).toMatchObject({
      found: expected.length,
      enrolled: expected.length - 1,
      alreadyInJourney: 1,
      alreadyEnrolled: 0,
      refused: 0,
      patientsChecked: 11,
    });
    expect(first.pages).toBeGreaterThan(100);

    for (const { patientId, item, lastDoneAt } of expected) {
      const input = await startInput(journeyId(patientId, item));
      expect({ patientId: input.patientId, patientRef: input.patientRef }).toEqual({
        patientId,
        patientRef: starter.patientRefOf(patientId),
      });
      expect(input.params).toMatchObject({ item });
      expect(input.params.lastDoneAt).toBe(lastDoneAt);
    }
    const rows = await database.dataSource.getRepository(CohortEnrolment).find();
    expect(rows).toHaveLength(expected.length);
    expect(rows.filter((row) => row.status === 'already-in-journey').map((row) => row.journeyId)).toEqual([
      journeyId('pat-3002', 'colorectal-screening'),
    ]);

    // Patricia, 50, is up to date with everything: no journey at all.
    for (const item of ITEMS) {
      await expect(client.workflow.getHandle(journeyId('pat-3004', item)).describe()).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
    }

    // Linda's mammogram journey ends (here: terminated); the next nights enrol nobody again.
    const lindas = client.workflow.getHandle(journeyId('pat-3001', 'mammogram'));
    await lindas.terminate('patient moved away');
    const again = await runFinder();
    expect(again).toMatchObject({
      found: expected.length,
      enrolled: 0,
      alreadyEnrolled: expected.length,
      alreadyInJourney: 0,
    });
    expect((await lindas.describe()).status.name).toBe('TERMINATED');
    expect(await database.dataSource.getRepository(CohortEnrolment).count()).toBe(expected.length);
    // Three nightly runs over a whole demo EHR: on a busy 2-core machine this takes over a minute.
  }, 180_000);
});

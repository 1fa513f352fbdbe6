import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import startTestStack from '../test/global-setup';
import stopTestStack from '../test/global-teardown';
import { journeyWorkflowBundle } from '../test/helpers/workflow-bundle';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { stackValue, TEST_NAMESPACE, uniqueName } from '../test/helpers/test-stack';
import { ENCODED_FAILURE_CONVERTER_PATH } from '../shared/payload-encryption/journey-data-converter';
import { journeyStageKey, journeyTypeKey } from '../contracts/search-attributes';
import { findJourneyType } from '../workflows/journey-types';
import { journeyWorkerCoreOptions } from '../worker/create-worker';
import { runPool } from './promise-pool';
import { startJourneyRaw } from './raw-journey-start';
import { ANCHOR_JOURNEY, startAnchorJourney } from './anchor/anchor-start';

/*
 * Where a cached journey's memory goes (issue 23 point 2): a worker with `JOURNEYS` appointment
 * reminders (or anchor journeys) asleep in its cache, a V8 heap snapshot before and after, and the
 * difference per journey by constructor. The worker runs in debug mode, so its workflows live in
 * this thread's heap, where `writeHeapSnapshot` sees them (the SDK's workflow thread is otherwise
 * its own isolate). No activities: the first workflow task of both sleeps without one.
 *
 *   npm run build:server && node --expose-gc dist/bench/worker-heap-snapshot.js [journeys] [carepath|anchor]
 */
/**
 * 100 by default: at 1,000 the snapshot is gigabytes, beyond what this script can read back as
 * one string (V8's limit), and writing it takes minutes; the figures are per journey either way.
 */
const JOURNEYS = Number(process.argv[2] ?? 100);
const KIND = process.argv[3] === 'anchor' ? 'anchor' : 'carepath';
const TOP = 25;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  await startTestStack();
  const connection = await NativeConnection.connect({ address: stackValue('temporalAddress') });
  const clientConnection = await Connection.connect({ address: stackValue('temporalAddress') });
  const temporal = new Client({
    connection: clientConnection,
    namespace: TEST_NAMESPACE,
    dataConverter: testDataConverter,
  });
  const taskQueue = uniqueName('heap');
  const worker = await Worker.create({
    ...journeyWorkerCoreOptions({
      connection,
      temporal: { namespace: TEST_NAMESPACE, taskQueue, workerMaxCachedWorkflows: JOURNEYS + 100 },
      dataConverter: testDataConverter,
    }),
    workflowBundle:
      KIND === 'anchor'
        ? await bundleWorkflowCode({
            workflowsPath: require.resolve('./anchor/anchor.workflow'),
            failureConverterPath: ENCODED_FAILURE_CONVERTER_PATH,
            logger: new DefaultLogger('ERROR'),
          })
        : await journeyWorkflowBundle(),
    debugMode: true,
  });
  const running = worker.run();
  try {
    const type = findJourneyType('appointment-reminder')!;
    const target = { temporal, taskQueue, pseudonymKey: 'heap-snapshot' };
    const appointmentAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const journeyType = KIND === 'anchor' ? ANCHOR_JOURNEY : type.id;
    const start = (index: number) =>
      KIND === 'anchor'
        ? startAnchorJourney(target, `${taskQueue}-${index}`, { appointmentAt })
        : startJourneyRaw(target, type, `${taskQueue}-${index}`, { appointmentAt, timeZone: 'UTC' });
    // One journey first: the bundle's modules and the SDK's own state are not a journey's cost.
    await start(JOURNEYS);
    await asleep(temporal, journeyType, taskQueue, 1);
    const before = snapshot('before');
    await runPool(JOURNEYS, 32, async (index) => {
      await start(index);
    });
    await asleep(temporal, journeyType, taskQueue, JOURNEYS + 1);
    const after = snapshot('after');
    report(before, after);
  } finally {
    worker.shutdown();
    await running;
    await Promise.all([connection.close(), clientConnection.close()]);
    await stopTestStack();
  }
}

async function asleep(
  temporal: Client,
  journeyType: string,
  taskQueue: string,
  count: number,
): Promise<void> {
  const query = `${journeyTypeKey.name} = '${journeyType}' AND ${journeyStageKey.name} = 'scheduled' AND TaskQueue = '${taskQueue}'`;
  while ((await temporal.workflow.count(query)).count < count) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Totals {
  file: string;
  bySelfSize: Map<string, { size: number; count: number }>;
  total: number;
}

function snapshot(label: string): Totals {
  (globalThis as { gc?: () => void }).gc?.();
  const file = writeHeapSnapshot(join(tmpdir(), `carepath-${KIND}-${label}-${Date.now()}.heapsnapshot`));
  return { file, ...sizesByConstructor(file) };
}

/** Self sizes summed by node type and constructor name, from the snapshot's flat node array. */
function sizesByConstructor(file: string): Omit<Totals, 'file'> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = heap.snapshot.meta.node_fields;
  const stride = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [
    number,
    number,
    number,
  ];
  const types = heap.snapshot.meta.node_types[0];
  const bySelfSize = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let at = 0; at < heap.nodes.length; at += stride) {
    const type = types[heap.nodes[at + typeAt]!]!;
    const name =
      type === 'object' || type === 'closure' ? heap.strings[heap.nodes[at + nameAt]!]! : `(${type})`;
    const key = `${name}`.slice(0, 60);
    const size = heap.nodes[at + sizeAt]!;
    const entry = bySelfSize.get(key) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count += 1;
    bySelfSize.set(key, entry);
    total += size;
  }
  return { bySelfSize, total };
}

function report(before: Totals, after: Totals): void {
  const rows = [...after.bySelfSize].map(([name, entry]) => {
    const was = before.bySelfSize.get(name) ?? { size: 0, count: 0 };
    return {
      name,
      bytesPerJourney: Math.round((entry.size - was.size) / JOURNEYS),
      objectsPerJourney: Math.round(((entry.count - was.count) / JOURNEYS) * 10) / 10,
    };
  });
  rows.sort((a, b) => b.bytesPerJourney - a.bytesPerJourney);
  console.log(
    `${KIND}: ${JOURNEYS} journeys asleep in the cache; heap ${mb(before.total)} -> ${mb(after.total)} MB, ` +
      `${Math.round((after.total - before.total) / JOURNEYS / 1024)} KiB per journey (snapshots ${before.file}, ${after.file})`,
  );
  console.table(rows.slice(0, TOP));
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Payload } from '@temporalio/common';
import request from 'supertest';
import { AesGcmPayloadCodec } from '../../shared/payload-encryption/aes-gcm-payload-codec';
import { freePort } from '../../scripts/dev-stack/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../../scripts/toolchain/temporal-cli';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { TEST_NAMESPACE, uniqueName } from '../helpers/test-stack';
import { testPayloadKeys } from '../helpers/test-payload-encryption';

/*
 * Invariant 6: a patient's name, phone and email reach the journeys (contact on file, an
 * operator's free text) yet appear nowhere the Temporal server keeps or the processes print.
 * A dev server of its own, on a database file this test can read byte by byte afterwards.
 */
const CANARY = {
  given: 'Quillon',
  family: 'Marchbanks-Zyrtec',
  phone: '+15550137799',
  email: 'quillon.zyrtec@canary.example',
};
const canaryStrings = [CANARY.given, CANARY.family, CANARY.phone, CANARY.phone.slice(2), CANARY.email];

/** Every line the API, the worker and the SDK print while the canary runs. */
function captureOutput(): { text(): string; restore(): void } {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    }),
  );
  const writes = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  return {
    text: () => lines.join('\n'),
    restore: () => [...spies, ...writes].forEach((spy) => spy.mockRestore()),
  };
}

function found(haystack: string): string[] {
  return canaryStrings.filter((canary) => haystack.includes(canary));
}

describe('PHI canary: a distinctive patient leaves no clear trace in Temporal or the logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carepath-canary-'));
  const dbFile = join(dataDir, 'temporal.db');
  const logFile = join(dataDir, 'temporal.log');
  let server: RunningDevServer;
  let uiPort: number;
  let stack: ApiStack;
  let output: ReturnType<typeof captureOutput>;
  const patientId = uniqueName('pat-canary');
  const journeyIds: string[] = [];

  beforeAll(async () => {
    uiPort = await freePort();
    server = await startTemporalDevServer({
      cliPath: await locateTemporalCli(() => undefined),
      port: await freePort(),
      uiPort,
      namespace: TEST_NAMESPACE,
      dbFile,
      logFile,
    });
    output = captureOutput();
    stack = await startApiStack({ TEMPORAL_ADDRESS: server.address });
  }, 120_000);

  afterAll(async () => {
    output?.restore();
    await stack?.close();
    await server?.stop();
  });

  const api = () => request(stack.http);
  const operator = { Authorization: DEMO_KEYS.operator };
  const aboutTheCanary = `Spoke with ${CANARY.given} ${CANARY.family} on ${CANARY.phone}; letter to ${CANARY.email}`;

  test('journeys run for the canary patient: contact on file, messages sent, free text recorded', async () => {
    await api()
      .put(`/api/patients/${patientId}/contact`)
      .set(operator)
      .send({
        givenName: CANARY.given,
        phone: CANARY.phone,
        email: CANARY.email,
        channelOrder: ['sms', 'email'],
      })
      .expect(200);
    for (const channel of ['sms', 'email']) {
      await api()
        .put(`/api/patients/${patientId}/consents/${channel}`)
        .set(operator)
        .send({ status: 'granted' })
        .expect(200);
    }
    for (const [journey, params] of [
      ['preventive-outreach', { item: 'flu-shot' }],
      ['preventive-outreach', { item: 'colorectal-screening' }],
    ] as const) {
      const { body } = await api()
        .post('/api/journeys')
        .set(operator)
        .send({ journey, patientId, params })
        .expect(201);
      journeyIds.push(body.id as string);
    }
    // The first message went to the canary's phone from the EHR record: PHI did flow through.
    await stack.providers.sms.waitFor((sms) => sms.to === CANARY.phone, 20_000);

    await api()
      .post(`/api/journeys/${journeyIds[0]}/pause`)
      .set(operator)
      .send({ reason: aboutTheCanary })
      .expect(200);
    await api()
      .post(`/api/journeys/${journeyIds[0]}/resume`)
      .set(operator)
      .send({ reason: aboutTheCanary })
      .expect(200);
    for (const id of journeyIds) {
      const { body } = await api()
        .post(`/api/journeys/${id}/cancel`)
        .set(operator)
        .send({ reason: aboutTheCanary })
        .expect(200);
      expect(body.status).toBe('cancelled');
    }
  });

  test('[HZ-88] the canary is inside the encrypted histories: the operator would see it decoded', async () => {
    const codec = new AesGcmPayloadCodec(testPayloadKeys);
    const history = await stack.temporal.workflow.getHandle(journeyIds[0]!).fetchHistory();
    const payloads: Payload[] = [];
    const collect = (node: unknown): void => {
      if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
      const metadata = (node as Payload).metadata;
      if (metadata && ArrayBuffer.isView(metadata.encoding)) payloads.push(node as Payload);
      else Object.values(node).forEach(collect);
    };
    collect(history);
    const decoded = await codec.decode(payloads);
    const clear = decoded.map((payload) => Buffer.from(payload.data ?? []).toString('utf8')).join('\n');
    expect(found(clear)).toEqual(canaryStrings);
  });

  test('[HZ-88] workflow ids and search attributes carry opaque ids only', async () => {
    const listed = await eventually(
      async () => {
        const all = [];
        for await (const workflow of stack.temporal.workflow.list({
          query: `TaskQueue = '${stack.config.temporal.taskQueue}'`,
        })) {
          all.push({ id: workflow.workflowId, attributes: workflow.searchAttributes, memo: workflow.memo });
        }
        return all;
      },
      (all) => all.length >= journeyIds.length,
    );
    expect(listed.map((workflow) => workflow.id).sort()).toEqual([...journeyIds].sort());
    const visible = JSON.stringify(listed);
    expect(visible).not.toContain(patientId);
    expect(found(visible)).toEqual([]);
  });

  test('the Web UI decodes nothing by itself: the codec server is set per browser and needs an operator', async () => {
    const settings = (await (await fetch(`http://127.0.0.1:${uiPort}/api/v1/settings`)).json()) as {
      Codec: { Endpoint: string };
    };
    // As `npm start` runs it: no cluster-level endpoint (it could not send the session cookie).
    expect(settings.Codec.Endpoint).toBe('');
    await api().post('/api/codec/decode').send({ payloads: [] }).expect(401);
  });

  test("[HZ-88] nothing in the Temporal server's database file, its log or the processes' output", async () => {
    // Stopped first, so SQLite has written everything to the files scanned.
    await server.stop();
    const files = readdirSync(dataDir)
      .map((name) => join(dataDir, name))
      .filter((file) => file.startsWith(dbFile));
    expect(files).toContain(dbFile);
    let scanned = 0;
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      scanned += bytes.length;
      expect({ file, found: found(bytes) }).toEqual({ file, found: [] });
    }
    // The database does hold the journeys (their ids), so an empty file cannot pass for a clean one.
    expect(readFileSync(dbFile).toString('latin1')).toContain(journeyIds[0]);
    expect(scanned).toBeGreaterThan(100_000);

    const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    expect(found(serverLog)).toEqual([]);
    const printed = output.text();
    expect(printed.length).toBeGreaterThan(0);
    expect(found(printed)).toEqual([]);
  });
});

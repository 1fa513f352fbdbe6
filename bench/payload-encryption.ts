import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../shared/payload-encryption/aes-gcm-payload-codec';
import { parsePayloadEncryptionKeys } from '../shared/payload-encryption/encryption-keys';
import { journeyDataConverter } from '../shared/payload-encryption/journey-data-converter';
import { freePort } from '../scripts/dev-stack/free-port';
import { startTemporalDevServer } from '../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../scripts/toolchain/temporal-cli';
import { findJourneyType } from '../workflows/journey-types';

/*
 * What payload encryption costs a journey start. The codec runs in the client that starts the
 * workflow; everything else the API does is the same with and without it. So: the codec alone on a
 * real journey input, then journey starts against a dev server with a plain and an encrypting
 * client, alternated in rounds so both sides see the same server state.
 *
 *   npm run bench:encryption [-- --starts 400]
 */
const starts = Number(argument('--starts') ?? 400);
const namespace = 'bench';

async function main(): Promise<void> {
  const keys = parsePayloadEncryptionKeys(`bench=${randomBytes(32).toString('base64')}`);
  const input = journeyInput();
  const codecOnly = await measureCodec(new AesGcmPayloadCodec(keys), input);

  const server = await startTemporalDevServer({
    cliPath: await locateTemporalCli(() => undefined),
    port: await freePort(),
    namespace,
  });
  const connection = await Connection.connect({ address: server.address });
  try {
    const plain = new Client({ connection, namespace });
    const encrypted = new Client({ connection, namespace, dataConverter: journeyDataConverter(keys) });
    await timeStarts(plain, input, 50); // warm-up: connection, namespace caches
    await timeStarts(encrypted, input, 50);
    const latencies = { plain: [] as number[], encrypted: [] as number[] };
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      latencies.plain.push(...(await timeStarts(plain, input, starts / rounds)));
      latencies.encrypted.push(...(await timeStarts(encrypted, input, starts / rounds)));
    }
    const report = {
      benchmark: 'payload-encryption',
      at: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
      inputBytes: Buffer.byteLength(JSON.stringify(input)),
      codecOnly,
      workflowStartMs: { plain: summary(latencies.plain), encrypted: summary(latencies.encrypted) },
      overheadMs: {
        p50: round3(percentile(latencies.encrypted, 50) - percentile(latencies.plain, 50)),
        p95: round3(percentile(latencies.encrypted, 95) - percentile(latencies.plain, 95)),
      },
    };
    print(report);
    const dir = join(__dirname, '..', '..', 'bench', 'reports');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `payload-encryption-${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nreport: ${file}`);
  } finally {
    await connection.close();
    await server.stop();
  }
}

/** The argument of a real start: patient reference, parameters and the pinned program settings. */
function journeyInput(): unknown {
  const type = findJourneyType('appointment-reminder')!;
  return {
    patientRef: randomBytes(16).toString('hex'),
    patientId: 'pat-bench-0001',
    params: { appointmentAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), timeZone: 'Europe/Warsaw' },
    program: { version: 1, settings: type.settingsSchema.parse({}) },
  };
}

async function measureCodec(codec: AesGcmPayloadCodec, input: unknown) {
  const payload = defaultPayloadConverter.toPayload(input);
  const rounds = 20_000;
  const began = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await codec.decode(await codec.encode([payload]));
  const microseconds = Number(process.hrtime.bigint() - began) / 1000 / rounds;
  return { rounds, encodeAndDecodeMicroseconds: round3(microseconds) };
}

async function timeStarts(client: Client, input: unknown, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const began = performance.now();
    const handle = await client.workflow.start('appointmentReminderWorkflow', {
      workflowId: `bench-${randomBytes(8).toString('hex')}`,
      taskQueue: 'bench-no-worker',
      args: [input],
    });
    latencies.push(performance.now() - began);
    // No worker polls: terminate so the server holds no open workflows between rounds.
    await handle.terminate('benchmark');
  }
  return latencies;
}

function summary(values: number[]) {
  return {
    n: values.length,
    p50: round3(percentile(values, 50)),
    p95: round3(percentile(values, 95)),
    p99: round3(percentile(values, 99)),
    mean: round3(values.reduce((sum, value) => sum + value, 0) / values.length),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function print(report: {
  machine: { cores: number };
  inputBytes: number;
  codecOnly: { encodeAndDecodeMicroseconds: number };
  workflowStartMs: Record<'plain' | 'encrypted', ReturnType<typeof summary>>;
  overheadMs: { p50: number; p95: number };
}): void {
  console.log(
    `payload encryption on journey start (${report.machine.cores} cores, input ${report.inputBytes} B)`,
  );
  console.log(`codec alone: encode+decode ${report.codecOnly.encodeAndDecodeMicroseconds} µs per payload`);
  console.table(report.workflowStartMs);
  console.log(`overhead: p50 ${report.overheadMs.p50} ms, p95 ${report.overheadMs.p95} ms`);
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

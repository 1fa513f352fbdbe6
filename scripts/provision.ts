import { locateTemporalCli } from './toolchain/temporal-cli';
import { locateTestServer } from './toolchain/test-server';

/**
 * `npm run provision`: makes sure the Temporal CLI (dev server + Web UI) and the time-skipping
 * test server are available, building them into the cache on first use. CI runs it before tests.
 */
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[provision] ${message}`);
  const started = Date.now();
  const [cli, testServer] = await Promise.all([locateTemporalCli(log), locateTestServer(log)]);
  log(
    `Temporal CLI:         ${cli ?? 'not available here: the Temporal SDK will download it (needs internet)'}`,
  );
  log(
    `Time-skipping server: ${testServer ?? 'not available here: the Temporal SDK will download it (needs internet)'}`,
  );
  log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

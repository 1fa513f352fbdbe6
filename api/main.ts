import { loadProcessConfig } from '../config/app-config';
import { isLoopbackHost } from '../config/loopback';
import { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { configuredSpanProcessor, installTracing } from '../shared/telemetry/tracing';
import { createApp } from './create-app';

/** The API process. */
async function main(): Promise<void> {
  const config = loadProcessConfig();
  const spans = configuredSpanProcessor(config.telemetry.tracesExporter);
  // Before the app: its Temporal client's interceptors use the global tracer.
  if (spans) installTracing('carepath-api', spans);
  const app = await createApp(config);
  app.get(CarepathMetrics).collectProcessMetrics('api');
  await app.listen(config.api.port, config.api.host);
  if (!config.production && !isLoopbackHost(config.api.host)) {
    // Development's demo keys are documented: anyone who reaches this address holds every role.
    console.warn(
      `api: WARNING: development mode is listening on ${config.api.host}, beyond this machine, with ` +
        'demo API keys that anyone can read in the README. Unset API_HOST to stay on loopback, or run ' +
        'CAREPATH_MODE=production with your own keys.',
    );
  }
  console.log(
    `api: listening on http://${config.api.host}:${config.api.port}/api (OpenAPI at /api/openapi.json)`,
  );
}

main().catch((error: unknown) => {
  console.error(`api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

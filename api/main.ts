import { loadConfig } from '../config/app-config';
import { loadSecretFiles } from '../config/secret-files';
import { createApp } from './create-app';

/** The API process. */
async function main(): Promise<void> {
  loadSecretFiles(process.env);
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.api.port, config.api.host);
  console.log(
    `api: listening on http://${config.api.host}:${config.api.port}/api (OpenAPI at /api/openapi.json)`,
  );
}

main().catch((error: unknown) => {
  console.error(`api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DESIGNER_CLIENT_PATH, renderDesignerClient } from './designer-client';

/** `npm run openapi:generate` (from dist/scripts/openapi): rewrites the designer's API types. */
async function main(): Promise<void> {
  const file = resolve(__dirname, '..', '..', '..', DESIGNER_CLIENT_PATH);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderDesignerClient());
  console.log(`[openapi] wrote ${DESIGNER_CLIENT_PATH}`);
}

main().catch((error: unknown) => {
  console.error(`[openapi] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../../config/app-config';
import { createApp } from '../../api/create-app';
import { buildOpenApiDocument } from '../../api/openapi';

/**
 * The designer's API types, from the repository root; `npm run openapi:generate` writes them and
 * a test keeps them current.
 */
export const DESIGNER_CLIENT_PATH = 'designer/src/generated/openapi.d.ts';

const HEADER =
  "// Generated from the API's OpenAPI document by `npm run openapi:generate`: do not edit by hand.\n" +
  '// Change the API (its DTOs and @ApiProperty decorators) and regenerate.\n';

/**
 * The API's OpenAPI document, from a preview-mode app: the modules' metadata without instantiating
 * anything, so no database, Temporal or port is needed. The fixed keys only satisfy the config
 * loader (development mode would otherwise write its own under .data); the document holds no keys.
 */
export async function describeApi(): Promise<OpenAPI3> {
  const config = loadConfig({
    CAREPATH_MODE: 'development',
    DESIGNER_DIST: '/nonexistent',
    PSEUDONYM_KEY: 'openapi-generation-only',
    PAYLOAD_ENCRYPTION_KEYS: `openapi=${Buffer.alloc(32).toString('base64')}`,
  });
  const app = await createApp(config, { fhir: undefined }, { preview: true });
  try {
    return buildOpenApiDocument(app) as OpenAPI3;
  } finally {
    await app.close();
  }
}

/**
 * The TypeScript the designer imports, as openapi-typescript prints it (prettier leaves it alone:
 * prettier cannot run inside jest, where the freshness test renders it again).
 */
export async function renderDesignerClient(): Promise<string> {
  return HEADER + astToString(await openapiTS(await describeApi(), { alphabetize: true }));
}

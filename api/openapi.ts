import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CODEC_SESSION_COOKIE } from './codec/codec-session';
import { ApiErrorView } from './errors/api-error.view';
import { documentErrorResponses } from './openapi/error-responses';
import { documentLinks } from './openapi/links';

export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}

/**
 * The document `/api/openapi.json` serves. It reads only the modules' metadata, so an app created
 * in preview mode (nothing instantiated, nothing connected) yields the same document.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Carepath API')
      .setDescription(
        'Start, inspect and steer patient journeys. Every route except /api/health needs ' +
          '"Authorization: Bearer <API key>" (POST /api/fhir also takes a signed body instead); each key ' +
          'carries one role: designer (journey types, maps, counts, program settings; no patient data), ' +
          "operator (runs journeys, patients' contact and consent, staff tasks), integration (EHR and " +
          'portal systems; a key may be scoped to ehr-inbound or portal-inbox) or ' +
          "auditor (read-only: journeys, patients' messages and contacts, programs, staff tasks, and " +
          'GET /api/audit-events). A route answers 401 without a valid key and 403 to a role it does ' +
          'not admit. Every read or change of patient-level data, and every refused attempt by a known ' +
          'key, is written to the audit trail (who, what, when, which journey and patient).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key from API_KEYS (`role=secret`, `role:name=secret`, or `integration/<scope>:name=secret`).',
      })
      // The codec routes' @ApiCookieAuth names this scheme.
      .addCookieAuth(
        CODEC_SESSION_COOKIE,
        {
          type: 'apiKey',
          description: 'The codec session POST /api/codec/session opens (codec routes only).',
        },
        CODEC_SESSION_COOKIE,
      )
      .build(),
    { extraModels: [ApiErrorView] },
  );
  documentErrorResponses(document);
  documentLinks(document);
  return document;
}

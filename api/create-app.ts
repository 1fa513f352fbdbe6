import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, raw, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { FhirClient } from '../shared/ehr/fhir-client';
import { createFhirClient } from '../shared/ehr/http-fhir-client';
import { FHIR_WEBHOOK_PATH } from './fhir/fhir-inbound.controller';
import { AppModule } from './app.module';
import { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { countRequests } from './metrics/request-metrics';
import { codecCors } from './codec/codec-cors';
import { designerStatic } from './designer-static';
import { CODEC_SESSION_PATH } from './codec/codec-session';
import { setUpOpenApi } from './openapi';
import { refuseMalformedBodies } from './requests/body-shape';
import { apiValidationPipe } from './requests/validation-pipe';

/**
 * Builds the configured API application; `main.ts` listens, tests use it over supertest. The EHR
 * client comes from the configuration (FHIR_BASE_URL and its SMART settings) unless a test passes its own.
 * `preview` builds the modules without instantiating them (no database or Temporal connection):
 * enough to describe the API (the designer client generator), never to serve it.
 */
export async function createApp(
  config: AppConfig,
  ehr: { fhir: FhirClient | undefined } = { fhir: createFhirClient(config.ehr) },
  { preview = false }: { preview?: boolean } = {},
): Promise<INestApplication> {
  const designerDist = config.api.designerDist ?? join(__dirname, '..', '..', 'designer', 'dist');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, ehr.fhir),
    // A preview only describes the API: its "PREVIEW mode" banner and module log are noise there.
    { logger: preview ? ['error'] : ['error', 'warn', 'log'], bodyParser: false, preview },
  );
  // Security headers on every answer (CSP, no sniffing, no framing, HSTS, ...): helmet's defaults
  // suit the designer and Swagger UI, which load only their own scripts. No upgrade-insecure-requests:
  // it would send a plain-HTTP local stack's own assets to https; TLS is the proxy's to enforce.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // A preview instantiates nothing, so there are no metrics to count into.
  if (!preview) app.use(countRequests(app.get(CarepathMetrics)));
  // Nearly every API answer holds patient data: no browser or proxy may keep a copy.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The designer's files, and its index.html for every page path outside the API.
  if (existsSync(join(designerDist, 'index.html'))) app.use(designerStatic(designerDist));
  // The EHR webhook reads its body itself: its signature covers the exact bytes, and "not JSON" is its 400.
  app.use(FHIR_WEBHOOK_PATH, raw({ limit: '1mb', type: () => true }));
  // The Temporal Web UI calls the codec server from its own origin, with the codec session cookie.
  app.use(CODEC_SESSION_PATH, codecCors(config));
  app.use(CODEC_SESSION_PATH, json({ limit: '8mb' }));
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  // Provider webhooks (Twilio's inbound SMS and status callbacks) and one-click unsubscribe are forms.
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(refuseMalformedBodies);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(apiValidationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

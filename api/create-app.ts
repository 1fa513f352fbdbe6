import { ValidationPipe, type INestApplication } from '@nestjs/common';
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
import { codecCors } from './codec/codec-cors';
import { CODEC_SESSION_PATH } from './codec/codec-session';
import { badRequest, fromValidationErrors } from './errors/api-error';
import { setUpOpenApi } from './openapi';
import { refuseMalformedBodies } from './requests/body-shape';

/**
 * Builds the configured API application; `main.ts` listens, tests use it over supertest. The EHR
 * client comes from the configuration (FHIR_BASE_URL and its SMART settings) unless a test passes its own.
 */
export async function createApp(
  config: AppConfig,
  ehr: { fhir: FhirClient | undefined } = { fhir: createFhirClient(config.ehr) },
): Promise<INestApplication> {
  const designerDist = config.api.designerDist ?? join(__dirname, '..', '..', 'designer', 'dist');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(
      config,
      existsSync(join(designerDist, 'index.html')) ? designerDist : undefined,
      ehr.fhir,
    ),
    { logger: ['error', 'warn', 'log'], bodyParser: false },
  );
  // Security headers on every answer (CSP, no sniffing, no framing, HSTS, ...): helmet's defaults
  // suit the designer and Swagger UI, which load only their own scripts. No upgrade-insecure-requests:
  // it would send a plain-HTTP local stack's own assets to https; TLS is the proxy's to enforce.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Nearly every API answer holds patient data: no browser or proxy may keep a copy.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
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
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => badRequest('The request is invalid.', fromValidationErrors(errors)),
    }),
  );
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}

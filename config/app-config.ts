import { resolve } from 'node:path';
import { z } from 'zod';
import {
  parsePayloadEncryptionKeys,
  type PayloadEncryptionKeys,
} from '../shared/payload-encryption/encryption-keys';
import { isTimeZone } from '../contracts/contract-fields';
import { developmentPayloadKeys, developmentPseudonymKey } from './development-secrets';
import { parseApiKeys, type ApiKey } from './api-keys';
import { ConfigError, DEFAULT_ORGANISATION_TIME_ZONE } from './env-values';
import { loadSecretFiles } from './secret-files';
import { productChannels } from '../channels';
import { configureChannels, type ChannelModule, type ConfiguredChannel } from '../channels/channel-module';
import { loadEhrSettings, type EhrSettings } from '../shared/ehr/ehr-settings';
import { loadCohortSettings, type CohortSettings } from '../shared/cohort/cohort-settings';
import { loadEngagementPolicy, type EngagementPolicy } from '../shared/engagement/engagement-policy';
import { loadTelemetrySettings, type TelemetrySettings } from './telemetry-settings';

// Config errors and the zone default are declared beside the value helpers the modules' own
// schemas use, so those modules need not import this file (which imports them).
export { ConfigError, DEFAULT_ORGANISATION_TIME_ZONE };

/**
 * Every setting the API and the worker read, parsed once at process start and injected.
 * The mode is always explicit (`CAREPATH_MODE`): development runs on loopback with demo API keys
 * and secrets generated for this installation; production refuses to start on any of those, so no
 * demo credential reaches a real deployment, and no misspelt mode silently becomes development.
 * Each module contributes its own schema (the channels their providers' settings, the EHR, the
 * engagement policy, the cohort finder); this file composes them.
 */
export interface AppConfig {
  mode: CarepathMode;
  production: boolean;
  temporal: TemporalConfig;
  databaseUrl: string;
  /** `rateLimitPerMinute`: requests one client address may make a minute before it gets 429s. */
  api: {
    host: string;
    port: number;
    designerDist: string | undefined;
    rateLimitPerMinute: number;
    /** Dates in journey parameters and events must fall inside this window around now. */
    plausibleDates: { yearsBack: number; yearsAhead: number };
  };
  apiKeys: ApiKey[];
  /** Secret for the keyed hash that turns a patient id into an opaque reference; also signs unsubscribe links. */
  pseudonymKey: string;
  /** Where patients' mail clients and providers' callbacks reach the API (unsubscribe links, SMS status). */
  publicBaseUrl: string;
  /** Verifies the SMS provider's webhooks (Twilio signs them with the account's auth token). */
  smsWebhookAuthToken: string | undefined;
  /** Shared secret of signed EHR webhooks (`X-Carepath-Signature`); unset: only integration API keys. */
  fhirWebhookSecret: string | undefined;
  /** Keys of the Temporal payload codec: every workflow input, result and failure is encrypted with them. */
  payloadEncryption: PayloadEncryptionKeys;
  /**
   * `ORGANISATION_TIME_ZONE`: the zone patient-facing times and quiet hours use for a patient whose
   * own zone neither the EHR (tz-code extension, home address) nor their contact preferences give;
   * the journey says so on its timeline. Never a silent UTC.
   */
  organisationTimeZone: string;
  /** The channels this deployment turned on, each with its parsed settings (channels/). */
  channels: ConfiguredChannel[];
  /** `ENGAGEMENT_POLICY`, its default zone the organisation's unless it names one. */
  engagementPolicy: EngagementPolicy;
  /** `FHIR_BASE_URL` and its SMART settings; undefined: no EHR. */
  ehr: EhrSettings | undefined;
  /** `COHORT_FINDER_CRON` / `COHORT_FINDER_TIME_ZONE`. */
  cohort: CohortSettings;
  /** `CAREPATH_TEMPLATES_DIR`: wording files of an image with its own; unset: the repository's. */
  templatesDir: string | undefined;
  /** `METRICS_TOKEN`, `WORKER_METRICS_PORT`, `OTEL_TRACES_EXPORTER` (config/telemetry-settings.ts). */
  telemetry: TelemetrySettings;
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  webUiUrl: string;
  tls: boolean;
  apiKey: string | undefined;
  /** Journeys the worker keeps in memory between their workflow tasks (see DEFAULT_WORKER_MAX_CACHED_WORKFLOWS). */
  workerMaxCachedWorkflows: number;
}

/**
 * A journey sleeps for days between its workflow tasks, so keeping it in the worker's memory buys
 * little: an evicted journey is replayed from its history on its next task. The SDK's default grows
 * with the heap limit (about 2,300 here, about 2 MB each); with 500, 10,000 waiting journeys fell
 * asleep in 225 s instead of 327 s and the worker held 2.2 GB instead of 4.7 (docs/benchmarks.md).
 */
export const DEFAULT_WORKER_MAX_CACHED_WORKFLOWS = 500;

/** One demo key per role, named so the audit trail of a local stack reads as who did what. */
export const DEV_API_KEYS = [
  'designer:dev-designer=dev-designer-key',
  'operator:dev-operator=dev-operator-key',
  'integration:dev-integration=dev-integration-key',
  'auditor:dev-auditor=dev-auditor-key',
].join(',');
export const CAREPATH_MODES = ['development', 'production'] as const;
export type CarepathMode = (typeof CAREPATH_MODES)[number];
const DEV_DATABASE_URL = 'postgres://carepath:carepath@localhost:5433/carepath';

const booleanFromString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const environmentSchema = z.object({
  CAREPATH_MODE: z.enum(CAREPATH_MODES, { error: 'must be development or production' }).optional(),
  NODE_ENV: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('carepath'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('carepath-journeys'),
  TEMPORAL_WEB_UI_URL: z.url().default('http://localhost:8233'),
  TEMPORAL_TLS: booleanFromString.optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  // Empty is unset (docker-compose passes `${WORKER_MAX_CACHED_WORKFLOWS:-}`), not a cache of 0.
  WORKER_MAX_CACHED_WORKFLOWS: z
    .union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0)])
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Unset: loopback in development (demo keys stay on this machine), every interface in production. */
  API_HOST: z.string().min(1).optional(),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DESIGNER_DIST: z.string().optional(),
  API_KEYS: z.string().optional(),
  PSEUDONYM_KEY: z.string().optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  FHIR_WEBHOOK_SECRET: z.string().optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  PLAUSIBLE_DATES_YEARS_BACK: z.coerce.number().int().min(1).max(150).default(30),
  PLAUSIBLE_DATES_YEARS_AHEAD: z.coerce.number().int().min(1).max(50).default(5),
  PAYLOAD_ENCRYPTION_KEYS: z.string().optional(),
  ORGANISATION_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_ORGANISATION_TIME_ZONE)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/London or America/Chicago'),
  /** Where development mode keeps its generated payload key (as `npm start` keeps its data). */
  CAREPATH_DATA_DIR: z.string().optional(),
  CAREPATH_TEMPLATES_DIR: z.string().optional(),
});

/**
 * The configuration of this process, read once at its start: `*_FILE` secrets into the
 * environment, then every setting. The only place a process reads its environment.
 */
export function loadProcessConfig(channels: readonly ChannelModule[] = productChannels): AppConfig {
  loadSecretFiles(process.env);
  return loadConfig(process.env, channels);
}

/** `channels`: the modules a deployment may turn on; tests pass the product's plus a fixture. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  channels: readonly ChannelModule[] = productChannels,
): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  const mode = modeOf(vars);
  const production = mode === 'production';
  if (production) requireProductionSecrets(vars);
  const dataDir = resolve(vars.CAREPATH_DATA_DIR ?? '.data');

  return {
    mode,
    production,
    temporal: {
      address: vars.TEMPORAL_ADDRESS,
      namespace: vars.TEMPORAL_NAMESPACE,
      taskQueue: vars.TEMPORAL_TASK_QUEUE,
      webUiUrl: vars.TEMPORAL_WEB_UI_URL.replace(/\/$/, ''),
      // Temporal Cloud API keys only travel over TLS.
      tls: vars.TEMPORAL_TLS ?? vars.TEMPORAL_API_KEY !== undefined,
      apiKey: vars.TEMPORAL_API_KEY,
      workerMaxCachedWorkflows: vars.WORKER_MAX_CACHED_WORKFLOWS ?? DEFAULT_WORKER_MAX_CACHED_WORKFLOWS,
    },
    databaseUrl: vars.DATABASE_URL ?? DEV_DATABASE_URL,
    api: {
      host: vars.API_HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
      port: vars.API_PORT,
      designerDist: vars.DESIGNER_DIST,
      rateLimitPerMinute: vars.API_RATE_LIMIT_PER_MINUTE,
      plausibleDates: {
        yearsBack: vars.PLAUSIBLE_DATES_YEARS_BACK,
        yearsAhead: vars.PLAUSIBLE_DATES_YEARS_AHEAD,
      },
    },
    apiKeys: parseApiKeys(vars.API_KEYS ?? DEV_API_KEYS, { minimumSecretLength: production ? 32 : 1 }),
    pseudonymKey: vars.PSEUDONYM_KEY ?? developmentPseudonymKey(dataDir),
    smsWebhookAuthToken: vars.TWILIO_AUTH_TOKEN || undefined,
    fhirWebhookSecret: vars.FHIR_WEBHOOK_SECRET || undefined,
    payloadEncryption: payloadEncryptionKeys(vars, dataDir),
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.API_PORT}`).replace(/\/$/, ''),
    organisationTimeZone: vars.ORGANISATION_TIME_ZONE,
    channels: configureChannels(env, channels),
    engagementPolicy: engagementPolicy(env, vars.ORGANISATION_TIME_ZONE),
    ehr: env.FHIR_BASE_URL?.trim() ? loadEhrSettings(env) : undefined,
    cohort: loadCohortSettings(env),
    templatesDir: vars.CAREPATH_TEMPLATES_DIR ? resolve(vars.CAREPATH_TEMPLATES_DIR) : undefined,
    telemetry: loadTelemetrySettings(env, production),
  };
}

function engagementPolicy(env: NodeJS.ProcessEnv, organisationTimeZone: string): EngagementPolicy {
  try {
    return loadEngagementPolicy(env, organisationTimeZone);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

const MODE_HELP =
  'set CAREPATH_MODE=production for a deployment (with its secrets: README, "Security model"), or ' +
  'CAREPATH_MODE=development for a local stack on loopback with demo keys (`npm start` sets it)';

function modeOf(vars: z.infer<typeof environmentSchema>): CarepathMode {
  if (!vars.CAREPATH_MODE) throw new ConfigError(`CAREPATH_MODE is not set: ${MODE_HELP}.`);
  // NODE_ENV=production says a deployment is meant: demo keys there would be a silent downgrade.
  if (vars.CAREPATH_MODE === 'development' && vars.NODE_ENV === 'production') {
    throw new ConfigError(`NODE_ENV=production with CAREPATH_MODE=development: ${MODE_HELP}.`);
  }
  return vars.CAREPATH_MODE;
}

function requireProductionSecrets(vars: z.infer<typeof environmentSchema>): void {
  const missing = (
    ['API_KEYS', 'PSEUDONYM_KEY', 'PAYLOAD_ENCRYPTION_KEYS', 'DATABASE_URL', 'PUBLIC_BASE_URL'] as const
  ).filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `CAREPATH_MODE=production needs ${missing.join(', ')}: refusing to start on development defaults.`,
    );
  }
  if (vars.PSEUDONYM_KEY!.length < 32) {
    throw new ConfigError('PSEUDONYM_KEY must be at least 32 characters in production.');
  }
  // Optional (integration keys work without it), but a short webhook secret could be guessed.
  if (vars.FHIR_WEBHOOK_SECRET && vars.FHIR_WEBHOOK_SECRET.length < 32) {
    throw new ConfigError('FHIR_WEBHOOK_SECRET must be at least 32 characters in production when set.');
  }
}

function payloadEncryptionKeys(
  vars: z.infer<typeof environmentSchema>,
  dataDir: string,
): PayloadEncryptionKeys {
  if (!vars.PAYLOAD_ENCRYPTION_KEYS) return developmentPayloadKeys(dataDir);
  try {
    return parsePayloadEncryptionKeys(vars.PAYLOAD_ENCRYPTION_KEYS);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

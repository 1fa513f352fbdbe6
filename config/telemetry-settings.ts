import { z } from 'zod';
import { ConfigError, emptyAsUnset } from './env-values';

/**
 * Prometheus metrics and OpenTelemetry traces (README, "Metrics and traces").
 *
 * Who may scrape `/metrics`: with `METRICS_TOKEN` set, only a caller presenting it as a bearer
 * token (Prometheus' `authorization` setting), in either mode. Without it, development answers
 * callers on this machine (loopback) and production answers nobody. A dedicated token rather than
 * an operator key: a scraper holds its credential for good, and an operator key reads patients.
 */
export interface TelemetrySettings {
  metricsToken: string | undefined;
  /** `WORKER_METRICS_PORT`: the worker's own `/metrics` listener; unset, the worker serves none. */
  workerMetrics: WorkerMetricsSettings | undefined;
  /** `OTEL_TRACES_EXPORTER`: where spans go; `none` builds no tracer at all. */
  tracesExporter: TracesExporter;
}

export interface WorkerMetricsSettings {
  host: string;
  port: number;
  /**
   * The Temporal SDK runtime's own Prometheus exporter, always on loopback (it has no
   * authentication): the worker's `/metrics` reads it and serves it with its own metrics.
   */
  sdkPort: number;
}

/** `otlp` needs `@opentelemetry/exporter-trace-otlp-http`, which is not a dependency yet. */
export const TRACES_EXPORTERS = ['none', 'console'] as const;
export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

const port = z.coerce.number().int().min(1).max(65535);

const telemetryEnvironmentSchema = z.object({
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().optional()),
  WORKER_METRICS_PORT: z.preprocess(emptyAsUnset, port.optional()),
  WORKER_METRICS_HOST: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  WORKER_SDK_METRICS_PORT: z.preprocess(emptyAsUnset, port.optional()),
  OTEL_TRACES_EXPORTER: z.preprocess(
    emptyAsUnset,
    z
      .enum([...TRACES_EXPORTERS, 'otlp'], { error: 'must be none or console' })
      .default('none')
      .refine((value) => value !== 'otlp', {
        message: 'otlp is not available yet (no OTLP exporter package is installed): use none or console',
      }),
  ),
});

export function loadTelemetrySettings(env: NodeJS.ProcessEnv, production: boolean): TelemetrySettings {
  const parsed = telemetryEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data;
  if (production && vars.METRICS_TOKEN !== undefined && vars.METRICS_TOKEN.length < 32) {
    throw new ConfigError('METRICS_TOKEN must be at least 32 characters in production.');
  }
  if (production && vars.WORKER_METRICS_PORT !== undefined && vars.METRICS_TOKEN === undefined) {
    throw new ConfigError(
      'WORKER_METRICS_PORT in production needs METRICS_TOKEN: the worker serves metrics only to Prometheus.',
    );
  }
  const workerPort = vars.WORKER_METRICS_PORT;
  return {
    metricsToken: vars.METRICS_TOKEN,
    workerMetrics:
      workerPort === undefined
        ? undefined
        : {
            // As the API: loopback in development; in production the token guards every interface.
            host: vars.WORKER_METRICS_HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
            port: workerPort,
            sdkPort: vars.WORKER_SDK_METRICS_PORT ?? (workerPort === 65535 ? workerPort - 1 : workerPort + 1),
          },
    tracesExporter: vars.OTEL_TRACES_EXPORTER as TracesExporter,
  };
}

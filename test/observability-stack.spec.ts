import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CarepathMetrics } from '../shared/telemetry/carepath-metrics';

/**
 * The metrics half of docker-compose.yml, read as a reviewer would (no Docker engine here):
 * Prometheus scrapes both processes where they serve metrics, with the token they demand, and the
 * Grafana dashboard charts every Carepath metric by labels that hold no patient data.
 */

const root = resolve(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface ScrapeConfig {
  job_name: string;
  metrics_path: string;
  authorization?: { type: string; credentials_file?: string };
  static_configs: Array<{ targets: string[] }>;
}
interface ComposeService {
  environment?: Record<string, string>;
  secrets?: string[];
  volumes?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  secrets: Record<string, { environment?: string }>;
};
const prometheus = parse(read('ops/prometheus/prometheus.yml')) as { scrape_configs: ScrapeConfig[] };
const dashboard = JSON.parse(read('ops/grafana/dashboards/carepath.json')) as {
  panels: Array<{ type: string; datasource?: { uid: string }; targets?: Array<{ expr: string }> }>;
};
const datasources = parse(read('ops/grafana/provisioning/datasources/prometheus.yml')) as {
  datasources: Array<{ uid: string; url: string }>;
};

const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

/** Every metric family the two processes serve under the carepath_ prefix. */
function carepathMetricNames(): string[] {
  const declared = new CarepathMetrics().registry.getMetricsAsArray().map((metric) => metric.name);
  // The staff queue gauges are registered by the API module that reads the database.
  const gauges = [...read('api/metrics/staff-queue-gauges.ts').matchAll(/'(carepath_[a-z_]+)'/g)].map(
    (match) => match[1]!,
  );
  return [...declared, ...gauges];
}

describe('Prometheus and Grafana in docker-compose.yml', () => {
  const job = (name: string) => prometheus.scrape_configs.find((config) => config.job_name === name)!;
  const appEnvironment = compose.services.worker!.environment!;

  test('Prometheus scrapes the API and the worker where they serve metrics, with the metrics token', () => {
    expect(job('carepath-api')).toMatchObject({
      metrics_path: '/api/metrics',
      static_configs: [{ targets: [`api:${appEnvironment.API_PORT ?? 3000}`] }],
    });
    expect(job('carepath-worker')).toMatchObject({
      metrics_path: '/metrics',
      static_configs: [{ targets: [`worker:${appEnvironment.WORKER_METRICS_PORT}`] }],
    });
    for (const config of prometheus.scrape_configs) {
      expect(config.authorization).toEqual({
        type: 'Bearer',
        credentials_file: '/run/secrets/metrics_token',
      });
    }
    expect(compose.services.prometheus!.secrets).toEqual(['metrics_token']);
    expect(compose.secrets.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });
    expect(appEnvironment.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
  });

  test('Grafana reads the stack Prometheus through the provisioned data source', () => {
    expect(datasources.datasources).toEqual([
      expect.objectContaining({ uid: 'carepath-prometheus', url: 'http://prometheus:9090' }),
    ]);
    for (const panel of dashboard.panels.filter((candidate) => candidate.type !== 'row')) {
      expect(panel.datasource?.uid).toBe('carepath-prometheus');
    }
    const mounts = compose.services.grafana!.volumes!.map((volume) => volume.split(':')[0]);
    expect(mounts).toEqual(
      expect.arrayContaining(['./ops/grafana/provisioning', './ops/grafana/dashboards']),
    );
  });

  test('the dashboard charts every Carepath metric, and only metrics that exist', () => {
    const declared = carepathMetricNames();
    expect(declared.length).toBeGreaterThanOrEqual(9);
    const charted = new Set(
      expressions.flatMap((expr) =>
        [...expr.matchAll(/\b(carepath_[a-z_]+?)(?:_bucket|_count|_sum)?\b(?=[{[\s)])/g)].map(
          (match) => match[1]!,
        ),
      ),
    );
    for (const name of declared)
      expect({ name, charted: charted.has(name) }).toEqual({ name, charted: true });
    for (const name of charted)
      expect({ name, declared: declared.includes(name) }).toEqual({ name, declared: true });
  });

  test('the dashboard groups by labels that hold no patient data', () => {
    const allowed = ['journey_type', 'outcome', 'source', 'channel', 'kind', 'priority', 'le'];
    allowed.push('method', 'route', 'status', 'carepath_process', 'worker_type', 'activity_type');
    const grouped = expressions.flatMap((expr) =>
      [...expr.matchAll(/\bby \(([^)]*)\)/g)].flatMap((match) =>
        match[1]!.split(',').map((label) => label.trim()),
      ),
    );
    expect(grouped.length).toBeGreaterThan(0);
    for (const label of grouped) expect(allowed).toContain(label);
  });
});

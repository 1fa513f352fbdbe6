import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Runtime } from '@temporalio/worker';
import type { WorkerMetricsSettings } from '../config/telemetry-settings';
import type { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { metricsAccessRule } from '../shared/telemetry/metrics-access';

/**
 * The SDK runtime's own metrics (workflow and activity task latencies, cache, pollers, sticky
 * queue) through its Prometheus exporter, bound to loopback: it has no authentication of its own,
 * so only the worker's `/metrics` reads it. Once per process, before the first connection: the
 * runtime cannot be reconfigured afterwards.
 */
export function installSdkMetrics(settings: WorkerMetricsSettings): void {
  Runtime.install({
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: `127.0.0.1:${settings.sdkPort}`, countersTotalSuffix: true } },
    },
  });
}

export interface WorkerMetricsServer {
  /** Where it listens (the port is the OS's choice when the settings say 0, as tests do). */
  url: string;
  close(): Promise<void>;
}

/**
 * The worker's `/metrics`: Carepath's metrics (messages, staff tasks, deadline breaches, the
 * cohort finder's enrolments) followed by the SDK's when its exporter runs (`sdkPort`). Admits
 * whom the API's `/api/metrics` admits (shared/telemetry/metrics-access.ts).
 */
export async function startWorkerMetricsServer(options: {
  settings: Pick<WorkerMetricsSettings, 'host' | 'port'> & { sdkPort?: number };
  metricsToken: string | undefined;
  production: boolean;
  metrics: CarepathMetrics;
}): Promise<WorkerMetricsServer> {
  const access = metricsAccessRule(options.metricsToken, options.production);
  const { sdkPort } = options.settings;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response
        .writeHead(404, { 'Content-Type': 'text/plain' })
        .end('Not found: the worker serves /metrics only.\n');
      return;
    }
    const verdict = access({
      authorization: request.headers.authorization,
      remoteAddress: request.socket.remoteAddress,
    });
    if (!verdict.allowed) {
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain' }).end(`${verdict.message}\n`);
      return;
    }
    void Promise.all([options.metrics.exposition(), sdkPort ? sdkExposition(sdkPort) : ''])
      .then(([own, sdk]) => {
        response
          .writeHead(200, {
            'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
            'Cache-Control': 'no-store',
          })
          .end(own + sdk);
      })
      .catch(() => {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics could not be collected.\n');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.settings.port, options.settings.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The SDK exporter's text; a comment instead when it does not answer, so Carepath's still go out. */
async function sdkExposition(port: number): Promise<string> {
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2_000) });
    if (!answer.ok) return `# Temporal SDK metrics unavailable: HTTP ${answer.status}\n`;
    const text = await answer.text();
    return text.endsWith('\n') || text === '' ? text : `${text}\n`;
  } catch {
    return '# Temporal SDK metrics unavailable: its exporter did not answer\n';
  }
}

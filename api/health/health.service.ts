import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import type { DependencyHealth, HealthReport } from './health-report.dto';

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, database] = await Promise.all([
      probe(() =>
        this.temporal.workflowService.describeNamespace({ namespace: this.config.temporal.namespace }),
      ),
      probe(() => this.dataSource.query('SELECT 1')),
    ]);
    const status = temporal.status === 'up' && database.status === 'up' ? 'ok' : 'degraded';
    return { status, temporal, database };
  }
}

async function probe(call: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      call(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message.split('\n')[0] : 'unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { boundedLabel, CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import { DATA_SOURCE } from '../infrastructure/tokens';

interface QueueRow {
  kind: string;
  priority: string;
  open: string;
  overdue: string;
}

/**
 * The staff work queue as it stands at each scrape: open tasks and overdue ones (due time passed,
 * not done) by kind and priority. Read from the database, so every API instance reports the same
 * queue: aggregate with `max`, not `sum`, across instances.
 */
@Injectable()
export class StaffQueueGauges {
  /** The two gauges are collected together in one scrape: they share one query. */
  private reading: Promise<QueueRow[]> | undefined;

  constructor(
    metrics: CarepathMetrics,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {
    const gauge = (name: string, help: string, count: (row: QueueRow) => string) => {
      const read = () => this.read();
      return new Gauge({
        name,
        help,
        labelNames: ['kind', 'priority'] as const,
        registers: [metrics.registry],
        async collect() {
          const rows = await read();
          // A kind whose last task was done reads nothing, not its last count.
          this.reset();
          for (const row of rows) {
            this.inc(
              { kind: boundedLabel(row.kind), priority: boundedLabel(row.priority) },
              Number(count(row)),
            );
          }
        },
      });
    };
    gauge(
      'carepath_staff_tasks_open',
      'Staff tasks open or claimed now, by kind and priority.',
      (row) => row.open,
    );
    gauge(
      'carepath_staff_tasks_overdue',
      'Staff tasks open or claimed past their due time now, by kind and priority.',
      (row) => row.overdue,
    );
  }

  private read(): Promise<QueueRow[]> {
    this.reading ??= this.dataSource
      .getRepository(StaffTask)
      .createQueryBuilder('task')
      .select('task.kind', 'kind')
      .addSelect('task.priority', 'priority')
      .addSelect('COUNT(*)', 'open')
      .addSelect('COUNT(*) FILTER (WHERE task.due_at < now())', 'overdue')
      .where("task.status IN ('open', 'claimed')")
      .groupBy('task.kind')
      .addGroupBy('task.priority')
      .getRawMany<QueueRow>()
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

import { Module } from '@nestjs/common';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsController } from './metrics.controller';
import { StaffQueueGauges } from './staff-queue-gauges';

/** `GET /api/metrics`: the API's Prometheus metrics (the registry itself is InfrastructureModule's). */
@Module({
  controllers: [MetricsController],
  providers: [MetricsAccessGuard, StaffQueueGauges],
})
export class MetricsModule {}

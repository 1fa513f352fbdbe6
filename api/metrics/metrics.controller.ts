import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import { Public } from '../auth/roles.decorator';
import { MetricsAccessGuard } from './metrics-access.guard';
import { StaffQueueGauges } from './staff-queue-gauges';

/**
 * Prometheus' scrape target. Not an API key route (a scraper is no role) and not in the OpenAPI
 * document (its answer is Prometheus' text format, not JSON): MetricsAccessGuard decides.
 */
@SkipThrottle()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: CarepathMetrics,
    // Injected so its gauges are registered before the first scrape.
    _staffQueue: StaffQueueGauges,
  ) {}

  @Get()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.exposition();
  }
}

import { ApiProperty } from '@nestjs/swagger';

export class DependencyHealth {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ description: 'Round trip in milliseconds.' })
  latencyMs!: number;

  @ApiProperty({ required: false, description: 'Why the dependency is down.' })
  error?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: DependencyHealth })
  temporal!: DependencyHealth;

  @ApiProperty({ type: DependencyHealth })
  database!: DependencyHealth;
}

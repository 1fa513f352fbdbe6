import { ApiProperty } from '@nestjs/swagger';

export class StageCountView {
  @ApiProperty({ description: 'A stage or end node id of the blueprint.' }) stage!: string;
  @ApiProperty({
    description: 'Running journeys at this stage now; on an end node, the journeys that finished there.',
  })
  now!: number;
  @ApiProperty({ description: 'On an end node marked dropOff: the journeys that left the program there.' })
  droppedOff!: number;
  @ApiProperty({ description: 'Journeys at this node now that missed at least one deadline.' })
  breached!: number;
}

export class JourneyTypeStatsView {
  @ApiProperty() journey!: string;
  @ApiProperty({ description: 'Running journeys, paused ones included.' }) running!: number;
  @ApiProperty() paused!: number;
  @ApiProperty({ description: 'Journeys that reached an end of the program (drop-offs included).' })
  completed!: number;
  @ApiProperty({ description: 'Journeys an operator cancelled.' }) cancelled!: number;
  @ApiProperty({ description: 'Journeys that ended at a drop-off end (declined, no response, cancelled).' })
  droppedOff!: number;
  @ApiProperty({ description: 'Journeys, running or ended, that missed at least one deadline.' })
  breached!: number;
  @ApiProperty({ type: [StageCountView] }) stages!: StageCountView[];
  @ApiProperty({ description: 'When these counts were taken (visibility lags a second or so).' })
  countedAt!: string;
}

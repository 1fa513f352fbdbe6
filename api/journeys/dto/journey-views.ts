import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['stage', 'event', 'message', 'cancellation'] }) kind!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional() ref?: string;
}

export class UpcomingTimerView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
}

export class JourneySummaryView {
  @ApiProperty({ description: 'Opaque journey id (the Temporal workflow id).' }) id!: string;
  @ApiProperty() journey!: string;
  @ApiProperty({ enum: ['active', 'completed', 'cancelled', 'failed', 'terminated', 'timed-out'] }) status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional() closedAt?: string;
}

export class JourneyDetailView extends JourneySummaryView {
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ type: [UpcomingTimerView] }) upcoming!: UpcomingTimerView[];
  @ApiProperty({ description: 'This journey in the Temporal Web UI.' }) temporalUiUrl!: string;
}

export class StartJourneyResult extends JourneyDetailView {
  @ApiProperty({ description: 'False when the patient was already enrolled and the running journey is returned.' })
  created!: boolean;
}

export class JourneyPage {
  @ApiProperty({ type: [JourneySummaryView] }) items!: JourneySummaryView[];
  @ApiPropertyOptional({ description: 'Pass as pageToken to read the next page; absent on the last page.' })
  nextPageToken?: string;
}

export class JourneyTypeView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the start parameters.' })
  paramsSchema!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the events it accepts.' })
  eventSchema!: Record<string, unknown>;
}

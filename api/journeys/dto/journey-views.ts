import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['stage', 'event', 'message', 'task', 'deadline', 'control', 'cancellation'] })
  kind!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional() ref?: string;
}

export class UpcomingTimerView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
}

export class DeadlineViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ enum: ['pending', 'met', 'met-late', 'breached', 'void'] }) status!: string;
  @ApiPropertyOptional() warnedAt?: string;
  @ApiPropertyOptional() breachedAt?: string;
  @ApiPropertyOptional() metAt?: string;
  @ApiPropertyOptional({ description: 'Whole days late, once a breached deadline was met.' })
  lateByDays?: number;
}

export class JourneySummaryView {
  @ApiProperty({ description: 'Opaque journey id (the Temporal workflow id).' }) id!: string;
  @ApiProperty() journey!: string;
  @ApiProperty({ enum: ['active', 'paused', 'completed', 'cancelled', 'failed', 'terminated', 'timed-out'] })
  status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional() closedAt?: string;
}

export class JourneyDetailView extends JourneySummaryView {
  @ApiProperty({
    description: 'The program settings version the journey was enrolled with (0: built-in defaults).',
  })
  settingsVersion!: number;
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ type: [UpcomingTimerView] }) upcoming!: UpcomingTimerView[];
  @ApiProperty({ type: [DeadlineViewDto] }) deadlines!: DeadlineViewDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Journey-specific figures (e.g. weight change).',
  })
  facts!: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'This journey in the Temporal Web UI.' }) temporalUiUrl!: string;
}

export class StartJourneyResult extends JourneyDetailView {
  @ApiProperty({
    description: 'False when the patient was already enrolled and the running journey is returned.',
  })
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
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the start parameters.',
  })
  paramsSchema!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the events it accepts.',
  })
  eventSchema!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of its program settings.',
  })
  settingsSchema!: Record<string, unknown>;
  @ApiProperty({ description: 'The settings version new enrolments get (0: built-in defaults).' })
  settingsVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The static map: nodes (stage, end, timer, wait, branch, message, task) and edges, with stable ids.',
  })
  blueprint!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Where the clinical numbers come from.' }) sources!: string[];
}

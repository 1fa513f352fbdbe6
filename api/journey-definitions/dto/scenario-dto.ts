import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { INT32_MAX } from '../../requests/int32';

/** `POST /api/journey-definitions/:id/draft/scenarios`: one saved scenario, added or replaced by name. */
export class SaveScenarioDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'A saved scenario (the `scenarios` items of GET /api/journey-definitions/schema): name, synthetic patient, script, months, values. One with the same name is replaced.',
  })
  @IsObject()
  scenario!: Record<string, unknown>;

  @ApiProperty({ description: "The definition's revision the draft was read at; 409 if it changed since." })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  basedOnRevision!: number;
}

export class ScenarioFieldChangeView {
  @ApiProperty({
    example: 'text',
    description: 'at, channel, language, text, subject, dueAt, priority, status...',
  })
  field!: string;
  @ApiPropertyOptional() before?: string;
  @ApiPropertyOptional() after?: string;
}

export class ScenarioItemView {
  @ApiProperty({ description: 'The step (or deadline id) it is matched by.' }) id!: string;
  @ApiProperty({ description: "A message's key, a task's title, a deadline's label." }) label!: string;
  @ApiProperty({ description: 'When it happened (ISO instant).' }) at!: string;
}

export class ScenarioItemChangeView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [ScenarioFieldChangeView] }) changes!: ScenarioFieldChangeView[];
}

export class ScenarioListChangesView {
  @ApiProperty({ type: [ScenarioItemView] }) added!: ScenarioItemView[];
  @ApiProperty({ type: [ScenarioItemView] }) removed!: ScenarioItemView[];
  @ApiProperty({ type: [ScenarioItemChangeView] }) changed!: ScenarioItemChangeView[];
}

export class ScenarioFinalChangeView {
  @ApiProperty({ example: 'completed at booked (2026-03-11T08:00:00.000Z)' }) before!: string;
  @ApiProperty() after!: string;
}

export class ScenarioOutcomeView {
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: ['unchanged', 'changed', 'new', 'failed'],
    description: 'new: nothing published to compare with; failed: the scenario could not run (see problem).',
  })
  verdict!: 'unchanged' | 'changed' | 'new' | 'failed';
  @ApiProperty({ type: ScenarioListChangesView }) messages!: ScenarioListChangesView;
  @ApiProperty({ type: ScenarioListChangesView }) tasks!: ScenarioListChangesView;
  @ApiProperty({ type: ScenarioListChangesView }) deadlines!: ScenarioListChangesView;
  @ApiPropertyOptional({
    type: ScenarioFinalChangeView,
    description: 'Present when the final status differs.',
  })
  final?: ScenarioFinalChangeView;
  @ApiPropertyOptional() problem?: string;
}

export class ScenarioChangesView {
  @ApiProperty() definitionId!: string;
  @ApiProperty({ description: 'The draft revision the scenarios were run on.' }) revision!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The published version compared with: the latest one; null when none is published.',
  })
  publishedVersion!: number | null;
  @ApiProperty({
    description: 'How many saved scenarios have an outcome that differs from the published version.',
  })
  changedCount!: number;
  @ApiProperty({ type: [ScenarioOutcomeView] }) scenarios!: ScenarioOutcomeView[];
}

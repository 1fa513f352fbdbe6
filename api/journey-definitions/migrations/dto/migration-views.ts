import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { refusalCodes } from '../../../../workflows/definition-interpreter/migrate';

/*
 * A migration's dry run and its apply, per journey: the workflow id and stage, never the patient.
 */

export class MigrationLandingView {
  @ApiProperty() node!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() kind!: string;
}

export class MigrationTimerView {
  @ApiProperty({ description: 'The timer, named by the node and step (no patient data).' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['active', 'wall'], description: 'active: stops while paused; wall: a deadline.' })
  clock!: string;
  @ApiProperty({ enum: ['kept', 'moved', 'dropped', 'added'] }) change!: string;
  @ApiPropertyOptional({ description: 'When it is due on the version the journey runs.' }) dueBefore?: string;
  @ApiPropertyOptional({ description: 'When it is due after the move (past: it fires at once).' })
  dueAfter?: string;
}

export class MigrationMessageView {
  @ApiProperty({ description: 'The outbox step: a message is sent once per step.' }) step!: string;
  @ApiProperty({ description: 'The wording key.' }) key!: string;
  @ApiProperty({
    enum: ['send', 'skip', 'repeat'],
    description:
      'send: new to the patient; skip: already sent or on its way; repeat: received before, sent again.',
  })
  action!: string;
  @ApiProperty() why!: string;
  @ApiPropertyOptional({ description: 'When it goes out; at once when absent or past.' }) dueAt?: string;
}

export class MigrationRefusalView {
  @ApiProperty({ enum: [...refusalCodes, 'not-on-version'] }) code!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({
    description:
      'The mapping would leave the patient at a node or in a stage that no longer exists: a migration selecting this journey is refused whole.',
  })
  strands!: boolean;
}

export class MigrationJourneyPlanView {
  @ApiProperty({ description: 'The workflow id.' }) journeyId!: string;
  @ApiProperty({ description: 'Who the row is, without patient data: the workflow id and stage.' })
  label!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ nullable: true, type: String }) node!: string | null;
  @ApiProperty({ enum: ['migrate', 'refused'] }) outcome!: string;
  @ApiPropertyOptional({ type: MigrationLandingView }) landsAt?: MigrationLandingView;
  @ApiPropertyOptional({ type: [MigrationTimerView] }) timers?: MigrationTimerView[];
  @ApiPropertyOptional({ type: [MigrationMessageView] }) messages?: MigrationMessageView[];
  @ApiPropertyOptional({ type: [String] }) notes?: string[];
  @ApiPropertyOptional({ type: MigrationRefusalView }) refusal?: MigrationRefusalView;
}

export class MigrationCountsView {
  @ApiProperty() journeys!: number;
  @ApiProperty() migrate!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({
    description: 'Refused because the mapping strands them: an apply selecting any is refused.',
  })
  stranded!: number;
  @ApiProperty({ description: 'Journeys to whom the move sends (or repeats) a message.' })
  sendingMessages!: number;
}

export class MigrationDryRunView {
  @ApiProperty() definitionId!: string;
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({
    type: MigrationCountsView,
    description: 'Over every journey asked about, before any filter.',
  })
  counts!: MigrationCountsView;
  @ApiProperty({ type: [MigrationJourneyPlanView] }) journeys!: MigrationJourneyPlanView[];
}

export class MigrationAppliedJourneyView {
  @ApiProperty() journeyId!: string;
  @ApiProperty({
    enum: ['applied', 'refused', 'failed'],
    description:
      'refused: the journey turned it down (it changed since the dry run); failed: it could not be asked.',
  })
  outcome!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: MigrationJourneyPlanView, description: 'What the journey did.' })
  plan?: MigrationJourneyPlanView;
}

export class MigrationApplyView {
  @ApiProperty() definitionId!: string;
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty() applied!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [MigrationAppliedJourneyView] }) journeys!: MigrationAppliedJourneyView[];
}

import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { problemCodes } from '../../../contracts/journey-definitions/validate-definition';

const DEFINITION_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description: 'A journey definition (GET /api/journey-definitions/schema).',
} as const;

export class DefinitionProblemView {
  @ApiProperty({ enum: problemCodes }) code!: string;
  @ApiPropertyOptional({ description: 'The node the problem is on.' }) node?: string;
  @ApiProperty({ description: 'What is wrong, in a sentence a designer can act on.' }) message!: string;
}

export class DefinitionCheckView {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [DefinitionProblemView] }) problems!: DefinitionProblemView[];
}

export class DefinitionVersionSummaryView {
  @ApiProperty() definitionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'The API key holder who published it.' }) publishedBy!: string;
  @ApiProperty() publishedAt!: string;
}

export class DefinitionVersionView extends DefinitionVersionSummaryView {
  @ApiProperty(DEFINITION_SCHEMA) definition!: Record<string, unknown>;
  @ApiProperty({ type: DefinitionCheckView, description: 'What the validator found when it was published.' })
  validation!: DefinitionCheckView;
}

export class DraftSummaryView {
  @ApiProperty({ description: 'The version it was started from; 0 for a new definition.' })
  basedOnVersion!: number;
  @ApiProperty() savedBy!: string;
  @ApiProperty() savedAt!: string;
}

export class DraftView extends DraftSummaryView {
  @ApiProperty() definitionId!: string;
  @ApiProperty({ description: 'Send it as basedOnRevision with the next save or the publish.' })
  revision!: number;
  @ApiProperty(DEFINITION_SCHEMA) definition!: Record<string, unknown>;
  @ApiProperty({ type: [DefinitionProblemView], description: 'Publishing is refused until there are none.' })
  problems!: DefinitionProblemView[];
}

export class DefinitionCopyRefView {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
}

export class JourneyDefinitionView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: DefinitionCopyRefView, nullable: true }) copiedFrom!: DefinitionCopyRefView | null;
  @ApiProperty({ description: 'Goes up with every save and publish: what basedOnRevision must be.' })
  revision!: number;
  @ApiProperty({ type: DefinitionVersionSummaryView, nullable: true })
  latestVersion!: DefinitionVersionSummaryView | null;
  @ApiProperty({ type: DraftSummaryView, nullable: true }) draft!: DraftSummaryView | null;
}

/** Any JSON value: a changed value can be text, a number, a list or an object. */
const JSON_VALUE: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
  nullable: true,
};

export class ValueChangeView {
  @ApiProperty({ example: 'message.wording.es.plain.sms' }) path!: string;
  @ApiPropertyOptional({ ...JSON_VALUE, description: 'Absent when the value was added.' }) before?: unknown;
  @ApiPropertyOptional({ ...JSON_VALUE, description: 'Absent when the value was removed.' }) after?: unknown;
}

export class DiffItemView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() label?: string;
  @ApiPropertyOptional({ description: "A node's kind, a setting's type." }) kind?: string;
}

export class ChangedItemView extends DiffItemView {
  @ApiProperty({ type: [ValueChangeView] }) changes!: ValueChangeView[];
}

export class ItemChangesView {
  @ApiProperty({ type: [DiffItemView] }) added!: DiffItemView[];
  @ApiProperty({ type: [DiffItemView] }) removed!: DiffItemView[];
  @ApiProperty({ type: [ChangedItemView] }) changed!: ChangedItemView[];
}

export class DefinitionDiffView {
  @ApiProperty() definitionId!: string;
  @ApiProperty({ example: '1', description: 'A version number, or draft.' }) from!: string;
  @ApiProperty({ example: '2', description: 'A version number, or draft.' }) to!: string;
  @ApiProperty({ description: 'Nothing differs but the version number.' }) identical!: boolean;
  @ApiProperty({
    description:
      'Something a patient or staff could notice differs: anything but the saved scenarios and the version number.',
  })
  behaviourChanged!: boolean;
  @ApiProperty({ type: [ValueChangeView], description: 'Title, description, languages, start.' })
  fields!: ValueChangeView[];
  @ApiProperty({ type: ItemChangesView }) nodes!: ItemChangesView;
  @ApiProperty({ type: ItemChangesView }) stages!: ItemChangesView;
  @ApiProperty({ type: ItemChangesView }) events!: ItemChangesView;
  @ApiProperty({ type: ItemChangesView }) settings!: ItemChangesView;
  @ApiProperty({ type: ItemChangesView, description: 'Saved scenarios, by name: they change no journey.' })
  scenarios!: ItemChangesView;
}

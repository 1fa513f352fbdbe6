import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorView } from '../../errors/api-error.view';

export class SettingsVersionSummaryView {
  @ApiProperty() journeyType!: string;
  @ApiProperty({ description: '0 is the built-in defaults, in force until a version is published.' })
  version!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'The role that published it.' }) publishedBy!: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
}

export class SettingsVersionView extends SettingsVersionSummaryView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Fully resolved settings.' })
  settings!: Record<string, unknown>;
}

export class SettingsCheckView {
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The draft with defaults filled in.',
  })
  settings?: Record<string, unknown>;
  @ApiProperty({ type: [FieldErrorView], description: 'Why the draft is invalid; empty when it is valid.' })
  errors!: FieldErrorView[];
}

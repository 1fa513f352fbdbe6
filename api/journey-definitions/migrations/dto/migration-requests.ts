import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { INT32_MAX } from '../../../requests/int32';
import { IsPlainText } from '../../../requests/plain-text';
import { JOURNEY_ID } from '../../../journeys/journey-id.pipe';

/** More journeys than this in one request are asked for in several. */
export const MAX_JOURNEYS_PER_REQUEST = 1000;

export class MigrationDryRunDto {
  @ApiProperty({ description: 'The published version the journeys run now.', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  fromVersion!: number;

  @ApiProperty({ description: 'The newer published version to move them to.', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  toVersion!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'Old node id -> node id in toVersion, for nodes toVersion removed or renamed; a node not named keeps its id.',
    example: { 'legacy-hold': 'hold' },
  })
  @IsOptional()
  @IsObject()
  mapping?: Record<string, string>;

  @ApiPropertyOptional({
    type: [String],
    description: 'Only these journeys (workflow ids); every running journey on fromVersion when absent.',
    maxItems: MAX_JOURNEYS_PER_REQUEST,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JOURNEYS_PER_REQUEST)
  @Matches(JOURNEY_ID, { each: true, message: 'each journey id must be a journey id' })
  journeyIds?: string[];
}

export class MigrationDryRunQuery {
  @ApiPropertyOptional({
    enum: ['migrate', 'refused', 'sends-messages'],
    description:
      'Only the journeys that would move, that are refused, or to whom the move would send a message.',
  })
  @IsOptional()
  @IsIn(['migrate', 'refused', 'sends-messages'])
  only?: 'migrate' | 'refused' | 'sends-messages';

  @ApiPropertyOptional({ description: 'Only the journeys that would land at this node.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'landsAt must be a node id' })
  landsAt?: string;
}

export class ApplyMigrationDto extends MigrationDryRunDto {
  @ApiPropertyOptional({
    description: 'Every running journey on fromVersion (instead of journeyIds).',
    enum: [true],
  })
  @IsOptional()
  @Equals(true, { message: 'all must be true' })
  all?: true;

  @ApiPropertyOptional({
    description: 'Journeys moved at once; the next batch starts when one ends. Default 10.',
    minimum: 1,
    maximum: 50,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  batchSize?: number;

  @ApiProperty({
    description: 'Why: each journey\'s timeline says "Moved to version N by <who>: <note>".',
    maxLength: 500,
  })
  @IsString()
  @Matches(/\S/, { message: 'note must say why' })
  @MaxLength(500)
  @IsPlainText()
  note!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DEFINITION_ID } from '../../../contracts/journey-definitions/definition-schema';
import { INT32_MAX } from '../../requests/int32';
import { IsPlainText } from '../../requests/plain-text';

const ID_MESSAGE = 'must be lower-case letters, digits and dashes, starting with a letter';

export class DefinitionVersionRefDto {
  @ApiProperty({ description: 'The definition to copy.', example: 'screening-booking' })
  @Matches(DEFINITION_ID, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ description: 'Its published version to copy.', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  version!: number;
}

export class CreateJourneyDefinitionDto {
  @ApiPropertyOptional({
    description:
      'The new definition\'s id; derived from the title (or "<copied id>-copy") when absent, with -2, -3... if taken.',
    example: 'screening-booking',
    maxLength: 63,
  })
  @IsOptional()
  @Matches(DEFINITION_ID, { message: `id ${ID_MESSAGE}` })
  id?: string;

  @ApiPropertyOptional({
    description: 'Required from scratch; a copy is titled "<copied title> (copy)" unless given one.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsPlainText()
  title?: string;

  @ApiPropertyOptional({
    type: DefinitionVersionRefDto,
    description: 'Start the draft as a copy of this published version; from scratch when absent.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DefinitionVersionRefDto)
  copyOf?: DefinitionVersionRefDto;
}

export class DraftDefinitionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The definition (GET /api/journey-definitions/schema). It must be well-formed; it may be unfinished. Its version is set by the server.',
  })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class SaveDraftDto extends DraftDefinitionDto {
  @ApiProperty({
    description:
      "The definition's revision the draft was edited from; 409 if it was saved or published since.",
    minimum: 1,
  })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  basedOnRevision!: number;
}

export class PublishDefinitionDto {
  @ApiProperty({ description: 'What changed and why (shown in the version history).', maxLength: 500 })
  @IsString()
  @Matches(/\S/, { message: 'note must say what changed' })
  @MaxLength(500)
  @IsPlainText({ multiline: true })
  note!: string;

  @ApiProperty({
    description: "The definition's revision the designer reviewed; 409 if the draft changed since.",
  })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  basedOnRevision!: number;
}

export class DefinitionDiffQuery {
  @ApiProperty({ description: 'A published version number, or `draft`.', example: '1' })
  @Matches(/^(draft|[1-9][0-9]{0,8})$/, { message: 'from must be a version number or draft' })
  from!: string;

  @ApiProperty({ description: 'A published version number, or `draft`.', example: '2' })
  @Matches(/^(draft|[1-9][0-9]{0,8})$/, { message: 'to must be a version number or draft' })
  to!: string;
}

export class DraftRevisionQuery {
  @ApiProperty({
    description: "The definition's revision the designer saw; 409 if the draft was saved or published since.",
    minimum: 1,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  basedOnRevision!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INT32_MAX } from '../../requests/int32';
import { IsPlainText } from '../../requests/plain-text';

export class SettingsDraftDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The settings, per the journey type's settingsSchema; omitted fields take their defaults.",
  })
  @IsObject()
  settings!: Record<string, unknown>;
}

export class PublishSettingsDto extends SettingsDraftDto {
  @ApiProperty({ description: 'The version this draft was edited from; 409 if another was published since.' })
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  basedOnVersion!: number;

  @ApiPropertyOptional({
    description: 'What changed and why (shown in the version history).',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsPlainText({ multiline: true })
  note?: string;
}

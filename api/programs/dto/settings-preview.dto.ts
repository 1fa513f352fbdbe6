import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { deliveryChannels } from '../../../contracts/delivery-channels';
import { SettingsDraftDto } from './publish-settings.dto';

export class SettingsPreviewDto extends SettingsDraftDto {
  @ApiProperty({
    description: "The wording key to render, one the journey's settings may name.",
    example: 'preventive-outreach.flu-shot.call-to-action',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z0-9][a-z0-9.-]*$/)
  wording!: string;

  @ApiProperty({ description: "The patient's language, a language tag.", example: 'es' })
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/)
  language!: string;

  @ApiProperty({ enum: deliveryChannels, description: 'The channel whose wording file is used.' })
  @IsIn(deliveryChannels)
  channel!: string;

  @ApiPropertyOptional({
    description:
      'For a wording shared by several items (preventive outreach): the item whose settings fill it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  item?: string;
}

export class PreviewNoteView {
  @ApiPropertyOptional({ description: 'The message value concerned, when a value fell back.' })
  value?: string;
  @ApiProperty() message!: string;
}

export class SettingsPreviewView {
  @ApiProperty({ description: 'The message as the patient would read it (plain text).' }) text!: string;
  @ApiPropertyOptional({ description: 'Email subject or portal title.' }) subject?: string;
  @ApiProperty({ description: 'The language of the wording file used.' }) language!: string;
  @ApiProperty({ description: 'The wording file used.' }) file!: string;
  @ApiPropertyOptional({ description: 'SMS only: segments the text takes.' }) segments?: number;
  @ApiProperty({
    type: [PreviewNoteView],
    description: "Where the patient would read the program's default language instead of theirs.",
  })
  fallbacks!: PreviewNoteView[];
}

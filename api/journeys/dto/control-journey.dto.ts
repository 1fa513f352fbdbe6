import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainText } from '../../requests/plain-text';

/** Body of pause, resume and cancel: the reason is shown in the journey's timeline. */
export class ControlJourneyDto {
  @ApiProperty({
    example: 'Patient in hospital for two weeks',
    description: 'Why (shown in the timeline; audited).',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  @IsPlainText()
  reason!: string;
}

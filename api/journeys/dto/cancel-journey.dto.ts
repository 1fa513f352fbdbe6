import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CancelJourneyDto {
  @ApiProperty({ example: 'Patient moved to another provider', description: 'Why the journey is cancelled (audited).' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason!: string;
}

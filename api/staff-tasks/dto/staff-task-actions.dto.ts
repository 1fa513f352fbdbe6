import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainText } from '../../requests/plain-text';

export class ClaimStaffTaskDto {
  @ApiProperty({ example: 'nurse.kowalska', description: 'Who takes the task (a staff id or name).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsPlainText()
  assignee!: string;
}

export class CompleteStaffTaskDto {
  @ApiProperty({
    example: 'reached',
    description:
      'How it went: for calls `reached`, `no-answer`, `left-voicemail`, `wrong-number`, `declined`; otherwise `done`.',
  })
  @Matches(/^[a-z][a-z-]{1,39}$/, { message: 'outcome must be a lowercase word such as reached or done' })
  outcome!: string;

  @ApiPropertyOptional({ example: 'Booked for Tuesday', description: 'Shown in the journey timeline.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsPlainText({ multiline: true })
  note?: string;
}

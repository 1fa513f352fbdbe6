import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Min } from 'class-validator';

export class StartJourneyDto {
  @ApiProperty({
    example: 'appointment-reminder',
    description: 'A journey type id from GET /api/journey-types.',
  })
  @IsString()
  @IsNotEmpty()
  journey!: string;

  @ApiProperty({ example: 'pat-1001', description: "The patient's id in the EHR (FHIR Patient.id)." })
  @IsString()
  @Matches(/^[A-Za-z0-9\-.]{1,64}$/, {
    message: 'patientId must be a FHIR id: 1-64 letters, digits, "-" or "."',
  })
  patientId!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { appointmentAt: '2026-12-01T09:30:00+01:00', reminderLeadHours: 24, timeZone: 'Europe/Warsaw' },
    description: 'Journey-specific parameters; their schema is in GET /api/journey-types.',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @ApiPropertyOptional({
    minimum: 1,
    example: 2,
    description:
      'For a journey definition only: the published version to pin the journey to (default: the latest). Ignored when the patient is already enrolled: the running journey keeps its version.',
  })
  @IsOptional()
  @IsInt({ message: 'definitionVersion must be a whole number' })
  @Min(1, { message: 'definitionVersion must be 1 or more' })
  definitionVersion?: number;
}

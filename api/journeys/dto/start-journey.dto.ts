import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, Matches } from 'class-validator';

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
}

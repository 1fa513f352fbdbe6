import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditActorView {
  @ApiProperty({ enum: ['designer', 'operator', 'integration', 'auditor', 'signed', 'unauthenticated'] })
  role!: string;
  @ApiProperty({ description: 'The API key holder, or what signed the request.' }) name!: string;
}

export class AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ example: 'journey.cancel' }) action!: string;
  @ApiProperty({ example: 'POST' }) method!: string;
  @ApiProperty({ example: '/api/journeys/:id/cancel' }) route!: string;
  @ApiProperty({ type: String, nullable: true }) journeyId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'EHR patient id.' }) patientId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The patient's opaque reference, where the request named no patient id (journey reads, STOP).",
  })
  patientRef!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The journey definition a designer changed (create, draft save, publish).',
  })
  definitionId!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'HTTP status answered; null while a change was under way and never finished.',
  })
  outcomeStatus!: number | null;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] }) items!: AuditEventView[];
  @ApiPropertyOptional({ description: 'Pass as pageToken to read the next page; absent on the last page.' })
  nextPageToken?: string;
}

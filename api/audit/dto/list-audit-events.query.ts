import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { JOURNEY_ID } from '../../journeys/journey-id.pipe';
import { PATIENT_ID } from '../../patients/patient-id.pipe';
import { DEFINITION_ID } from '../../../contracts/journey-definitions/definition-schema';
import { PageSize } from '../../pagination/page-size.decorator';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ description: 'Only calls about this journey (its id).' })
  @IsOptional()
  @Matches(JOURNEY_ID, { message: 'journeyId must be a journey id' })
  journeyId?: string;

  @ApiPropertyOptional({ description: 'Only calls about this patient (EHR patient id).' })
  @IsOptional()
  @Matches(PATIENT_ID, { message: 'patientId must be a FHIR id' })
  patientId?: string;

  @ApiPropertyOptional({ description: 'Only calls about this journey definition (its id).' })
  @IsOptional()
  @Matches(DEFINITION_ID, { message: 'definitionId must be a journey definition id' })
  definitionId?: string;

  @ApiPropertyOptional({
    description: 'Only calls by this key holder (`API_KEYS` name) or signer (`ehr-webhook`...).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, { message: 'actor must be a key holder name' })
  actor?: string;

  @ApiPropertyOptional({ description: 'Only this action.', example: 'journey.cancel' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,40}(\.[a-z][a-z0-9-]{0,40}){0,4}$/, {
    message: 'action must be an action name such as journey.read',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'Only calls at or after this time (ISO 8601 with a zone).' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ description: 'Only calls at or before this time (ISO 8601 with a zone).' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'until must be an ISO 8601 date-time' })
  until?: string;

  @PageSize()
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextPageToken of the previous page.' })
  @IsOptional()
  // Audit ids are PostgreSQL bigints: 18 digits always fit, where 19 can pass 2^63 - 1 (a 500).
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'pageToken is not a token this API issued' })
  pageToken?: string;
}

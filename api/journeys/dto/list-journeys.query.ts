import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageSize } from '../../pagination/page-size.decorator';

/** The overdue filter looks at this many journeys at most, the most overdue first. */
export const OVERDUE_LIMIT = 1000;

/** sort=next-deadline orders this many running journeys with an open deadline at most (the ones due first). */
export const DEADLINE_SORT_LIMIT = 10_000;

export const JOURNEY_STATUSES = ['active', 'paused', 'completed', 'cancelled'] as const;

export const JOURNEY_SORTS = ['started', 'next-deadline'] as const;

export class ListJourneysQuery {
  @ApiPropertyOptional({ description: 'Only journeys of this type.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'journey must be a journey type id' })
  journey?: string;

  @ApiPropertyOptional({ enum: JOURNEY_STATUSES })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES)
  status?: (typeof JOURNEY_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only journeys currently at this stage id.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'stage must be a stage id' })
  stage?: string;

  @ApiPropertyOptional({
    description: "Only this patient's journeys (EHR patient id; matched by its pseudonym).",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9\-.]{1,64}$/, { message: 'patientId must be a FHIR id' })
  patientId?: string;

  @ApiPropertyOptional({
    description:
      "Only the patient's journey for this card, appointment or screening item (a journey type's instance key); needs patientId.",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9\-._:]{1,128}$/, { message: 'instance must be a card, appointment or item id' })
  instance?: string;

  @ApiPropertyOptional({
    enum: JOURNEY_SORTS,
    description:
      'started: newest first (default). next-deadline: across all pages, running journeys by the open deadline they owe first (the most overdue, then the soonest due; ties newest first), then the journeys with none (ended, no open deadline, or running since before journeys recorded it) newest first. Sorts at most the ' +
      `${DEADLINE_SORT_LIMIT} due first (see truncated). A journey whose deadline changes between two pages may show on both or neither.`,
  })
  @IsOptional()
  @IsIn(JOURNEY_SORTS)
  sort?: (typeof JOURNEY_SORTS)[number];

  @ApiPropertyOptional({
    type: Boolean,
    description: `Only journeys with staff work past its due time (a missed deadline, an unanswered escalation); at most the ${OVERDUE_LIMIT} most overdue.`,
  })
  @IsOptional()
  // Query strings are text: 'false' must stay false, not become a truthy string.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @PageSize()
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The nextPageToken of the previous page.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,4096}$/, { message: 'pageToken is not a token this API issued' })
  pageToken?: string;
}

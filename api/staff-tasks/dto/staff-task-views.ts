import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { JOURNEY_ID } from '../../journeys/journey-id.pipe';
import { PageSize } from '../../pagination/page-size.decorator';

export const STAFF_TASK_STATUSES = ['open', 'claimed', 'done', 'cancelled'] as const;

export class ListStaffTasksQuery {
  @ApiPropertyOptional({
    description: `One status or several, comma-separated (${STAFF_TASK_STATUSES.join(', ')}); the work queue asks for open,claimed.`,
    enum: STAFF_TASK_STATUSES,
    isArray: true,
    default: ['open'],
    example: ['open', 'claimed'],
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(STAFF_TASK_STATUSES, {
    each: true,
    message: `status must be among ${STAFF_TASK_STATUSES.join(', ')}`,
  })
  status?: Array<(typeof STAFF_TASK_STATUSES)[number]>;

  @ApiPropertyOptional({ description: 'Only tasks of this journey (its id).' })
  @IsOptional()
  @Matches(JOURNEY_ID, { message: 'journeyId must be a journey id' })
  journeyId?: string;

  @PageSize()
  limit?: number;
}

export class StaffTaskView {
  @ApiProperty() id!: string;
  @ApiProperty() journeyId!: string;
  @ApiProperty({ example: 'deadline-breach' }) kind!: string;
  @ApiProperty({ enum: ['routine', 'urgent'] }) priority!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: STAFF_TASK_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdAt!: string;
}

export class CompletedStaffTaskView extends StaffTaskView {
  @ApiProperty({ description: 'False when the journey had already ended and could not be told.' })
  journeyTold!: boolean;
}

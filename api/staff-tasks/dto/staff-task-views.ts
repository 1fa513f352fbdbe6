import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { JOURNEY_ID } from '../../journeys/journey-id.pipe';
import { PageSize } from '../../pagination/page-size.decorator';

export const STAFF_TASK_STATUSES = ['open', 'claimed', 'done', 'cancelled'] as const;
export const STAFF_TASK_PRIORITIES = ['routine', 'urgent'] as const;
/** `priority`: urgent first, then by due time (the default); `due`: soonest (most overdue) first; `created`: oldest first. */
export const STAFF_TASK_SORTS = ['priority', 'due', 'created'] as const;
export type StaffTaskSort = (typeof STAFF_TASK_SORTS)[number];

// Query strings are text: 'false' must stay false, not become a truthy string.
const booleanFromQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

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

  @ApiPropertyOptional({ description: 'Only tasks of journeys of this type (a journey type id).' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'journeyType must be a journey type id' })
  journeyType?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only tasks the caller has claimed.' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only tasks nobody has claimed.' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'unclaimed must be true or false' })
  unclaimed?: boolean;

  @ApiPropertyOptional({ enum: STAFF_TASK_PRIORITIES, description: 'Only tasks of this priority.' })
  @IsOptional()
  @IsIn(STAFF_TASK_PRIORITIES, { message: `priority must be among ${STAFF_TASK_PRIORITIES.join(', ')}` })
  priority?: (typeof STAFF_TASK_PRIORITIES)[number];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only tasks past their due time (true) or not (false).',
  })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: STAFF_TASK_SORTS,
    default: 'priority',
    description:
      '`priority`: urgent first, then by due time; `due`: the most overdue first; `created`: the oldest first.',
  })
  @IsOptional()
  @IsIn(STAFF_TASK_SORTS, { message: `sort must be among ${STAFF_TASK_SORTS.join(', ')}` })
  sort?: StaffTaskSort;

  @PageSize()
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextPageToken of the previous page (same filters and sort).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,4096}$/, { message: 'pageToken is not a token this API issued' })
  pageToken?: string;
}

export class StaffTaskPatientView {
  @ApiProperty({ example: 'Maria Nowak', description: "The patient's name as the EHR records it." })
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: '1961-04-02' })
  birthDate!: string | null;
}

export class StaffTaskView {
  @ApiProperty() id!: string;
  @ApiProperty() journeyId!: string;
  @ApiProperty({ example: 'preventive-outreach', description: "The journey's type id." })
  journeyType!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'outreach',
    description: "The journey's current stage; null when the engine could not be asked.",
  })
  stage!: string | null;
  @ApiProperty({ example: 'outreach-1:step-3', description: 'The journey step that raised the task.' })
  step!: string;
  @ApiProperty({ example: 'deadline-breach' }) kind!: string;
  @ApiProperty({ enum: STAFF_TASK_PRIORITIES }) priority!: string;
  @ApiProperty() title!: string;
  @ApiProperty({
    example: 'sms: no consent; email: no address',
    description: 'Why the journey raised it, from its details; the title when they say no more.',
  })
  reason!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Every urgent task has one.' })
  dueAt!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Minutes past the due time, for open and claimed tasks that are overdue; else null.',
  })
  overdueByMinutes!: number | null;
  @ApiProperty({ enum: STAFF_TASK_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) claimedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) claimedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The note on completion, or why the journey closed it.',
  })
  note!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({
    type: StaffTaskPatientView,
    nullable: true,
    description:
      'Operators only: the patient from the EHR (null when the EHR has no record or could not be read). Absent for other roles.',
  })
  patient?: StaffTaskPatientView | null;
}

export class StaffTaskPage {
  @ApiProperty({ type: [StaffTaskView] }) items!: StaffTaskView[];
  @ApiProperty({ description: 'How many tasks match the filters, across all pages.' }) total!: number;
  @ApiProperty({ description: 'The position of the first item among them (0-based).' }) offset!: number;
  @ApiPropertyOptional({ description: 'Pass as pageToken to read the next page; absent on the last page.' })
  nextPageToken?: string;
}

export class CompletedStaffTaskView extends StaffTaskView {
  @ApiProperty({ description: 'False when the journey had already ended and could not be told.' })
  journeyTold!: boolean;
}

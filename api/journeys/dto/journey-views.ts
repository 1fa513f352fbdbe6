import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_SORT_LIMIT } from './list-journeys.query';
import type {
  Blueprint,
  BlueprintEdge,
  BlueprintNode,
  BlueprintNodeKind,
} from '../../../contracts/blueprint';
import {
  deadlineStatuses,
  timelineKinds,
  type DeadlineStatus,
  type DeadlineView,
  type TimelineEntry,
  type TimelineKind,
  type UpcomingTimer,
} from '../../../contracts/journey-contract';
import { StaffTaskPatientView } from '../../staff-tasks/dto/staff-task-views';

// The views restate the contract's shapes for the OpenAPI document; `implements` keeps them equal.

export class TimelineEntryView implements TimelineEntry {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: timelineKinds })
  kind!: TimelineKind;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional() ref?: string;
  @ApiProperty({
    description:
      'Who or what caused it: an operator (by key name), "EHR event (<resource type>)", "timer", "patient", "staff", "journey".',
  })
  by!: string;
}

export class UpcomingTimerView implements UpcomingTimer {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
}

export class DeadlineViewDto implements DeadlineView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ enum: deadlineStatuses }) status!: DeadlineStatus;
  @ApiPropertyOptional() warnedAt?: string;
  @ApiPropertyOptional() breachedAt?: string;
  @ApiPropertyOptional() metAt?: string;
  @ApiPropertyOptional({ description: 'Whole days late, once a breached deadline was met.' })
  lateByDays?: number;
}

export class NextDeadlineView {
  @ApiProperty() label!: string;
  @ApiProperty() dueAt!: string;
}

export class JourneySummaryView {
  @ApiProperty({ description: 'Opaque journey id (the Temporal workflow id).' }) id!: string;
  @ApiProperty() journey!: string;
  @ApiProperty({ enum: ['active', 'paused', 'completed', 'cancelled', 'failed', 'terminated', 'timed-out'] })
  status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiPropertyOptional({
    type: NextDeadlineView,
    description:
      'In lists: the open deadline due first (a breached one still owed included); absent when none or the worker did not answer in time.',
  })
  nextDeadline?: NextDeadlineView;
  @ApiPropertyOptional({ description: 'In lists: when the oldest breached, still unmet deadline fell due.' })
  overdueSince?: string;
  @ApiPropertyOptional({
    type: StaffTaskPatientView,
    nullable: true,
    description: 'In lists, for operators only: the patient from the EHR (null when the EHR cannot say).',
  })
  patient?: StaffTaskPatientView | null;
}

export class HeldMessageView {
  @ApiProperty({ description: 'The journey step the message belongs to.' }) step!: string;
  @ApiProperty({ description: 'What the journey calls the message.' }) label!: string;
  @ApiProperty({ description: 'When the journey tries it again (ISO 8601).' }) until!: string;
  @ApiProperty({ enum: ['quiet-hours', 'daily-cap'] }) reason!: 'quiet-hours' | 'daily-cap';
  @ApiProperty({ description: 'When the journey held it back.' }) heldAt!: string;
}

export class JourneyDetailView extends JourneySummaryView {
  @ApiProperty({
    description: 'The program settings version the journey was enrolled with (0: built-in defaults).',
  })
  settingsVersion!: number;
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ type: [UpcomingTimerView] }) upcoming!: UpcomingTimerView[];
  @ApiProperty({ type: [DeadlineViewDto] }) deadlines!: DeadlineViewDto[];
  @ApiProperty({
    type: [HeldMessageView],
    description:
      'Messages held back (quiet hours, daily cap) and when they will go; not in the outreach log until tried.',
  })
  heldMessages!: HeldMessageView[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Journey-specific figures (e.g. weight change).',
  })
  facts!: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'This journey in the Temporal Web UI.' }) temporalUiUrl!: string;
  @ApiPropertyOptional({
    description: 'For a journey run from a journey definition: the definition id (its journey type).',
  })
  definitionId?: string;
  @ApiPropertyOptional({
    description:
      'For a journey run from a journey definition: the published version it is pinned to (GET /api/journey-definitions/{id}/versions/{version} has its map).',
  })
  definitionVersion?: number;
}

export class StartJourneyResult extends JourneyDetailView {
  @ApiProperty({
    description: 'False when the patient was already enrolled and the running journey is returned.',
  })
  created!: boolean;
}

/** The answer to `Prefer: respond-async`: the start was accepted; the journey runs on from there. */
export class StartJourneyAccepted {
  @ApiProperty({ example: 'preventive-outreach-7ac8476ee4e948d44e40965d8282e658' }) id!: string;
  @ApiProperty({ example: 'preventive-outreach' }) journey!: string;
  @ApiProperty({
    description: 'False when the patient was already enrolled and the running journey is returned.',
  })
  created!: boolean;
}

export class JourneyPage {
  @ApiProperty({ type: [JourneySummaryView] }) items!: JourneySummaryView[];
  @ApiPropertyOptional({ description: 'Pass as pageToken to read the next page; absent on the last page.' })
  nextPageToken?: string;
  @ApiPropertyOptional({
    description: `sort=next-deadline only, present (true) when more than ${DEADLINE_SORT_LIMIT} running journeys with an open deadline matched: the ${DEADLINE_SORT_LIMIT} due first come in order, the others follow among the journeys without a deadline.`,
  })
  truncated?: boolean;
}

/** Every node kind, so the document's enum is checked against the workflows' union. */
const NODE_KINDS: Record<BlueprintNodeKind, true> = {
  stage: true,
  end: true,
  timer: true,
  wait: true,
  branch: true,
  message: true,
  task: true,
};

export class BlueprintNodeView implements BlueprintNode {
  @ApiProperty({ description: 'Stable id; journeys report stage and end ids as their stage.' }) id!: string;
  @ApiProperty({ enum: Object.keys(NODE_KINDS) }) kind!: BlueprintNodeKind;
  @ApiProperty() label!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({
    description: 'The program setting that tunes this node (a dotted path into the settings), if any.',
  })
  setting?: string;
  @ApiPropertyOptional({
    description: 'On an end: the patient left before the program reached its goal (counted as dropped off).',
  })
  dropOff?: boolean;
}

export class BlueprintEdgeView implements BlueprintEdge {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiPropertyOptional({ description: 'What takes this path: an event type, a condition, a timeout.' })
  label?: string;
  @ApiPropertyOptional({ description: 'The journey event that takes this path, when one does.' })
  event?: string;
}

export class BlueprintView implements Blueprint {
  @ApiProperty({ description: 'The node a journey starts at.' }) start!: string;
  @ApiProperty({ type: [BlueprintNodeView] }) nodes!: BlueprintNodeView[];
  @ApiProperty({ type: [BlueprintEdgeView] }) edges!: BlueprintEdgeView[];
}

export class TemporalUiViewDto {
  @ApiProperty({
    description: 'The saved view\'s name in the Temporal Web UI, e.g. "Carepath: preventive-outreach".',
  })
  name!: string;
  @ApiProperty({ description: 'The visibility query it shows.' }) query!: string;
  @ApiProperty({
    description:
      'Opening this address in the Temporal Web UI lists the journeys and saves the view in that browser.',
  })
  url!: string;
}

export class JourneyTypeView {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ['coded', 'definition'],
    description:
      'coded: written in TypeScript; definition: a published journey definition, run by the interpreter.',
  })
  kind!: 'coded' | 'definition';
  @ApiPropertyOptional({ description: 'For a definition: its id (the same as the journey type id).' })
  definitionId?: string;
  @ApiPropertyOptional({
    description: 'For a definition: its latest published version, which new enrolments get.',
  })
  definitionVersion?: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the start parameters.',
  })
  paramsSchema!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the events it accepts.',
  })
  eventSchema!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of its program settings.',
  })
  settingsSchema!: Record<string, unknown>;
  @ApiProperty({ description: 'The settings version new enrolments get (0: built-in defaults).' })
  settingsVersion!: number;
  @ApiProperty({ type: BlueprintView, description: 'The static map: nodes and edges, with stable ids.' })
  blueprint!: BlueprintView;
  @ApiProperty({ type: [String], description: 'Where the clinical numbers come from.' }) sources!: string[];
  @ApiProperty({
    type: TemporalUiViewDto,
    description: 'Journeys of this type in the Temporal Web UI, as a saved view.',
  })
  temporalUiView!: TemporalUiViewDto;
}

/** What a running journey would do with an event now; nothing was sent (POST .../events/preview). */
export class EventPreviewView {
  @ApiProperty({
    enum: ['applied', 'held', 'refused'],
    description:
      'applied: it takes effect when sent; held: the journey keeps it until an earlier step is recorded; refused: sending it would be rejected.',
  })
  outcome!: 'applied' | 'held' | 'refused';
  @ApiPropertyOptional({
    description: 'For a held event: the step the journey waits for before applying it.',
  })
  until?: string;
  @ApiPropertyOptional({ description: 'For a refused event: why the journey would refuse it.' })
  reason?: string;
}

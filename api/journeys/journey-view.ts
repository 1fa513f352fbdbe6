import { withAuditedPatient } from '../audit/audited-patients';
import { TypedSearchAttributes, type SearchAttributePair } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { heldMessages } from '../../contracts/held-messages';
import type { JourneyProgress, RunningExecution } from '../../contracts/journey-contract';
import { timelineCause } from '../../contracts/timeline-cause';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import type { JourneyDetailView, JourneySummaryView } from './dto/journey-views';
import { DEFINITION_MEMO, pinnedDefinitionIn } from '../../contracts/journey-definitions/pinned-definition';

export type ExecutionFacts = Pick<
  WorkflowExecutionInfo,
  'workflowId' | 'type' | 'status' | 'startTime' | 'closeTime' | 'typedSearchAttributes'
> &
  Partial<Pick<WorkflowExecutionInfo, 'memo'>>;

/**
 * A running journey's facts as its own progress answer gave them, in the shape describe gives:
 * the views below read both alike.
 */
export function runningExecutionFacts(workflowId: string, execution: RunningExecution): ExecutionFacts {
  const { journey, stage, status, patientRef } = execution.searchAttributes;
  const pairs: SearchAttributePair[] = [];
  if (journey !== undefined) pairs.push({ key: journeyTypeKey, value: journey });
  if (stage !== undefined) pairs.push({ key: journeyStageKey, value: stage });
  if (status !== undefined) pairs.push({ key: journeyStatusKey, value: status });
  if (patientRef !== undefined) pairs.push({ key: patientRefKey, value: patientRef });
  return {
    workflowId,
    type: execution.workflowType,
    status: {
      code: temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
      name: 'RUNNING',
    },
    startTime: new Date(execution.runStartedAt),
    closeTime: undefined,
    typedSearchAttributes: new TypedSearchAttributes(pairs),
    ...(execution.definition ? { memo: { [DEFINITION_MEMO]: execution.definition } } : {}),
  };
}

/** Temporal's view of an execution, narrowed to what the product shows; stage and status come from search attributes. */
export function toSummaryView(info: ExecutionFacts): JourneySummaryView {
  return {
    id: info.workflowId,
    journey: info.typedSearchAttributes.get(journeyTypeKey) ?? info.type,
    status: statusOf(info),
    stage: info.typedSearchAttributes.get(journeyStageKey) ?? 'unknown',
    startedAt: info.startTime.toISOString(),
    ...(info.closeTime ? { closedAt: info.closeTime.toISOString() } : {}),
  };
}

export function toDetailView(
  info: ExecutionFacts,
  progress: JourneyProgress,
  temporalUiUrl: string,
): JourneyDetailView {
  const summary = toSummaryView(info);
  // A definition's journey names the version it is pinned to: the designer draws that version's map.
  const pinned = pinnedDefinitionIn(info.memo);
  return withAuditedPatient(
    {
      ...summary,
      // A journey that ended abnormally (terminated, failed) keeps Temporal's word for it.
      status:
        info.status.name === 'RUNNING' || info.status.name === 'COMPLETED' ? progress.status : summary.status,
      stage: progress.stage,
      settingsVersion: progress.settingsVersion ?? 0,
      timeline: progress.timeline.map((entry) => ({ ...entry, by: timelineCause(entry) })),
      upcoming: progress.upcoming,
      deadlines: progress.deadlines ?? [],
      // A closed journey sends nothing more: what it held will never go.
      heldMessages:
        progress.status === 'active' || progress.status === 'paused' ? heldMessages(progress.timeline) : [],
      facts: progress.facts ?? {},
      temporalUiUrl,
      ...(pinned ? { definitionId: pinned.id, definitionVersion: pinned.version } : {}),
    },
    info.typedSearchAttributes.get(patientRefKey),
  );
}

function statusOf(info: ExecutionFacts): string {
  switch (info.status.name) {
    case 'RUNNING':
      return info.typedSearchAttributes.get(journeyStatusKey) === 'paused' ? 'paused' : 'active';
    case 'COMPLETED':
      return info.typedSearchAttributes.get(journeyStatusKey) ?? 'completed';
    case 'TIMED_OUT':
      return 'timed-out';
    default:
      return info.status.name.toLowerCase().replace(/_/g, '-');
  }
}

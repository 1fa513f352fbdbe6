import { withAuditedPatient } from '../audit/audited-patients';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { heldMessages } from '../../contracts/held-messages';
import type { JourneyProgress } from '../../contracts/journey-contract';
import { timelineCause } from '../../contracts/timeline-cause';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import type { JourneyDetailView, JourneySummaryView } from './dto/journey-views';
import { pinnedDefinitionIn } from '../../contracts/journey-definitions/definition-contract';

type ExecutionFacts = Pick<
  WorkflowExecutionInfo,
  'workflowId' | 'type' | 'status' | 'startTime' | 'closeTime' | 'typedSearchAttributes'
> &
  Partial<Pick<WorkflowExecutionInfo, 'memo'>>;

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

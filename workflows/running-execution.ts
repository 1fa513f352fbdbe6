import { workflowInfo } from '@temporalio/workflow';
import type { RunningExecution } from '../contracts/journey-contract';
import { pinnedDefinitionIn } from '../contracts/journey-definitions/pinned-definition';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../contracts/search-attributes';

/**
 * The execution's facts as the workflow itself knows them, for the progress query's answer: a
 * reader of a running journey then needs no describe beside the query. Read at query time, so
 * search attributes upserted since the start are as they stand. Queries write nothing to the
 * history: answering with more changes no command, and histories replay as they ran.
 */
export function runningExecution(): RunningExecution {
  const info = workflowInfo();
  const attributes = info.typedSearchAttributes;
  const definition = pinnedDefinitionIn(info.memo);
  return {
    workflowType: info.workflowType,
    // The run's started event time: describe's `startTime` for this run.
    runStartedAt: info.startTime.toISOString(),
    searchAttributes: {
      journey: attributes.get(journeyTypeKey),
      stage: attributes.get(journeyStageKey),
      status: attributes.get(journeyStatusKey),
      patientRef: attributes.get(patientRefKey),
    },
    ...(definition ? { definition } : {}),
  };
}

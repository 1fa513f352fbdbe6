import { Context } from '@temporalio/activity';
import type { CarepathMetrics } from '../shared/telemetry/carepath-metrics';
import { findJourneyTypeByWorkflow } from '../workflows/journey-types';
import type { DeliveryRequest, DeliveryResult } from './engagement/deliver-message';
import type { StaffTaskRequest, StaffTaskResult } from './staff-tasks/create-staff-task';

/**
 * Counts what the delivery and staff task activities did, from their results: the activities
 * themselves stay free of metrics, and a retried attempt that only finds its earlier work is
 * counted as such (`already-sent`) or not at all (a staff task already created).
 */
export function countDeliveries(
  deliverMessage: (request: DeliveryRequest) => Promise<DeliveryResult>,
  metrics: CarepathMetrics,
): (request: DeliveryRequest) => Promise<DeliveryResult> {
  return async function deliverMessageCounted(request) {
    const result = await deliverMessage(request);
    const outcome = result.outcome === 'sent' && result.alreadySent ? 'already-sent' : result.outcome;
    metrics.messageAttempted('channel' in result ? result.channel : undefined, outcome);
    return result;
  };
}

export function countStaffTasks(
  createStaffTask: (request: StaffTaskRequest) => Promise<StaffTaskResult>,
  metrics: CarepathMetrics,
): (request: StaffTaskRequest) => Promise<StaffTaskResult> {
  return async function createStaffTaskCounted(request) {
    const result = await createStaffTask(request);
    if (!result.alreadyCreated) {
      metrics.staffTaskOpened(request.kind, request.priority, journeyTypeOfCaller());
    }
    return result;
  };
}

/** The journey type of the workflow that scheduled the running activity (none outside one). */
function journeyTypeOfCaller(): string | undefined {
  try {
    const { workflowType } = Context.current().info;
    return workflowType ? findJourneyTypeByWorkflow(workflowType)?.id : undefined;
  } catch {
    return undefined;
  }
}

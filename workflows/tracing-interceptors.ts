/*
 * The workflow side of traces (OTEL_TRACES_EXPORTER), bundled into the workflow code only when
 * they are on (worker/create-worker.ts). Not a workflow: the interceptors of
 * @temporalio/interceptors-opentelemetry, minus its update and signal spans.
 *
 * Why not its own `interceptors` module: wrapping an update handler in a span settles the handler
 * a few microtasks later, so the update's completion is recorded after commands the main loop
 * issued meanwhile instead of before them. Two recorded prediabetes histories (an update that
 * wakes the loop to schedule an activity) then fail to replay (test/replay): a worker turning
 * traces on would break running journeys. Updates and signals keep their client-side spans
 * (StartWorkflowUpdate, SignalWorkflow); the workflow run and every activity it schedules are
 * traced, in the trace of the journey's start.
 */
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type {
  Next,
  SignalInput,
  UpdateInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
} from '@temporalio/workflow';

class RunSpanOnlyInboundInterceptor extends OpenTelemetryInboundInterceptor {
  override handleUpdate(
    input: UpdateInput,
    next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>,
  ): Promise<unknown> {
    return next(input);
  }

  override validateUpdate(
    input: UpdateInput,
    next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>,
  ): void {
    next(input);
  }

  override handleSignal(
    input: SignalInput,
    next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>,
  ): Promise<void> {
    return next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new RunSpanOnlyInboundInterceptor()],
  outbound: [new OpenTelemetryOutboundInterceptor()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});

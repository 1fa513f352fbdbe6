import type { WorkflowHandle } from '@temporalio/client';
import { expectStagesInBlueprint, type JourneyHarness } from '../../test/helpers/journey-harness';
import { journeyEventUpdate, progressQuery, type JourneyProgress } from '../../contracts/journey-contract';
import type { PrediabetesCareEvent, ReadingMetric } from './prediabetes-care.contract';

/* Helpers shared by the prediabetes-care scenario tests (test-only code). */

export const JOURNEY = 'prediabetes-care';

/** The seed's patient: a fasting glucose in the prediabetes range, weight known at enrolment. */
export const seedParams = {
  entry: { kind: 'fasting-glucose', value: 112 },
  baselineWeightKg: 95,
  timeZone: 'Europe/Warsaw',
};

/** The journey's progress, checked to report only stages its blueprint has. */
export async function progressOf(handle: WorkflowHandle): Promise<JourneyProgress> {
  const progress = await handle.query(progressQuery);
  expectStagesInBlueprint(progress);
  return progress;
}

export function sendEvent(handle: WorkflowHandle, event: PrediabetesCareEvent): Promise<JourneyProgress> {
  return handle.executeUpdate(journeyEventUpdate, { args: [event] });
}

export function logReading(
  handle: WorkflowHandle,
  metric: ReadingMetric,
  value: number,
): Promise<JourneyProgress> {
  return sendEvent(handle, { type: 'reading', metric, value });
}

/** A laboratory result whose sample was taken `hoursAgo` hours before now on the test server. */
export async function logLabResult(
  harness: JourneyHarness,
  handle: WorkflowHandle,
  metric: ReadingMetric,
  value: number,
  options: { unit?: string; hoursAgo?: number } = {},
): Promise<JourneyProgress> {
  const at = new Date((await harness.now()) - (options.hoursAgo ?? 1) * 60 * 60 * 1000).toISOString();
  return sendEvent(handle, {
    type: 'reading',
    metric,
    value,
    source: 'laboratory',
    at,
    ...(options.unit ? { unit: options.unit } : {}),
  });
}

/** Templates of the messages the patient actually received, in order. */
export async function templatesReceived(harness: JourneyHarness, handle: WorkflowHandle): Promise<string[]> {
  return (await harness.messagesOf(handle.workflowId)).map((message) => message.template);
}

/** The timeline's message entries: step key and workflow time of each send. */
export function messagesInTimeline(progress: JourneyProgress): Array<{ step: string; atMs: number }> {
  return progress.timeline
    .filter((entry) => entry.kind === 'message')
    .map((entry) => ({ step: entry.ref!, atMs: Date.parse(entry.at) }));
}

export const countOf = (items: string[], wanted: string) => items.filter((item) => item === wanted).length;

import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { installTracing, type Tracing } from '../../shared/telemetry/tracing';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

/*
 * One trace from the API request that enrols a patient, through Temporal's start, the journey's
 * workflow, to the activity that sends its first message: @temporalio/interceptors-opentelemetry
 * carries the span context in Temporal headers; the workflow's spans come out through the
 * worker's exporter sink. (This jest process is the API and the worker at once: one provider.)
 */
describe('traces', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let stack: ApiStack;

  beforeAll(async () => {
    tracing = installTracing('carepath-test', new SimpleSpanProcessor(exporter));
    stack = await startApiStack({}, undefined, { tracing });
  });
  afterAll(async () => {
    await stack?.close();
    await tracing?.shutdown();
  });

  test('an enrolment is one trace from the API request through the workflow to its activities', async () => {
    const patientId = uniqueName('pat-trace');
    const as = { Authorization: DEMO_KEYS.integration };
    await request(stack.http)
      .put(`/api/patients/${patientId}/contact`)
      .set(as)
      .send({ phone: '+48601000555', timeZone: 'Europe/Warsaw', channelOrder: ['sms'] })
      .expect(200);
    await request(stack.http)
      .put(`/api/patients/${patientId}/consents/sms`)
      .set(as)
      .send({ status: 'granted' })
      .expect(200);
    const started = await request(stack.http)
      .post('/api/journeys')
      .set(as)
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
      .expect(201);
    const journeyId = started.body.id as string;

    const spans = await eventually(
      async () => exporter.getFinishedSpans(),
      (finished) =>
        ['StartActivity:deliverMessage', 'RunActivity:deliverMessage'].every((name) =>
          finished.some((span) => span.name === name),
        ),
      20_000,
    );
    const named = (name: string): ReadableSpan => {
      const found = spans.find((span) => span.name === name);
      if (!found)
        throw new Error(`no span ${name} among ${[...new Set(spans.map((span) => span.name))].join(', ')}`);
      return found;
    };
    const request_ = named('POST /api/journeys');
    const start = named('StartWorkflow:preventiveOutreachWorkflow');
    // The workflow's own span (RunWorkflow) ends with the journey, weeks later; the activity it
    // schedules is exported at once, and the activity's run is its child.
    const scheduled = named('StartActivity:deliverMessage');
    const activity = named('RunActivity:deliverMessage');
    const traceId = request_.spanContext().traceId;
    expect([start, scheduled, activity].map((span) => span.spanContext().traceId)).toEqual([
      traceId,
      traceId,
      traceId,
    ]);
    expect(start.parentSpanId).toBe(request_.spanContext().spanId);
    expect(activity.parentSpanId).toBe(scheduled.spanContext().spanId);
    expect(start.attributes.temporalWorkflowId).toBe(journeyId);

    // Spans name opaque ids and types, never the patient (nor their pseudonym, which the
    // workflow info the exporter sink copies onto workflow spans holds in its search attributes).
    const patientRef = patientRefFor(patientId, stack.config.pseudonymKey);
    const exported = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })),
    );
    expect(exported).not.toContain(patientId);
    expect(exported).not.toContain(patientRef);
    expect(exported).not.toContain('+48601000555');
  });
});

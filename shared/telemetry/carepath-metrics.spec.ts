import { boundedLabel, CarepathMetrics, journeyTypeLabel } from './carepath-metrics';

describe(CarepathMetrics.name, () => {
  test('labels are words the code declares; ids, refs, numbers and names become "other"', () => {
    expect(['deadline-breach', 'sent', 'already-running', 'urgent'].map(boundedLabel)).toEqual([
      'deadline-breach',
      'sent',
      'already-running',
      'urgent',
    ]);
    expect(
      ['pat-1001', 'ref-9f2c1a', 'Jan Kowalski', '+48601000101', 'a'.repeat(41), '', undefined].map(
        boundedLabel,
      ),
    ).toEqual(Array(7).fill('other'));
    expect(journeyTypeLabel('appointment-reminder')).toBe('appointment-reminder');
    expect(journeyTypeLabel('pat-1001')).toBe('other');
  });

  test('a deadline-breach staff task counts as a breach of its journey type', async () => {
    const metrics = new CarepathMetrics();
    metrics.staffTaskOpened('deadline-breach', 'urgent', 'oncology-fast-track');
    metrics.staffTaskOpened('phone-call', 'routine', 'preventive-outreach');
    metrics.messageAttempted('sms', 'sent');
    metrics.messageAttempted('fax', 'sent');
    const text = await metrics.exposition();
    expect(text).toContain('carepath_deadline_breaches_total{journey_type="oncology-fast-track"} 1');
    expect(text).toContain('carepath_staff_tasks_opened_total{kind="phone-call",priority="routine"} 1');
    expect(text).toContain('carepath_messages_total{channel="sms",outcome="sent"} 1');
    expect(text).toContain('carepath_messages_total{channel="none",outcome="sent"} 1');
    expect(text).not.toContain('carepath_deadline_breaches_total{journey_type="preventive-outreach"}');
  });

  test('requests are counted by route pattern; a concrete URL or an unknown method is "other"', async () => {
    const metrics = new CarepathMetrics();
    metrics.httpRequestServed('POST', '/api/journeys/:id/events', 200, 0.01);
    metrics.httpRequestServed('GET', '/api/patients/pat-1001/contact', 200, 0.01);
    metrics.httpRequestServed('BREW', undefined, 404, 0.01);
    const text = await metrics.exposition();
    expect(text).toContain(
      'carepath_http_request_duration_seconds_count{method="POST",route="/api/journeys/:id/events",status="200"} 1',
    );
    expect(text).toContain(
      'carepath_http_request_duration_seconds_count{method="GET",route="other",status="200"} 1',
    );
    expect(text).toContain(
      'carepath_http_request_duration_seconds_count{method="other",route="other",status="404"} 1',
    );
    expect(text).not.toContain('pat-1001');
  });

  test('each instance has its own registry: several apps in one process do not collide', async () => {
    const [one, two] = [new CarepathMetrics(), new CarepathMetrics()];
    one.journeyStarted('appointment-reminder', 'created');
    expect(await two.exposition()).not.toContain('journey_type="appointment-reminder"');
  });
});

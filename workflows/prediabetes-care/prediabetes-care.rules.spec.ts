import { prediabetesCareParams } from './prediabetes-care.contract';
import { prediabetesCareSettings } from './prediabetes-care.settings';
import {
  cdcCriterion,
  initialMetrics,
  RECENT_GLUCOSE_LIMIT,
  reviewReadings,
  withReading,
  type MetricReading,
  type MetricsState,
} from './prediabetes-care.metrics';
import {
  dueTimes,
  initialProgramState,
  programEndActiveMs,
  readyToComplete,
  sessionDueActiveMs,
  totalSessions,
  type ProgramState,
} from './prediabetes-care.program';
import { DAY_MS } from '../../contracts/durations';

const settings = prediabetesCareSettings.parse({});
const enrolledAtMs = Date.parse('2026-01-05T08:00:00Z');
const baselineUntilMs = enrolledAtMs + 14 * DAY_MS;

function metricsAfter(
  readings: Array<Omit<MetricReading, 'atMs'> & { day: number }>,
  entry?: object,
): MetricsState {
  const params = prediabetesCareParams().parse({ entry: entry ?? { kind: 'condition' } });
  return readings.reduce(
    (metrics, { day, ...reading }) =>
      withReading(metrics, { ...reading, atMs: enrolledAtMs + day * DAY_MS }, baselineUntilMs),
    initialMetrics(params),
  );
}

const review = (metrics: MetricsState, day = 42) =>
  reviewReadings(metrics, {
    nowMs: enrolledAtMs + day * DAY_MS,
    windowDays: 14,
    minGlucoseDropMgDl: 5,
    minA1cDrop: 0.1,
  });

describe('the program schedule', () => {
  test('16 weekly core sessions from enrolment, then monthly sessions until month 12', () => {
    expect(sessionDueActiveMs(settings, 1)).toBe(0);
    expect(sessionDueActiveMs(settings, 16)).toBe(105 * DAY_MS);
    expect(sessionDueActiveMs(settings, 17)).toBe(135 * DAY_MS);
    expect(sessionDueActiveMs(settings, 24)).toBe(345 * DAY_MS);
    expect(sessionDueActiveMs(settings, 25)).toBeNull();
    expect(totalSessions(settings)).toBe(24);
    expect(programEndActiveMs(settings)).toBe(365 * DAY_MS);
  });
});

describe('the program end', () => {
  const atRetest: ProgramState = {
    ...initialProgramState(prediabetesCareParams().parse({ entry: { kind: 'condition' } }), enrolledAtMs),
    sessionsSent: 24,
    retestRequestedActiveMs: 365 * DAY_MS,
  };
  const afterTheWait = (365 + 31) * DAY_MS;

  test('closes once the retest wait has run out, or as soon as the A1C came in', () => {
    expect(readyToComplete(atRetest, settings, 380 * DAY_MS)).toBe(false);
    expect(dueTimes(atRetest, settings).retestGivesUp).toBe(395 * DAY_MS);
    expect(readyToComplete(atRetest, settings, afterTheWait)).toBe(true);
    expect(readyToComplete({ ...atRetest, retestReceived: true }, settings, 366 * DAY_MS)).toBe(true);
  });

  test('a pending confirmation holds the program open, with no give-up timer to spin on', () => {
    const confirming: ProgramState = {
      ...atRetest,
      confirmation: {
        number: 1,
        first: { metric: 'hba1c-percent', value: 6.7, atMs: enrolledAtMs + 366 * DAY_MS },
        dueAtMs: enrolledAtMs + 380 * DAY_MS,
        testOrdered: true,
        patientAsked: true,
        overdueEscalated: true,
      },
    };
    expect(readyToComplete(confirming, settings, afterTheWait)).toBe(false);
    expect(dueTimes(confirming, settings).retestGivesUp).toBeNull();
  });
});

describe('the review of readings', () => {
  test('improved when the recent mean fasting glucose dropped by the threshold from the first window', () => {
    const metrics = metricsAfter([
      { metric: 'fasting-glucose-mg-dl', value: 118, day: 1 },
      { metric: 'fasting-glucose-mg-dl', value: 116, day: 8 },
      { metric: 'fasting-glucose-mg-dl', value: 130, day: 20 }, // neither window
      { metric: 'fasting-glucose-mg-dl', value: 113, day: 30 },
      { metric: 'fasting-glucose-mg-dl', value: 111, day: 40 },
    ]);
    expect(review(metrics)).toEqual({ outcome: 'improved', glucoseDropMgDl: 5, a1cDrop: null });
  });

  test('not improved when the drop is smaller; no readings when nothing can be compared', () => {
    const flat = metricsAfter([
      { metric: 'fasting-glucose-mg-dl', value: 118, day: 1 },
      { metric: 'fasting-glucose-mg-dl', value: 114, day: 40 },
    ]);
    expect(review(flat).outcome).toBe('not-improved');
    const onlyEarly = metricsAfter([{ metric: 'fasting-glucose-mg-dl', value: 118, day: 1 }]);
    expect(review(onlyEarly).outcome).toBe('no-readings');
    expect(review(metricsAfter([{ metric: 'weight-kg', value: 90, day: 3 }])).outcome).toBe('no-readings');
  });

  test('a newer A1C that dropped from the entry A1C counts as improvement', () => {
    const metrics = metricsAfter([{ metric: 'hba1c-percent', value: 5.9, day: 40 }], {
      kind: 'hba1c',
      value: 6.1,
    });
    expect(review(metrics)).toEqual({ outcome: 'improved', glucoseDropMgDl: null, a1cDrop: 0.2 });
  });

  test('keeps a bounded number of recent glucose readings', () => {
    const many = Array.from({ length: 200 }, (_, index) => ({
      metric: 'fasting-glucose-mg-dl' as const,
      value: 110,
      day: index / 4,
    }));
    expect(metricsAfter(many).recentGlucose).toHaveLength(RECENT_GLUCOSE_LIMIT);
  });
});

describe('the CDC outcome', () => {
  const weighed = (latestKg: number) =>
    metricsAfter([
      { metric: 'weight-kg', value: 100, day: 0 },
      { metric: 'weight-kg', value: latestKg, day: 360 },
    ]);

  test.each([
    ['5 % weight loss', weighed(95), 0, 'weight-loss-5-percent'],
    ['4 % loss with 150 min/week', weighed(96), 150 * 52, 'weight-loss-4-percent-and-activity'],
    ['4 % loss with too little activity', weighed(96), 149 * 52, 'not-met'],
    ['3.9 % loss', weighed(96.1), 200 * 52, 'not-met'],
  ])('%s', (_label, metrics, activityMinutes, expected) => {
    expect(cdcCriterion({ ...metrics, activityMinutesTotal: activityMinutes }, 52)).toBe(expected);
  });

  test('an A1C down 0.2 points from baseline', () => {
    const entry = { kind: 'hba1c', value: 6.2 };
    expect(cdcCriterion(metricsAfter([{ metric: 'hba1c-percent', value: 6.0, day: 360 }], entry), 52)).toBe(
      'a1c-drop',
    );
    expect(cdcCriterion(metricsAfter([{ metric: 'hba1c-percent', value: 6.1, day: 360 }], entry), 52)).toBe(
      'not-met',
    );
  });
});

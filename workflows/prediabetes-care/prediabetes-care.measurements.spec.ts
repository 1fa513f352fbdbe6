import { prediabetesCareParams, type ReadingEvent } from './prediabetes-care.contract';
import { prediabetesCareSettings, type PrediabetesCareSettings } from './prediabetes-care.settings';
import { applyProgramEvent } from './prediabetes-care.events';
import { reviewReadings } from './prediabetes-care.metrics';
import {
  dueTimes,
  initialProgramState,
  withMeasurementSemantics,
  type ProgramState,
} from './prediabetes-care.program';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * The journey's reading rules as a clinician checks them (ADA section 2; the clinical-safety
 * brief): the pure decisions, one reading at a time.
 */

const settings = prediabetesCareSettings.parse({});
const enrolledAtMs = Date.parse('2026-01-05T08:00:00Z');
const day = (n: number) => enrolledAtMs + n * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

function enrolled(): ProgramState {
  const params = prediabetesCareParams().parse({ entry: { kind: 'fasting-glucose', value: 112 } });
  return withMeasurementSemantics(initialProgramState(params, enrolledAtMs));
}

type Reading = Omit<ReadingEvent, 'type'>;
const lab = (metric: ReadingEvent['metric'], value: number, atDay: number, unit?: string): Reading => ({
  metric,
  value,
  source: 'laboratory',
  at: iso(day(atDay)),
  ...(unit ? { unit } : {}),
});
const home = (value: number, atDay: number): Reading => ({
  metric: 'fasting-glucose-mg-dl',
  value,
  source: 'home',
  at: iso(day(atDay)),
});

/** Applies readings in order, each arriving an hour after its sample. */
function after(readings: Reading[], start = enrolled(), using: PrediabetesCareSettings = settings) {
  const notes: string[] = [];
  const state = readings.reduce((current, reading) => {
    const nowMs = (reading.at ? Date.parse(reading.at) : enrolledAtMs) + HOUR_MS;
    const applied = applyProgramEvent(
      current,
      { type: 'reading', ...reading },
      { nowMs, activeMs: nowMs - enrolledAtMs, settings: using },
    );
    if (applied.note) notes.push(applied.note);
    return applied.state;
  }, start);
  return { state, notes };
}

describe('[HZ-01] [HZ-03] monitoring values never diagnose', () => {
  test('[HZ-01] two home glucose readings of 150 and 140 start no confirmation and no referral', () => {
    const { state } = after([home(150, 3), home(140, 4)]);
    expect(state.confirmation).toBeNull();
    expect(state.exit).toBeNull();
  });

  const notLaboratory = ['point-of-care', 'home', 'patient-reported', undefined] as const;
  test.each(notLaboratory)('[HZ-03] an A1C of 7.2 %% measured %s starts no confirmation', (source) => {
    const { state } = after([
      { metric: 'hba1c-percent', value: 7.2, at: iso(day(3)), ...(source ? { source } : {}) },
    ]);
    expect(state.confirmation).toBeNull();
  });

  test('a laboratory fasting glucose in the diabetes range starts a confirmation', () => {
    const { state } = after([lab('fasting-glucose-mg-dl', 131, 3)]);
    expect(state.confirmation).toMatchObject({
      first: { metric: 'fasting-glucose-mg-dl', value: 131, unit: 'mg/dL' },
    });
  });
});

describe('[HZ-02] a plasma glucose without a documented fast', () => {
  test('[HZ-02] a laboratory random glucose of 250 mg/dL diagnoses nothing; a clinician is asked to check symptoms', () => {
    const { state } = after([lab('random-glucose-mg-dl', 250, 3)]);
    expect(state.confirmation).toBeNull();
    expect(state.exit).toBeNull();
    expect(state.alerts).toEqual([
      expect.objectContaining({
        kind: 'random-glucose-high',
        taskCreated: false,
        patientMessagePending: false,
      }),
    ]);
  });

  test('[HZ-02] a random glucose below 200 mg/dL raises nothing and stays out of the fasting review', () => {
    const { state } = after([lab('random-glucose-mg-dl', 180, 3)]);
    expect(state.alerts).toEqual([]);
    expect(state.metrics.recentGlucose).toEqual([]);
  });
});

describe('[HZ-04] confirmation: only a laboratory result settles it (ADA)', () => {
  const first = lab('hba1c-percent', 6.8, 3);

  test('[HZ-04] a home reading below the range neither clears nor confirms a pending confirmation', () => {
    const { state } = after([first, home(95, 5), home(180, 6)]);
    expect(state.confirmation).toMatchObject({ number: 1 });
    expect(state.exit).toBeNull();
  });

  test('[HZ-04] a later laboratory A1C below the range rules diabetes out for now', () => {
    const { state, notes } = after([first, lab('hba1c-percent', 6.1, 10)]);
    expect(state.confirmation).toBeNull();
    expect(notes.at(-1)).toMatch(/diabetes not confirmed/);
  });

  test('[HZ-04] a second laboratory result in the range, of the same or another test, confirms', () => {
    expect(after([first, lab('hba1c-percent', 6.9, 10)]).state.exit).toMatchObject({
      reason: 'confirmed-result',
    });
    expect(after([first, lab('fasting-glucose-mg-dl', 140, 10)]).state.exit).toMatchObject({
      reason: 'confirmed-result',
    });
  });

  test('[HZ-05] a different test below its cut point leaves the confirmation pending: the A1C is repeated', () => {
    const { state, notes } = after([first, lab('fasting-glucose-mg-dl', 104, 10)]);
    expect(state.confirmation).toMatchObject({ number: 1 });
    expect(notes.at(-1)).toMatch(/ADA asks to repeat the HbA1c test/);
  });

  test('[HZ-05] an older A1C below the range, delivered late, does not settle it', () => {
    const { state } = after([first, lab('hba1c-percent', 6.0, -30)]);
    expect(state.confirmation).toMatchObject({ number: 1 });
  });

  test('[HZ-06] the first result sent twice (same sample) does not confirm diabetes', () => {
    const { state, notes } = after([first, first]);
    expect(state.exit).toBeNull();
    expect(state.confirmation).toMatchObject({ number: 1 });
    expect(notes.at(-1)).toMatch(/same sample/);
  });
});

describe('[HZ-07] [HZ-08] critical values', () => {
  test.each([
    [
      '[HZ-07] a laboratory fasting glucose of 540 mg/dL',
      lab('fasting-glucose-mg-dl', 540, 3),
      'critical-high',
    ],
    ['[HZ-07] a home reading of 25 mmol/L', { ...home(25, 3), unit: 'mmol/L' }, 'critical-high'],
    ['[HZ-08] a home reading of 48 mg/dL', home(48, 3), 'critical-low'],
    [
      '[HZ-08] a laboratory glucose of 2.8 mmol/L',
      lab('random-glucose-mg-dl', 2.8, 3, 'mmol/L'),
      'critical-low',
    ],
  ])('%s is an urgent alert due within hours', (_name, reading, kind) => {
    const { state } = after([reading]);
    expect(state.alerts).toEqual([expect.objectContaining({ kind, taskCreated: false })]);
    const alert = state.alerts![0]!;
    expect(alert.dueAtMs - (Date.parse(reading.at!) + HOUR_MS)).toBe(
      settings.criticalValueTaskDueHours * HOUR_MS,
    );
  });

  test('[HZ-08] limits are program settings, compared in the unit received', () => {
    const strict = prediabetesCareSettings.parse({
      criticalGlucoseLowMgDl: 70,
      criticalGlucoseLowMmolL: 3.9,
    });
    expect(after([home(65, 3)], enrolled(), strict).state.alerts).toHaveLength(1);
    expect(after([home(65, 3)]).state.alerts).toHaveLength(0);
    expect(after([{ ...home(3.0, 3), unit: 'mmol/L' }]).state.alerts).toHaveLength(0);
    expect(after([{ ...home(2.9, 3), unit: 'mmol/L' }]).state.alerts).toHaveLength(1);
  });

  test('[HZ-07] the same critical sample sent twice raises one alert', () => {
    const reading = lab('fasting-glucose-mg-dl', 540, 3);
    expect(after([reading, reading]).state.alertsRaised).toBe(1);
  });

  test('[HZ-19] the patient is told only when the program says so', () => {
    const tell = prediabetesCareSettings.parse({ tellPatientOfCriticalValue: true });
    expect(after([home(40, 3)]).state.alerts![0]).toMatchObject({ patientMessagePending: false });
    expect(after([home(40, 3)], enrolled(), tell).state.alerts![0]).toMatchObject({
      patientMessagePending: true,
    });
  });

  test('[HZ-09] hypoglycaemic readings do not pull the review mean down into "improved"', () => {
    const baseline = [1, 2, 3, 4].map((d) => home(118, d));
    const lows = [30, 31, 32, 33, 34, 35].map((d) => home(45, d));
    const steady = [36, 38, 40].map((d) => home(118, d));
    const { state } = after([...baseline, ...lows, ...steady]);
    const result = reviewReadings(state.metrics, {
      nowMs: day(42),
      windowDays: 14,
      minGlucoseDropMgDl: 5,
      minA1cDrop: 0.1,
    });
    expect(result.outcome).toBe('not-improved');
    expect(state.alertsRaised).toBe(6);
  });
});

describe('[HZ-11] A1C in IFCC units is compared in mmol/mol', () => {
  test('[HZ-11] 47 mmol/mol is below the diabetes range (48): no confirmation', () => {
    expect(after([lab('hba1c-percent', 47, 3, 'mmol/mol')]).state.confirmation).toBeNull();
  });

  test('[HZ-11] 48 mmol/mol is in the diabetes range', () => {
    expect(after([lab('hba1c-percent', 48, 3, 'mmol/mol')]).state.confirmation).toMatchObject({
      first: { value: 48, unit: 'mmol/mol' },
    });
  });

  test('[HZ-11] an entry A1C in mmol/mol and a later one compare as a rise, not a 38-point fall', () => {
    const params = prediabetesCareParams().parse({ entry: { kind: 'hba1c', value: 45, unit: 'mmol/mol' } });
    const start = withMeasurementSemantics(initialProgramState(params, enrolledAtMs));
    const { state } = after([lab('hba1c-percent', 47, 40, 'mmol/mol')], start);
    const result = reviewReadings(state.metrics, {
      nowMs: day(42),
      windowDays: 14,
      minGlucoseDropMgDl: 5,
      minA1cDrop: 0.1,
    });
    expect(result.outcome).not.toBe('improved');
    expect(state.metrics.baselineA1c).toBeCloseTo(6.27, 2);
  });

  test('[HZ-11] an A1C in mmol/mol confirms one in %', () => {
    const { state } = after([lab('hba1c-percent', 6.7, 3), lab('hba1c-percent', 50, 20, 'mmol/mol')]);
    expect(state.exit).toMatchObject({ reason: 'confirmed-result' });
  });
});

describe('[HZ-14] the inactivity nudge is about glucose', () => {
  test('[HZ-14] a weight entry does not re-arm the glucose nudge', () => {
    const glucoseAt = after([home(110, 1)]).state;
    const weighed = applyProgramEvent(
      glucoseAt,
      { type: 'reading', metric: 'weight-kg', value: 90, at: iso(day(3)) },
      { nowMs: day(3), activeMs: 3 * DAY_MS, settings },
    ).state;
    expect(dueTimes(weighed, settings).nudge).toBe(dueTimes(glucoseAt, settings).nudge);
    expect(weighed.lastReadingActiveMs).toBe(glucoseAt.lastReadingActiveMs);
  });

  test('a glucose reading re-arms it', () => {
    const first = after([home(110, 1)]).state;
    const second = after([home(108, 3)], first).state;
    expect(dueTimes(second, settings).nudge).toBeGreaterThan(dueTimes(first, settings).nudge!);
  });
});

describe('[HZ-15] the annual retest', () => {
  function askedForRetest(): ProgramState {
    return { ...enrolled(), retestRequestedActiveMs: 365 * DAY_MS, retestRequestedAtMs: day(365) };
  }

  test('[HZ-15] a backdated A1C from before the retest window does not count as the annual retest', () => {
    const { state } = after([lab('hba1c-percent', 5.9, 200)], askedForRetest());
    expect(state.retestReceived).toBe(false);
  });

  test('[HZ-15] a home A1C does not count; a laboratory A1C taken in the window does', () => {
    const homeKit: Reading = { metric: 'hba1c-percent', value: 5.9, source: 'home', at: iso(day(366)) };
    expect(after([homeKit], askedForRetest()).state.retestReceived).toBe(false);
    expect(after([lab('hba1c-percent', 5.9, 300)], askedForRetest()).state.retestReceived).toBe(true);
    expect(after([lab('hba1c-percent', 5.9, 370)], askedForRetest()).state.retestReceived).toBe(true);
  });
});

import fc from 'fast-check';
import { drillSize } from '../../test/helpers/drills/drill-size';
import { DIAGNOSTIC_RANGES, isDiagnosticMetric, rangeIn } from './prediabetes-care.clinical';
import {
  measurementSources,
  prediabetesCareEvent,
  prediabetesCareParams,
  READING_UNITS,
  readingMetrics,
  type PrediabetesCareEvent,
  type ReadingEvent,
} from './prediabetes-care.contract';
import { prediabetesCareSettings, type PrediabetesCareSettings } from './prediabetes-care.settings';
import { ageOn, enrolmentRefusals } from './prediabetes-care.eligibility';
import { applyProgramEvent, checkProgramEvent } from './prediabetes-care.events';
import { isGlucoseMetric, readingAlertTask } from './prediabetes-care.measurements';
import {
  dueTimes,
  initialProgramState,
  withMeasurementSemantics,
  type ProgramState,
} from './prediabetes-care.program';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

/*
 * Property-based tests of prediabetes care's own decisions (pure code, no server): seeded random
 * sequences of EHR and app readings (every metric, unit and source; duplicated, shuffled, backdated,
 * late, early) and clinician diagnoses, against the invariants of the clinical-safety issue. The
 * whole workflow runs a smaller number of sequences in prediabetes-care.properties.workflow.test.ts.
 */

const SEED = 20_261_207;
const RUNS = drillSize({ reduced: 1_000, full: 10_000 });
const enrolledAtMs = Date.parse('2026-01-05T08:00:00Z');

// --- arbitraries -----------------------------------------------------------------------------

const unitAndValue = (metric: ReadingEvent['metric']) =>
  fc
    .constantFrom(...Object.entries(READING_UNITS[metric]))
    .chain(([unit, bounds]) =>
      fc.record({
        unit: fc.constantFrom(unit, undefined),
        value: fc.oneof(
          fc.double({ min: bounds.min, max: bounds.max, noNaN: true }),
          // Values at the clinical limits, where rounding and unit slips bite.
          ...(isDiagnosticMetric(metric)
            ? [fc.constantFrom(...limitsNear(metric, unit)).filter((v) => v >= bounds.min && v <= bounds.max)]
            : []),
        ),
      }),
    )
    .map(({ unit, value }) => ({ unit, value }));

function limitsNear(metric: Parameters<typeof rangeIn>[0], unit: string): number[] {
  const limits = rangeIn(metric, unit) ?? DIAGNOSTIC_RANGES[metric];
  return [limits.diabetesFrom, limits.diabetesFrom - 0.05, limits.diabetesFrom - 1, limits.prediabetesFrom];
}

const reading: fc.Arbitrary<ReadingEvent> = fc
  .constantFrom(...readingMetrics)
  .chain((metric) =>
    fc.record({
      metric: fc.constant(metric),
      quantity: unitAndValue(metric),
      source: fc.constantFrom(...measurementSources, undefined),
      // Sample time relative to enrolment: backdated (before), on time, or late.
      atDay: fc.double({ min: -90, max: 380, noNaN: true }),
    }),
  )
  .map(({ metric, quantity, source, atDay }) => {
    const unit = quantity.unit ?? defaultUnitOf(metric);
    return {
      type: 'reading' as const,
      metric,
      value: quantity.value,
      ...(quantity.unit && unit ? { unit } : {}),
      ...(source ? { source } : {}),
      at: new Date(enrolledAtMs + Math.round(atDay * DAY_MS)).toISOString(),
    };
  });

function defaultUnitOf(metric: ReadingEvent['metric']): string | undefined {
  return Object.keys(READING_UNITS[metric])[0];
}

type Step =
  | { kind: 'event'; event: PrediabetesCareEvent; afterHours: number }
  | { kind: 'repeat'; index: number; afterHours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      event: reading,
      afterHours: fc.double({ min: 0, max: 240, noNaN: true }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      index: fc.nat(),
      afterHours: fc.double({ min: 0, max: 48, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      event: fc.constantFrom<PrediabetesCareEvent>(
        { type: 'diabetes-diagnosed' },
        { type: 'follow-up-booked' },
        { type: 'session-attended' },
      ),
      afterHours: fc.double({ min: 0, max: 240, noNaN: true }),
    }),
  },
);

const settings: fc.Arbitrary<PrediabetesCareSettings> = fc
  .record({
    criticalGlucoseHighMgDl: fc.integer({ min: 250, max: 600 }),
    criticalGlucoseLowMgDl: fc.integer({ min: 40, max: 70 }),
    criticalGlucoseHighMmolL: fc.double({ min: 14, max: 33, noNaN: true }),
    criticalGlucoseLowMmolL: fc.double({ min: 2.2, max: 3.9, noNaN: true }),
    tellPatientOfCriticalValue: fc.boolean(),
  })
  .map((overrides) => prediabetesCareSettings.parse(overrides));

// --- the model run ---------------------------------------------------------------------------

interface Applied {
  event: PrediabetesCareEvent;
  nowMs: number;
  before: ProgramState;
  after: ProgramState;
}

/** Applies a sequence as the workflow's update handler would: validated, checked, then applied. */
function run(steps: Step[], using: PrediabetesCareSettings): Applied[] {
  const params = prediabetesCareParams().parse({ entry: { kind: 'condition' } });
  let state = withMeasurementSemantics(initialProgramState(params, enrolledAtMs));
  let nowMs = enrolledAtMs;
  const sent: PrediabetesCareEvent[] = [];
  const applied: Applied[] = [];
  for (const next of steps) {
    nowMs += next.afterHours * HOUR_MS;
    const event = next.kind === 'repeat' ? sent[next.index % Math.max(1, sent.length)] : next.event;
    if (!event) continue;
    const parsed = prediabetesCareEvent().safeParse(event);
    if (!parsed.success) continue;
    try {
      checkProgramEvent(state, parsed.data, nowMs);
    } catch {
      continue; // refused with 400: nothing recorded
    }
    sent.push(event);
    const before = state;
    state = applyProgramEvent(state, parsed.data, {
      nowMs,
      activeMs: nowMs - enrolledAtMs,
      settings: using,
    }).state;
    applied.push({ event: parsed.data, nowMs, before, after: state });
  }
  return applied;
}

type Reading = Extract<PrediabetesCareEvent, { type: 'reading' }>;
const isReading = (event: PrediabetesCareEvent): event is Reading => event.type === 'reading';

/** The oracle, written from the ADA rule and not from the journey's code: a lab result in the diabetes range. */
function labInDiabetesRange(event: Reading): boolean {
  if (event.source !== 'laboratory' || !isDiagnosticMetric(event.metric)) return false;
  const range = DIAGNOSTIC_RANGES[event.metric];
  const limit = !event.unit || event.unit === range.unit ? range.diabetesFrom : range.otherUnit.diabetesFrom;
  return event.value >= limit;
}

function isCritical(event: Reading, using: PrediabetesCareSettings): boolean {
  if (!isGlucoseMetric(event.metric)) return false;
  const mmol = event.unit === 'mmol/L';
  const high = mmol ? using.criticalGlucoseHighMmolL : using.criticalGlucoseHighMgDl;
  const low = mmol ? using.criticalGlucoseLowMmolL : using.criticalGlucoseLowMgDl;
  return event.value >= high || event.value < low;
}

const sampleKey = (event: Reading) => `${event.metric}|${Date.parse(event.at!)}`;
const options = { seed: SEED, numRuns: RUNS };
const sequences = fc.array(step, { minLength: 1, maxLength: 40 });

describe('prediabetes care under random sequences of readings (fast-check, pure decisions)', () => {
  test('[HZ-01] [HZ-03] [HZ-06] no confirmation, diagnosis or referral from monitoring values or from one sample', () => {
    fc.assert(
      fc.property(sequences, settings, (steps, using) => {
        const applied = run(steps, using);
        const labSamples = new Set<string>();
        let diagnosed = false;
        for (const { event, after } of applied) {
          if (event.type === 'diabetes-diagnosed') diagnosed = true;
          if (isReading(event) && labInDiabetesRange(event)) labSamples.add(sampleKey(event));
          if (after.confirmation) expect(labSamples.size).toBeGreaterThanOrEqual(1);
          if (after.exit?.reason === 'confirmed-result') expect(labSamples.size).toBeGreaterThanOrEqual(2);
          if (after.exit?.reason === 'clinician-diagnosis') expect(diagnosed).toBe(true);
        }
      }),
      options,
    );
  });

  test('[HZ-04] [HZ-05] a pending confirmation is settled only by a later laboratory result of the same test', () => {
    fc.assert(
      fc.property(sequences, settings, (steps, using) => {
        for (const { event, before, after } of run(steps, using)) {
          if (!before.confirmation || after.confirmation || after.exit) continue;
          const first = before.confirmation.first;
          expect(isReading(event) && event.source).toBe('laboratory');
          const result = event as Reading;
          expect(result.metric).toBe(first.metric);
          expect(Date.parse(result.at!)).toBeGreaterThan(first.atMs);
          expect(labInDiabetesRange(result)).toBe(false);
        }
      }),
      options,
    );
  });

  test('[HZ-07] [HZ-08] every critical glucose, from any source and in either unit, raises an urgent task due within hours', () => {
    fc.assert(
      fc.property(sequences, settings, (steps, using) => {
        for (const { event, nowMs, before, after } of run(steps, using)) {
          if (!isReading(event) || !isCritical(event, using) || after.exit) continue;
          const raised = (after.alertKeys ?? []).find((key) =>
            key.endsWith(`:${sampleKey(event).replace('|', ':')}`),
          );
          expect(raised).toBeDefined();
          const alert = (after.alerts ?? []).find((candidate) => candidate.key === raised);
          if (!(before.alertKeys ?? []).includes(raised!)) {
            const task = readingAlertTask(alert!);
            expect(task.priority).toBe('urgent');
            expect(Date.parse(task.dueAt!) - nowMs).toBeLessThanOrEqual(
              using.criticalValueTaskDueHours * HOUR_MS,
            );
            expect(alert!.patientMessagePending).toBe(using.tellPatientOfCriticalValue);
          }
        }
      }),
      options,
    );
  });

  test('[HZ-14] [HZ-15] only glucose re-arms the nudge; only a laboratory A1C counts as the retest', () => {
    fc.assert(
      fc.property(sequences, settings, (steps, using) => {
        for (const { event, before, after } of run(steps, using)) {
          if (!isReading(event)) continue;
          if (!isGlucoseMetric(event.metric)) {
            expect(dueTimes(after, using).nudge).toBe(dueTimes(before, using).nudge);
          }
          if (!before.retestReceived && after.retestReceived) {
            expect(event).toMatchObject({ metric: 'hba1c-percent', source: 'laboratory' });
          }
        }
      }),
      options,
    );
  });
});

describe('[HZ-16] [HZ-17] enrolment under random patients (fast-check, pure decisions)', () => {
  const date = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((value) => value.toISOString().slice(0, 10));
  const diabetesCoding = fc.constantFrom(
    { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' },
    { system: 'http://hl7.org/fhir/sid/icd-10', code: 'E10' },
    { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E13.65' },
    { system: 'http://snomed.info/sct', code: '44054006' },
  );
  const otherCoding = fc.constantFrom(
    { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R73.03' },
    { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E66.9' },
    { system: 'http://snomed.info/sct', code: '714628002' },
    { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'O24.4' },
  );

  test('[HZ-16] [HZ-17] a patient is enrolled only when 18 or older, with no diabetes and no earlier referral', () => {
    fc.assert(
      fc.property(
        date,
        date,
        fc.array(fc.array(fc.oneof(diabetesCoding, otherCoding), { maxLength: 3 }), { maxLength: 4 }),
        fc.boolean(),
        (birthDate, today, conditionCodings, referredBefore) => {
          const refusals = enrolmentRefusals({ birthDate, today, conditionCodings, referredBefore });
          const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
          const adult = today >= eighteenth;
          const diabetes = conditionCodings.flat().some((coding) => /^E1[013]|^44054006$/.test(coding.code));
          expect(refusals.length === 0).toBe(adult && !diabetes && !referredBefore);
          if (!adult) expect(ageOn(birthDate, today)).toBeLessThan(18);
        },
      ),
      options,
    );
  });
});

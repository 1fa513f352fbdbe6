import { CDC_SUCCESS, ngspFromIfcc } from './prediabetes-care.clinical';
import type { PrediabetesCareParams, ReadingMetric } from './prediabetes-care.contract';
import { DAY_MS } from '../../contracts/durations';

/*
 * Summaries of the patient's readings, small enough to carry across continue-as-new: a year of
 * readings folds into a few numbers plus the latest fasting glucose readings the review needs.
 */

export interface GlucoseReading {
  atMs: number;
  value: number;
}

export interface MetricsState {
  baselineWeightKg: number | null;
  latestWeightKg: number | null;
  latestWeightAtMs: number | null;
  activityMinutesTotal: number;
  baselineA1c: number | null;
  latestA1c: number | null;
  latestA1cAtMs: number | null;
  /** Fasting glucose logged in the program's first review window: the baseline the review compares with. */
  baselineGlucose: { sum: number; count: number };
  /** The latest fasting glucose readings, oldest first, at most RECENT_GLUCOSE_LIMIT. */
  recentGlucose: GlucoseReading[];
}

/** Enough for a reading a day over the longest review window (28 days), twice over. */
export const RECENT_GLUCOSE_LIMIT = 60;

export function initialMetrics(params: PrediabetesCareParams): MetricsState {
  // An A1C is a lab value, so the entry A1C is the baseline; a lab FPG is not comparable with
  // home meter readings, so the glucose baseline comes from the program's own first readings.
  // Trends are kept in NGSP % (later IFCC readings are converted the same way): an entry A1C given
  // in mmol/mol kept raw would be compared with %, and 45 -> 47 mmol/mol would read as a 38-point fall.
  const entryA1c =
    params.entry.kind !== 'hba1c'
      ? null
      : params.entry.unit === 'mmol/mol'
        ? ngspFromIfcc(params.entry.value)
        : params.entry.value;
  return {
    baselineWeightKg: params.baselineWeightKg ?? null,
    latestWeightKg: null,
    latestWeightAtMs: null,
    activityMinutesTotal: 0,
    baselineA1c: entryA1c,
    latestA1c: entryA1c,
    latestA1cAtMs: null,
    baselineGlucose: { sum: 0, count: 0 },
    recentGlucose: [],
  };
}

export interface MetricReading {
  metric: ReadingMetric;
  value: number;
  atMs: number;
}

/** Folds one reading in; `baselineUntilMs` ends the window whose fasting glucose is the baseline. */
export function withReading(
  metrics: MetricsState,
  reading: MetricReading,
  baselineUntilMs: number,
): MetricsState {
  const { metric, value, atMs } = reading;
  const isLatest = (previousAtMs: number | null) => previousAtMs === null || atMs >= previousAtMs;
  switch (metric) {
    case 'weight-kg':
      return {
        ...metrics,
        baselineWeightKg: metrics.baselineWeightKg ?? value,
        ...(isLatest(metrics.latestWeightAtMs) ? { latestWeightKg: value, latestWeightAtMs: atMs } : {}),
      };
    case 'activity-minutes':
      return { ...metrics, activityMinutesTotal: metrics.activityMinutesTotal + value };
    case 'hba1c-percent':
      return {
        ...metrics,
        baselineA1c: metrics.baselineA1c ?? value,
        ...(isLatest(metrics.latestA1cAtMs) ? { latestA1c: value, latestA1cAtMs: atMs } : {}),
      };
    case 'fasting-glucose-mg-dl': {
      const inBaseline = atMs < baselineUntilMs;
      const recentGlucose = [...metrics.recentGlucose, { atMs, value }]
        .sort((a, b) => a.atMs - b.atMs)
        .slice(-RECENT_GLUCOSE_LIMIT);
      return {
        ...metrics,
        baselineGlucose: inBaseline
          ? { sum: metrics.baselineGlucose.sum + value, count: metrics.baselineGlucose.count + 1 }
          : metrics.baselineGlucose,
        recentGlucose,
      };
    }
    case 'ogtt-mg-dl':
    case 'random-glucose-mg-dl':
      // Neither is a fasting value: they matter only for the diabetes-range check and critical
      // values, which the journey makes itself.
      return metrics;
  }
}

export type ReviewOutcome = 'improved' | 'not-improved' | 'no-readings';

export interface ReviewResult {
  outcome: ReviewOutcome;
  /** Baseline minus recent mean fasting glucose (mg/dL), when both exist. */
  glucoseDropMgDl: number | null;
  /** Baseline minus latest A1C (points), when a new A1C exists. */
  a1cDrop: number | null;
}

export interface ReviewRule {
  nowMs: number;
  windowDays: number;
  minGlucoseDropMgDl: number;
  minA1cDrop: number;
}

/**
 * Improvement at the review: the mean fasting glucose of the last window has dropped enough
 * from the baseline window, or a newer A1C has dropped enough from the baseline A1C. With
 * neither comparison possible there is no evidence of improvement ('no-readings'), which also
 * earns the follow-up prompt: a visit is how the team finds out.
 */
export function reviewReadings(metrics: MetricsState, rule: ReviewRule): ReviewResult {
  const windowStart = rule.nowMs - rule.windowDays * DAY_MS;
  const recent = metrics.recentGlucose.filter(
    (reading) => reading.atMs > windowStart && reading.atMs <= rule.nowMs,
  );
  const baselineMean = metrics.baselineGlucose.count
    ? metrics.baselineGlucose.sum / metrics.baselineGlucose.count
    : null;
  const recentMean = recent.length
    ? recent.reduce((sum, reading) => sum + reading.value, 0) / recent.length
    : null;
  const glucoseDropMgDl =
    baselineMean !== null && recentMean !== null ? round(baselineMean - recentMean, 1) : null;
  const a1cDrop =
    metrics.baselineA1c !== null && metrics.latestA1c !== null && metrics.latestA1cAtMs !== null
      ? round(metrics.baselineA1c - metrics.latestA1c, 1)
      : null;
  const improved =
    (glucoseDropMgDl !== null && glucoseDropMgDl >= rule.minGlucoseDropMgDl) ||
    (a1cDrop !== null && a1cDrop >= rule.minA1cDrop);
  const outcome: ReviewOutcome = improved
    ? 'improved'
    : glucoseDropMgDl === null && a1cDrop === null
      ? 'no-readings'
      : 'not-improved';
  return { outcome, glucoseDropMgDl, a1cDrop };
}

/** Weight change since baseline in percent (negative: a loss), one decimal. */
export function weightChangePercent(metrics: MetricsState): number | null {
  if (metrics.baselineWeightKg === null || metrics.latestWeightKg === null) return null;
  return round(((metrics.latestWeightKg - metrics.baselineWeightKg) / metrics.baselineWeightKg) * 100, 1);
}

export function averageActivityMinutesPerWeek(metrics: MetricsState, weeksOnProgram: number): number {
  return Math.round(metrics.activityMinutesTotal / Math.max(1, weeksOnProgram));
}

export type CdcCriterion =
  'weight-loss-5-percent' | 'weight-loss-4-percent-and-activity' | 'a1c-drop' | 'not-met';

/** The CDC recognition-standard outcome (2021), best criterion first. */
export function cdcCriterion(metrics: MetricsState, weeksOnProgram: number): CdcCriterion {
  const change = weightChangePercent(metrics);
  const lossPercent = change === null ? 0 : -change;
  if (lossPercent >= CDC_SUCCESS.weightLossPercent) return 'weight-loss-5-percent';
  if (
    lossPercent >= CDC_SUCCESS.weightLossWithActivityPercent &&
    averageActivityMinutesPerWeek(metrics, weeksOnProgram) >= CDC_SUCCESS.activityMinutesPerWeek
  ) {
    return 'weight-loss-4-percent-and-activity';
  }
  const a1cDrop =
    metrics.baselineA1c !== null && metrics.latestA1c !== null
      ? round(metrics.baselineA1c - metrics.latestA1c, 1)
      : 0;
  if (metrics.latestA1cAtMs !== null && a1cDrop >= CDC_SUCCESS.a1cDropPoints) return 'a1c-drop';
  return 'not-met';
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

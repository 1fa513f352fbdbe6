import type { StaffTask } from '../journey-runtime';
import {
  ADA_MEASUREMENT_SOURCE,
  CRITICAL_VALUE_SOURCE,
  GLUCOSE_MG_DL_PER_MMOL_L,
  isDiagnosticMetric,
  ngspFromIfcc,
  RANDOM_GLUCOSE_SYMPTOMATIC_FROM,
  rangeIn,
  type DiagnosticMetric,
} from './prediabetes-care.clinical';
import {
  DEFAULT_UNITS,
  type MeasurementSource,
  type ReadingEvent,
  type ReadingMetric,
} from './prediabetes-care.contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import type { ReadingAlert } from './prediabetes-care.program';

/*
 * What a reading is, read the way a clinician reads it (clinical-safety brief; ADA section 2):
 * - only a laboratory A1C, fasting plasma glucose or 2-h OGTT may diagnose; a home or point-of-care
 *   meter, a patient-reported value, or a reading that does not say how it was measured, monitors;
 * - a value is compared with a limit in the unit it came in, never converted and rounded first;
 * - a glucose beyond the program's critical limits, from any source, needs a clinician the same day;
 * - a laboratory glucose with no documented fast is a random glucose: >= 200 mg/dL diagnoses only
 *   with symptoms, which Carepath cannot know, so a clinician asks.
 */

export type ReadingBand = 'below' | 'prediabetes' | 'diabetes';
export type CriticalDirection = 'high' | 'low';

export interface AssessedReading {
  metric: ReadingMetric;
  /** As received. */
  value: number;
  unit: string;
  source: MeasurementSource | 'unstated';
  atMs: number;
  /** The diagnostic test this reading is, when it may diagnose; null for every monitoring value. */
  diagnostic: DiagnosticMetric | null;
  /** Where a diagnostic value falls in the ADA ranges (in its own unit); null when it may not diagnose. */
  band: ReadingBand | null;
  critical: CriticalDirection | null;
  /** A laboratory random glucose at or above the symptomatic limit: a clinician asks about symptoms. */
  symptomCheck: boolean;
  /** In the metric's default unit, unrounded: for trends (the review, the CDC outcome), never for a limit. */
  trendValue: number;
}

const GLUCOSE_METRICS: readonly ReadingMetric[] = [
  'fasting-glucose-mg-dl',
  'random-glucose-mg-dl',
  'ogtt-mg-dl',
];

export function isGlucoseMetric(metric: ReadingMetric): boolean {
  return GLUCOSE_METRICS.includes(metric);
}

export function assessReading(
  event: ReadingEvent,
  settings: PrediabetesCareSettings,
  nowMs: number,
): AssessedReading {
  const unit = event.unit ?? DEFAULT_UNITS[event.metric];
  const source = event.source ?? 'unstated';
  const limits =
    source === 'laboratory' && isDiagnosticMetric(event.metric) ? rangeIn(event.metric, unit) : undefined;
  const diagnostic = limits && isDiagnosticMetric(event.metric) ? event.metric : null;
  return {
    metric: event.metric,
    value: event.value,
    unit,
    source,
    atMs: event.at ? Date.parse(event.at) : nowMs,
    diagnostic,
    band: limits
      ? event.value >= limits.diabetesFrom
        ? 'diabetes'
        : event.value >= limits.prediabetesFrom
          ? 'prediabetes'
          : 'below'
      : null,
    critical: criticalDirection(event.metric, event.value, unit, settings),
    symptomCheck:
      source === 'laboratory' &&
      event.metric === 'random-glucose-mg-dl' &&
      RANDOM_GLUCOSE_SYMPTOMATIC_FROM[unit] !== undefined &&
      event.value >= RANDOM_GLUCOSE_SYMPTOMATIC_FROM[unit],
    trendValue: inDefaultUnit(event.metric, event.value, unit),
  };
}

/** Critical limits are program settings per unit (each laboratory sets its own). */
export function criticalDirection(
  metric: ReadingMetric,
  value: number,
  unit: string,
  settings: Pick<
    PrediabetesCareSettings,
    | 'criticalGlucoseHighMgDl'
    | 'criticalGlucoseLowMgDl'
    | 'criticalGlucoseHighMmolL'
    | 'criticalGlucoseLowMmolL'
  >,
): CriticalDirection | null {
  if (!isGlucoseMetric(metric)) return null;
  const [high, low] =
    unit === 'mmol/L'
      ? [settings.criticalGlucoseHighMmolL, settings.criticalGlucoseLowMmolL]
      : [settings.criticalGlucoseHighMgDl, settings.criticalGlucoseLowMgDl];
  if (value >= high) return 'high';
  return value < low ? 'low' : null;
}

function inDefaultUnit(metric: ReadingMetric, value: number, unit: string): number {
  if (unit === DEFAULT_UNITS[metric]) return value;
  if (unit === 'mmol/L') return value * GLUCOSE_MG_DL_PER_MMOL_L;
  if (unit === 'mmol/mol') return ngspFromIfcc(value);
  return value;
}

/** How a reading is named to staff: what, how much in which unit, how it was measured, when. */
export function describeMeasurement(reading: AssessedReading, label: string) {
  return {
    test: label,
    value: reading.value,
    unit: reading.unit,
    source: reading.source,
    measuredAt: new Date(reading.atMs).toISOString(),
  };
}

const ALERT_TITLES: Record<ReadingAlert['kind'], string> = {
  'critical-high': 'Critical value: very high glucose, contact the patient today',
  'critical-low': 'Critical value: glucose in level 2 hypoglycaemia, contact the patient today',
  'random-glucose-high':
    'Random glucose >= 200 mg/dL: ask about symptoms of hyperglycaemia (diagnostic only with symptoms)',
};

/**
 * The staff task of a reading alert: always urgent and due within the program's hours. A critical
 * value is urgent whatever measured it; a random glucose >= 200 is for a clinician to judge, never a
 * diagnosis the journey makes.
 */
export function readingAlertTask(alert: ReadingAlert): StaffTask {
  const critical = alert.kind !== 'random-glucose-high';
  return {
    kind: critical ? 'critical-value' : 'random-glucose-review',
    priority: 'urgent',
    title: ALERT_TITLES[alert.kind],
    details: { reading: alert.reading, source: critical ? CRITICAL_VALUE_SOURCE : ADA_MEASUREMENT_SOURCE },
    dueAt: new Date(alert.dueAtMs).toISOString(),
  };
}

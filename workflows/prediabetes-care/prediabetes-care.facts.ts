import type { FactValue } from '../../contracts/journey-contract';
import { type PrediabetesCareSettings } from './prediabetes-care.settings';
import { averageActivityMinutesPerWeek, weightChangePercent } from './prediabetes-care.metrics';
import { programEndActiveMs, type ProgramState } from './prediabetes-care.program';
import { DAY_MS } from '../../contracts/durations';

/** Weeks the patient has been on the program (active time, up to the program's end). */
export function weeksOnProgram(settings: PrediabetesCareSettings, activeMs: number): number {
  return Math.min(activeMs, programEndActiveMs(settings)) / (7 * DAY_MS);
}

/** What operators see of the program's progress: figures, never identifying data. */
export function programFacts(
  state: ProgramState,
  settings: PrediabetesCareSettings,
  activeMs: number,
): Record<string, FactValue> {
  const { metrics } = state;
  return {
    baselineWeightKg: metrics.baselineWeightKg,
    latestWeightKg: metrics.latestWeightKg,
    weightChangePercent: weightChangePercent(metrics),
    averageActivityMinutesPerWeek: averageActivityMinutesPerWeek(metrics, weeksOnProgram(settings, activeMs)),
    baselineA1c: metrics.baselineA1c,
    latestA1c: metrics.latestA1c,
    sessionsOffered: state.sessionsSent,
    sessionsAttended: state.sessionsAttended.length,
    readingsLogged: state.readingsLogged,
    inactivityNudges: state.nudgesSent,
    ...(state.measurementSemantics ? { readingAlerts: state.alertsRaised ?? 0 } : {}),
    review: state.review,
    followUp: state.followUp,
    run: state.run,
  };
}

import { HOUR_MS, DAY_MS } from '../../contracts/durations';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import {
  DEFAULT_SCENARIO_MONTHS,
  type Scenario,
  type ScenarioLine,
  type SyntheticPatientSpec,
} from '../../contracts/journey-definitions/scenario-schema';
import { simulateJourney, type ScriptLine, type SimulationRequest, type SimulationResult } from './simulate';
import { startOfLocalDay } from '../../workflows/local-days';

/*
 * A saved scenario as the simulator takes it. The designer writes "day 5 at 14:00" in the
 * patient's own clock (safety invariant 9), so each line is placed on the patient's local
 * calendar, whatever daylight saving time does between enrolment and that day. Pure.
 */

/** What a script line says when no hour is given: a morning, as staff and EHR events mostly come. */
export const DEFAULT_SCRIPT_HOUR = 9;

/** The instant of a local `YYYY-MM-DDTHH:mm` in `timeZone`. */
export function enrolmentInstant(patient: Pick<SyntheticPatientSpec, 'enrolledAt' | 'timeZone'>): number {
  const [date, time] = patient.enrolledAt.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return startOfLocalDay(year, month, day, patient.timeZone, hour) + minute * 60_000;
}

/** When a line happens: its day after the local enrolment date, at its local hour; never before enrolment. */
export function lineInstant(line: Pick<ScenarioLine, 'day' | 'hour'>, patient: SyntheticPatientSpec): number {
  const [year, month, day] = patient.enrolledAt.slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const at = startOfLocalDay(year, month, day + line.day, patient.timeZone, line.hour ?? DEFAULT_SCRIPT_HOUR);
  return Math.max(at, enrolmentInstant(patient));
}

export function simulationRequestOf(definition: JourneyDefinition, scenario: Scenario): SimulationRequest {
  const { patient } = scenario;
  const startAt = enrolmentInstant(patient);
  return {
    definition,
    patient: {
      language: patient.language,
      readingLevel: patient.readingLevel,
      timeZone: patient.timeZone,
      channels: patient.channels,
    },
    startAt,
    months: scenario.months ?? DEFAULT_SCENARIO_MONTHS,
    script: scenario.script.map((line) => scriptLineOf(line, patient, startAt)),
    ...(scenario.values ? { values: scenario.values } : {}),
  };
}

export function runScenario(definition: JourneyDefinition, scenario: Scenario): SimulationResult {
  return simulateJourney(simulationRequestOf(definition, scenario));
}

/** The simulator counts from enrolment: the day as written (its notes name it), the rest in hours. */
function scriptLineOf(line: ScenarioLine, patient: SyntheticPatientSpec, startAt: number): ScriptLine {
  const hours = (lineInstant(line, patient) - startAt - line.day * DAY_MS) / HOUR_MS;
  const when = { day: line.day, hours };
  if ('event' in line) return { ...when, event: line.event };
  if ('taskOutcome' in line) return { ...when, taskOutcome: line.taskOutcome };
  if ('pause' in line) return { ...when, pause: line.pause };
  if ('resume' in line) return { ...when, resume: line.resume };
  return { ...when, cancel: line.cancel };
}

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../contracts/durations';
import type {
  DaysRef,
  Duration,
  DurationRef,
  DurationUnit,
  JourneyDefinition,
  SettingValue,
} from '../../contracts/journey-definitions/definition-schema';

/*
 * A definition's program settings as a journey runs with them: the declared defaults, with the
 * published version's values over them, pinned at enrolment.
 */

export type ResolvedSettings = Record<string, SettingValue>;

const UNIT_MS: Record<DurationUnit, number> = {
  minutes: MINUTE_MS,
  hours: HOUR_MS,
  days: DAY_MS,
  weeks: 7 * DAY_MS,
};

export function resolveSettings(
  definition: JourneyDefinition,
  published: Readonly<Record<string, SettingValue>> = {},
): ResolvedSettings {
  const settings: ResolvedSettings = {};
  for (const [name, declared] of Object.entries(definition.settings)) {
    settings[name] = published[name] ?? declared.default;
  }
  return settings;
}

export function durationMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

/** A duration in milliseconds; a setting that is missing or of another type is a validation problem, so it throws. */
export function resolveDurationMs(ref: DurationRef, settings: ResolvedSettings): number {
  if (!('setting' in ref)) return durationMs(ref);
  const value = settings[ref.setting];
  if (typeof value !== 'object' || value === null) {
    throw new Error(`The setting ${ref.setting} is not a duration`);
  }
  return durationMs(value);
}

export function resolveDays(ref: DaysRef, settings: ResolvedSettings): number {
  if (typeof ref === 'number') return ref;
  const value = settings[ref.setting];
  if (typeof value !== 'number') throw new Error(`The setting ${ref.setting} is not a number of days`);
  return value;
}

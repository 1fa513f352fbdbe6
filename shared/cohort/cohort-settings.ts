import { z } from 'zod';
import { ConfigError, emptyAsUnset } from '../../config/env-values';

export interface CohortFinderSchedule {
  /** Five-field cron (minute hour day-of-month month day-of-week) or a macro such as `@daily`. */
  cron: string;
  /** IANA time zone the cron is read in. */
  timeZone: string;
}

export interface CohortSettings {
  /** Absent when `COHORT_FINDER_CRON=off`: no schedule, the finder runs only when started by hand. */
  schedule: CohortFinderSchedule | undefined;
  /**
   * COHORT_FINDER_TIME_ZONE, also when the schedule is off: the zone ages and seasons are judged
   * in for patients whose record names none (until an organisation-wide default zone exists).
   */
  timeZone: string;
}

export const DEFAULT_COHORT_FINDER_CRON = '0 2 * * *';

const CRON_FIELD = /^[0-9A-Za-z*?,/\-#LW]+$/;
const CRON_MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;

function isCronOrOff(value: string): boolean {
  if (value === 'off' || CRON_MACRO.test(value)) return true;
  const fields = value.split(/\s+/);
  return fields.length === 5 && fields.every((field) => CRON_FIELD.test(field));
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const cohortEnvironmentSchema = z.object({
  COHORT_FINDER_CRON: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .default(DEFAULT_COHORT_FINDER_CRON)
      .refine(isCronOrOff, 'must be a five-field cron such as "0 2 * * *", a macro such as @daily, or off'),
  ),
  COHORT_FINDER_TIME_ZONE: z.preprocess(
    emptyAsUnset,
    z.string().trim().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw'),
  ),
});

/** Reads when the cohort finder runs, once at worker start; errors name the variable, never echo its value. */
export function loadCohortSettings(env: NodeJS.ProcessEnv): CohortSettings {
  const parsed = cohortEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid cohort finder settings:\n  ${problems.join('\n  ')}`);
  }
  const { COHORT_FINDER_CRON: cron, COHORT_FINDER_TIME_ZONE: timeZone } = parsed.data;
  return {
    schedule: cron === 'off' ? undefined : { cron: cron.split(/\s+/).join(' '), timeZone },
    timeZone,
  };
}

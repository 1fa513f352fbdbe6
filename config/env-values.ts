/**
 * Env files often carry `NAME=` (or `NAME= `) for a setting that is not used: that means unset,
 * not invalid. For `z.preprocess` in the settings schemas.
 */
export const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Thrown for a setting a process cannot start with; its message names the variable, never its value. */
export class ConfigError extends Error {}

/** The documented default of `ORGANISATION_TIME_ZONE`: Carepath's first deployments are Polish DiLO programs. */
export const DEFAULT_ORGANISATION_TIME_ZONE = 'Europe/Warsaw';

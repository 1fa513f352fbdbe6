/*
 * Units of time in milliseconds, defined once. Pure (no imports): workflows, activities, the API,
 * scripts, tests and the designer may all import it.
 */
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

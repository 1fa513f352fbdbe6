/**
 * Env files often carry `NAME=` (or `NAME= `) for a setting that is not used: that means unset,
 * not invalid. For `z.preprocess` in the settings schemas.
 */
export const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

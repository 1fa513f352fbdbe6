/**
 * Drills run reduced by default (`npm run drills`: each file about two minutes on two shared
 * cores) and at full size with CAREPATH_DRILLS=full, for a release or after a change to delivery,
 * the worker or the infrastructure.
 */
export const FULL_SIZE_DRILLS = process.env.CAREPATH_DRILLS === 'full';

export function drillSize<T>(sizes: { reduced: T; full: T }): T {
  return FULL_SIZE_DRILLS ? sizes.full : sizes.reduced;
}

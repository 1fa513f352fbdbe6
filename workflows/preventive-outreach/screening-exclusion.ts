import { UNILATERAL_PAIR_MIN_DAYS } from './screening-value-sets';
import { DAY_MS } from '../../contracts/durations';

/** The side of a one-sided procedure, from Procedure.bodySite laterality; `unknown` when unrecorded. */
export type Side = 'left' | 'right' | 'both' | 'unknown';

export interface OneSideRecord {
  side: Side;
  /** YYYY-MM-DD, when the record says. */
  at?: string;
}

/**
 * Whether one-sided mastectomies add up to both breasts (HEDIS BCS-E): a record of both sides, a
 * right and a left, or two records 14 or more days apart that are not the same known side (two
 * records with no side that close together are likely the same operation filed twice).
 */
export function bothSidesGone(records: readonly OneSideRecord[]): boolean {
  if (records.some((record) => record.side === 'both')) return true;
  const sides = new Set(records.map((record) => record.side));
  if (sides.has('left') && sides.has('right')) return true;
  for (const [index, first] of records.entries()) {
    for (const second of records.slice(index + 1)) {
      if (first.side !== 'unknown' && first.side === second.side) continue;
      if (!first.at || !second.at) continue;
      const apartDays = Math.abs(Date.parse(first.at) - Date.parse(second.at)) / DAY_MS;
      if (apartDays >= UNILATERAL_PAIR_MIN_DAYS) return true;
    }
  }
  return false;
}

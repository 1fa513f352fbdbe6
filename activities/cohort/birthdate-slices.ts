import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { addDays, addYears, type IsoDate } from '../../contracts/ehr/calendar-dates';
import { ruleFor } from './screening-rules';

/*
 * The cohort finder pages through the EHR's patients by birth date: `birthdate` is a search
 * parameter every FHIR server supports (unlike `_offset` or sorting by id), and a slice of birth
 * dates is exactly an age band. A slice with more patients than a page holds is halved until it
 * fits, so no patient is skipped however many share a birthday year.
 */

/** Where the next page starts: patients born on or before this day, and not yet looked at. */
export interface BirthdateCursor {
  bornOnOrBefore: IsoDate;
  /** The slice width to try first (a dense stretch of birth dates narrows it); a year by default. */
  sliceDays?: number;
}

/** Ages beyond any record worth screening: the open-ended items (flu, yearly check-up) stop here. */
const OLDEST_AGE = 120;
export const DEFAULT_SLICE_DAYS = 365;

/** Birth dates of everyone whose age is in some item's range on `today`: (bornAfter, bornOnOrBefore]. */
export function birthdateRange(
  items: readonly ScreeningItem[],
  today: IsoDate,
  marginDays = 0,
): { bornAfter: IsoDate; bornOnOrBefore: IsoDate } {
  const ages = items.map((item) => ruleFor(item).ages);
  const youngest = Math.min(...ages.map((range) => range.min));
  const oldest = Math.max(...ages.map((range) => range.max ?? OLDEST_AGE));
  // Aged `oldest` until the day before the next birthday: born after that birthday's date, one more year back.
  // `marginDays` widens it for patients whose own date differs from `today` (another time zone).
  return {
    bornAfter: addDays(addYears(today, -(oldest + 1)), -marginDays),
    bornOnOrBefore: addDays(addYears(today, -youngest), marginDays),
  };
}

export interface BirthdateSlice {
  /** Exclusive lower bound. */
  bornAfter: IsoDate;
  /** Inclusive upper bound. */
  bornOnOrBefore: IsoDate;
}

/** The slice of `days` days ending at the cursor, never past the range's far end. */
export function sliceAt(cursor: BirthdateCursor, days: number, rangeBornAfter: IsoDate): BirthdateSlice {
  const start = addDays(cursor.bornOnOrBefore, -days);
  return {
    bornAfter: start > rangeBornAfter ? start : rangeBornAfter,
    bornOnOrBefore: cursor.bornOnOrBefore,
  };
}

/** The cursor after a slice, or undefined when the slice reached the far end of the range. */
export function cursorAfter(slice: BirthdateSlice, rangeBornAfter: IsoDate): BirthdateCursor | undefined {
  return slice.bornAfter > rangeBornAfter ? { bornOnOrBefore: slice.bornAfter } : undefined;
}

/** The FHIR search parameters of a slice: `birthdate=gt<after>&birthdate=le<onOrBefore>`. */
export function birthdateSearch(slice: BirthdateSlice): string[] {
  return [`gt${slice.bornAfter}`, `le${slice.bornOnOrBefore}`];
}

/** Days in a slice (at least one). */
export function sliceDays(slice: BirthdateSlice): number {
  return Math.max(
    1,
    Math.round((Date.parse(slice.bornOnOrBefore) - Date.parse(slice.bornAfter)) / 86_400_000),
  );
}

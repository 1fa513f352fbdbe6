import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import {
  screeningTests,
  testsOfItem,
  type ScreeningTest,
} from '../../workflows/preventive-outreach/screening-value-sets';

/*
 * Who is due for which screening, as data: the age and sex each recommendation covers and the
 * tests that count as done. The tests (codes, and how long each covers the patient) and the
 * exclusions (procedures and conditions that take a patient out of a screening) are in
 * workflows/preventive-outreach/screening-value-sets.ts, shared with the EHR routes and the
 * journey. The cohort finder (screening-eligibility.ts) only reads these tables.
 */

/** Yearly items bound to a season: done once per season, offered in its months. */
export interface SeasonRule {
  /** 1-12: the season's shots count from the first day of this month. */
  startMonth: number;
  /** 1-12: months in which a patient not yet done this season is enrolled. */
  offerMonths: readonly number[];
}

export interface ScreeningRule {
  item: ScreeningItem;
  /** Age in whole years on the day the finder runs, in the patient's time zone; both ends included. */
  ages: { min: number; max?: number };
  /** Screening of an organ: decided on sex assigned at birth (US Core birth sex), else administrative gender. */
  sex?: 'female';
  tests: readonly ScreeningTest[];
  season?: SeasonRule;
  source: string;
}

export const screeningRules: readonly ScreeningRule[] = [
  {
    item: 'mammogram',
    ages: { min: 40, max: 74 },
    sex: 'female',
    tests: testsOfItem('mammogram'),
    source: 'USPSTF 2024: biennial screening mammography for women aged 40 to 74 years.',
  },
  {
    item: 'colorectal-screening',
    ages: { min: 45, max: 75 },
    tests: testsOfItem('colorectal-screening'),
    source:
      'USPSTF 2021: adults aged 45 to 75; colonoscopy every 10 years, CT colonography or flexible sigmoidoscopy ' +
      'every 5 years, sDNA-FIT every 1 to 3 years (3 counted), FIT or gFOBT every year.',
  },
  {
    item: 'cervical-screening',
    ages: { min: 21, max: 65 },
    sex: 'female',
    tests: testsOfItem('cervical-screening'),
    source:
      'USPSTF 2018: cytology every 3 years from 21 to 65; from 30, high-risk HPV testing (alone or with cytology) ' +
      'every 5 years.',
  },
  {
    item: 'flu-shot',
    ages: { min: 18 },
    tests: [screeningTests['influenza-vaccine']],
    // Shots from 1 August count for the season; outreach runs September (CDC: ideally by the end of
    // October) until January, while vaccination is still worthwhile.
    season: {
      startMonth: screeningTests['influenza-vaccine'].seasonStartMonth!,
      offerMonths: [9, 10, 11, 12, 1],
    },
    source:
      'CDC via immunize.org: influenza vaccine every season for everyone 6 months and older, ideally in September ' +
      'or October. This adult program starts at 18 (children are reached through their guardians).',
  },
  {
    item: 'annual-visit',
    ages: { min: 18 },
    tests: [screeningTests['preventive-visit']],
    source:
      'Medicare: annual wellness visit every 12 months; preventive medicine visits (CPT 99381-99397) count as well.',
  },
];

export function ruleFor(item: ScreeningItem): ScreeningRule {
  return screeningRules.find((rule) => rule.item === item)!;
}

import type {
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Patient,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import {
  screeningItems,
  type ScreeningItem,
} from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { birthdateRange, cursorAfter, sliceAt } from './birthdate-slices';
import { addMonths, ageOn } from '../../contracts/ehr/calendar-dates';
import { historySearches } from './history-searches';
import { dueItems, eligibleItems } from './screening-eligibility';

const { loinc, cpt, snomed, cvx, icd10cm } = CODE_SYSTEMS;
const ASOF = new Date('2026-10-15T02:00:00Z');
const ALL = screeningItems;

function patient(birthDate: string, gender: Patient['gender'], extra: Partial<Patient> = {}): Patient {
  return { resourceType: 'Patient', id: 'p1', birthDate, gender, ...extra };
}
const subject = { reference: 'Patient/p1' };
const procedure = (
  system: string,
  code: string,
  at: string,
  status: Procedure['status'] = 'completed',
): Procedure => ({
  resourceType: 'Procedure',
  status,
  subject,
  code: { coding: [{ system, code }] },
  performedDateTime: at,
});
const observation = (code: string, at: string, status: Observation['status'] = 'final'): Observation => ({
  resourceType: 'Observation',
  status,
  subject,
  code: { coding: [{ system: loinc, code }] },
  effectiveDateTime: at,
});
const report = (code: string, at: string): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  status: 'final',
  subject,
  code: { coding: [{ system: loinc, code }] },
  effectiveDateTime: at,
});
const fluShot = (at: string, status: Immunization['status'] = 'completed'): Immunization => ({
  resourceType: 'Immunization',
  status,
  patient: subject,
  vaccineCode: { coding: [{ system: cvx, code: '150' }] },
  occurrenceDateTime: at,
});
const visit = (at: string): Encounter => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { code: 'AMB' },
  subject,
  type: [{ coding: [{ system: cpt, code: '99396' }] }],
  period: { start: at },
});
const condition = (system: string, code: string, verification?: string): Condition => ({
  resourceType: 'Condition',
  subject,
  code: { coding: [{ system, code }] },
  ...(verification
    ? {
        verificationStatus: {
          coding: [{ system: CODE_SYSTEMS.conditionVerification, code: verification }],
        },
      }
    : {}),
});

const due = (p: Patient, history: Resource[], items: readonly ScreeningItem[] = ALL, asOf = ASOF) =>
  dueItems(p, history, asOf, items, 'UTC');

describe('screening eligibility', () => {
  describe('mammogram (USPSTF 2024: women 40-74, every 2 years)', () => {
    const linda = patient('1971-03-01', 'female');

    test('a woman of 55 whose last mammogram was three years ago is due since her two years ran out', () => {
      const history = [procedure(cpt, '77067', '2023-09-01T10:00:00Z'), report('24606-6', '2023-09-01')];
      expect(due(linda, history, ['mammogram'])).toEqual([
        { item: 'mammogram', lastDoneAt: '2023-09-01', lastTest: 'mammography', dueSince: '2025-09-01' },
      ]);
    });

    test('a mammogram 20 months ago keeps her up to date, whichever code records it', () => {
      for (const record of [
        procedure(cpt, '77067', '2025-02-10'),
        procedure(snomed, '71651007', '2025-02-10'),
        report('24606-6', '2025-02-10'),
      ]) {
        expect(due(linda, [record], ['mammogram'])).toEqual([]);
      }
    });

    test('men, and women under 40 or over 74, are not eligible', () => {
      expect(due(patient('1971-03-01', 'male'), [], ['mammogram'])).toEqual([]);
      expect(due(patient('1987-01-01', 'female'), [], ['mammogram'])).toEqual([]); // 39
      expect(due(patient('1951-10-15', 'female'), [], ['mammogram'])).toEqual([]); // 75 today
      expect(due(patient('1951-10-16', 'female'), [], ['mammogram'])).toHaveLength(1); // 74 until tomorrow
    });

    test('a woman never screened is due since her 40th birthday, with no last date', () => {
      expect(due(patient('1980-06-30', 'female'), [], ['mammogram'])).toEqual([
        { item: 'mammogram', dueSince: '2020-06-30' },
      ]);
    });

    test('breast cancer on record takes her out of screening (surveillance instead); a refuted one does not', () => {
      expect(due(linda, [condition(icd10cm, 'C50.911')], ['mammogram'])).toEqual([]);
      expect(due(linda, [condition(icd10cm, 'C50911')], ['mammogram'])).toEqual([]);
      expect(due(linda, [condition(icd10cm, 'C50.911', 'refuted')], ['mammogram'])).toHaveLength(1);
    });

    test('US Core birth sex decides over administrative gender; an unknown sex is never assumed', () => {
      const birthSex = (code: string) => ({
        extension: [
          { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: code },
        ],
      });
      expect(due(patient('1971-03-01', 'other', birthSex('F')), [], ['mammogram'])).toHaveLength(1);
      expect(due(patient('1971-03-01', 'female', birthSex('M')), [], ['mammogram'])).toEqual([]);
      expect(due(patient('1971-03-01', 'unknown'), [], ['mammogram'])).toEqual([]);
    });
  });

  describe('colorectal screening (USPSTF 2021: 45-75, each test its own interval)', () => {
    const james = patient('1966-02-01', 'male');

    test('a colonoscopy four years ago covers him although his last FIT is two years old', () => {
      const history = [procedure(cpt, '45378', '2022-05-01'), observation('29771-3', '2024-09-01')];
      expect(due(james, history, ['colorectal-screening'])).toEqual([]);
    });

    test('a FIT 13 months ago alone has run out: due since its year ended', () => {
      expect(due(james, [observation('29771-3', '2025-09-01')], ['colorectal-screening'])).toEqual([
        {
          item: 'colorectal-screening',
          lastDoneAt: '2025-09-01',
          lastTest: 'fit-or-gfobt',
          dueSince: '2026-09-01',
        },
      ]);
    });

    test('an sDNA-FIT covers three years, CT colonography five, a colonoscopy ten', () => {
      expect(due(james, [observation('77354-9', '2024-01-01')], ['colorectal-screening'])).toEqual([]);
      expect(due(james, [observation('77354-9', '2023-01-01')], ['colorectal-screening'])).toHaveLength(1);
      expect(due(james, [procedure(cpt, '74263', '2022-01-01')], ['colorectal-screening'])).toEqual([]);
      expect(due(james, [procedure(cpt, '45378', '2016-10-16')], ['colorectal-screening'])).toEqual([]);
      expect(due(james, [procedure(cpt, '45378', '2016-10-15')], ['colorectal-screening'])).toEqual([
        {
          item: 'colorectal-screening',
          lastDoneAt: '2016-10-15',
          lastTest: 'colonoscopy',
          dueSince: '2026-10-15',
        },
      ]);
    });

    test('never screened at 60: due since his 45th birthday', () => {
      expect(due(james, [], ['colorectal-screening'])).toEqual([
        { item: 'colorectal-screening', dueSince: '2011-02-01' },
      ]);
    });

    test('a test that ran out before he turned 45 makes him due from his 45th birthday', () => {
      const young = patient('1980-01-10', 'male'); // 46
      expect(due(young, [observation('29771-3', '2020-01-01')], ['colorectal-screening'])).toEqual([
        {
          item: 'colorectal-screening',
          lastDoneAt: '2020-01-01',
          lastTest: 'fit-or-gfobt',
          dueSince: '2025-01-10',
        },
      ]);
    });
  });

  describe('cervical screening (USPSTF 2018: women 21-65)', () => {
    const emily = patient('1996-04-01', 'female'); // 30

    test('cytology covers three years: done four years ago, she is due', () => {
      expect(due(emily, [observation('10524-7', '2022-10-01')], ['cervical-screening'])).toEqual([
        {
          item: 'cervical-screening',
          lastDoneAt: '2022-10-01',
          lastTest: 'cervical-cytology',
          dueSince: '2025-10-01',
        },
      ]);
    });

    test('an HPV test counts for five years when done at 30 or older, not before', () => {
      const older = patient('1986-04-01', 'female'); // 40
      expect(due(older, [observation('21440-3', '2022-10-01')], ['cervical-screening'])).toEqual([]); // at 36
      expect(due(emily, [observation('21440-3', '2023-10-01')], ['cervical-screening'])).toEqual([
        // At 27 an HPV test alone is not the recommended screening: as if never screened.
        { item: 'cervical-screening', dueSince: '2017-04-01' },
      ]);
    });

    test('no cervix (hysterectomy) means no screening; men and women over 65 are not eligible', () => {
      expect(due(emily, [condition(icd10cm, 'Z90.710')], ['cervical-screening'])).toEqual([]);
      expect(due(patient('1996-04-01', 'male'), [], ['cervical-screening'])).toEqual([]);
      expect(due(patient('1960-01-01', 'female'), [], ['cervical-screening'])).toEqual([]);
    });
  });

  describe('flu shot (CDC: every season, offered from September)', () => {
    const adult = patient('1980-01-01', 'male');

    test('in October, an adult without a shot since 1 August is due since the season began', () => {
      expect(due(adult, [fluShot('2025-10-02')], ['flu-shot'])).toEqual([
        { item: 'flu-shot', lastDoneAt: '2025-10-02', lastTest: 'influenza-vaccine', dueSince: '2026-08-01' },
      ]);
    });

    test('a shot this season covers the season; outside the offer months nobody is enrolled', () => {
      expect(due(adult, [fluShot('2026-09-20')], ['flu-shot'])).toEqual([]);
      expect(due(adult, [], ['flu-shot'], new Date('2026-06-15T02:00:00Z'))).toEqual([]);
      expect(due(adult, [], ['flu-shot'], new Date('2027-01-20T02:00:00Z'))).toEqual([
        { item: 'flu-shot', dueSince: '2026-08-01' },
      ]);
    });

    test('a shot that was not given (not-done) does not count', () => {
      expect(due(adult, [fluShot('2026-09-20', 'not-done')], ['flu-shot'])).toHaveLength(1);
    });
  });

  describe('annual visit (Medicare wellness visit, every 12 months)', () => {
    const adult = patient('1976-05-05', 'female');

    test('a preventive visit 11 months ago covers; 13 months ago she is due', () => {
      expect(due(adult, [visit('2025-11-20T09:00:00Z')], ['annual-visit'])).toEqual([]);
      expect(due(adult, [visit('2025-09-10T09:00:00Z')], ['annual-visit'])).toEqual([
        {
          item: 'annual-visit',
          lastDoneAt: '2025-09-10',
          lastTest: 'preventive-visit',
          dueSince: '2026-09-10',
        },
      ]);
    });

    test('under 18 there is no yearly check-up outreach', () => {
      expect(due(patient('2010-01-01', 'female'), [], ['annual-visit'])).toEqual([]);
    });
  });

  describe('what counts as done', () => {
    const linda = patient('1971-03-01', 'female');

    test('preliminary results, procedures not completed and records dated in the future do not count', () => {
      for (const record of [
        observation('24606-6', '2026-01-01', 'preliminary'),
        procedure(cpt, '77067', '2026-01-01', 'not-done'),
        procedure(cpt, '77067', '2026-01-01', 'in-progress'),
        procedure(cpt, '77067', '2026-12-01'),
      ]) {
        expect(due(linda, [record], ['mammogram'])).toEqual([{ item: 'mammogram', dueSince: '2011-03-01' }]);
      }
    });

    test('a dateTime keeps the date it was written with, not the UTC one', () => {
      expect(due(linda, [procedure(cpt, '77067', '2024-10-15T23:30:00-05:00')], ['mammogram'])).toEqual([
        { item: 'mammogram', lastDoneAt: '2024-10-15', lastTest: 'mammography', dueSince: '2026-10-15' },
      ]);
    });

    test('a code of another test, or the right code under another system, is not this test', () => {
      expect(due(linda, [procedure(cpt, '45378', '2026-01-01')], ['mammogram'])).toHaveLength(1);
      expect(due(linda, [procedure(loinc, '77067', '2026-01-01')], ['mammogram'])).toHaveLength(1);
    });
  });

  describe('exclusions recorded as procedures (HEDIS BCS-E, COL-E, CCS-E)', () => {
    const linda = patient('1971-03-01', 'female');
    const james = patient('1966-02-01', 'male');
    const side = (code: string) => ({ bodySite: [{ coding: [{ system: snomed, code }] }] });
    const mastectomy = (at: string, extra: Partial<Procedure> = {}): Procedure => ({
      ...procedure(cpt, '19303', at),
      ...extra,
    });

    test('[HZ-64] a bilateral mastectomy, a total colectomy or a total hysterectomy takes the patient out of that screening only', () => {
      const all = ['mammogram', 'colorectal-screening', 'cervical-screening'] as const;
      const items = (p: Patient, history: Resource[]) => due(p, history, all).map((item) => item.item);
      expect(items(linda, [procedure(snomed, '27865001', '2019-01-01')])).toEqual([
        'colorectal-screening',
        'cervical-screening',
      ]);
      expect(items(james, [procedure(cpt, '44150', '2019-01-01')])).toEqual([]);
      const emily = patient('1976-04-01', 'female');
      expect(items(emily, [procedure(cpt, '58150', '2019-01-01')])).toEqual([
        'mammogram',
        'colorectal-screening',
      ]);
      // Planned or not done: no exclusion.
      expect(items(linda, [procedure(snomed, '27865001', '2019-01-01', 'not-done')])).toHaveLength(3);
    });

    test('[HZ-68] two one-sided mastectomies add up to both sides: right and left, or 14 days apart with no side', () => {
      const mammogram = (history: Resource[]) => due(linda, history, ['mammogram']);
      expect(mammogram([mastectomy('2019-01-01', side('24028007'))])).toHaveLength(1);
      expect(
        mammogram([mastectomy('2019-01-01', side('24028007')), mastectomy('2020-03-01', side('7771000'))]),
      ).toEqual([]);
      expect(mammogram([mastectomy('2019-01-01'), mastectomy('2019-01-20')])).toEqual([]);
      // The same operation filed twice a few days apart is not two.
      expect(mammogram([mastectomy('2019-01-01'), mastectomy('2019-01-05')])).toHaveLength(1);
      expect(
        mammogram([mastectomy('2019-01-01', side('24028007')), mastectomy('2020-01-01', side('24028007'))]),
      ).toHaveLength(1);
      expect(mammogram([mastectomy('2019-01-01', side('51440002'))])).toEqual([]);
      expect(mammogram([condition(icd10cm, 'Z90.11'), condition(icd10cm, 'Z90.12')])).toEqual([]);
    });

    test('[HZ-69] a supracervical hysterectomy leaves the cervix: she is still screened', () => {
      const emily = patient('1976-04-01', 'female');
      expect(due(emily, [procedure(cpt, '58180', '2019-01-01')], ['cervical-screening'])).toHaveLength(1);
    });

    test('[HZ-64] the finder asks the EHR for exclusion procedures as well as screening tests', () => {
      const tokens = historySearches(['mammogram', 'cervical-screening'])
        .filter((search) => search.resourceType === 'Procedure')
        .flatMap((search) => search.tokens);
      expect(tokens).toEqual(expect.arrayContaining([`${snomed}|27865001`, `${cpt}|19303`, `${cpt}|58150`]));
    });
  });

  test('[HZ-63] the program setting, not a constant, says how long a test whose interval no source fixes covers', () => {
    const james = patient('1966-02-01', 'male');
    const sigmoidoscopy = [procedure(cpt, '45330', '2020-06-01')];
    expect(due(james, sigmoidoscopy, ['colorectal-screening'])).toEqual([
      {
        item: 'colorectal-screening',
        lastDoneAt: '2020-06-01',
        lastTest: 'flexible-sigmoidoscopy',
        dueSince: '2025-06-01',
      },
    ]);
    const tenYears = (test: string) => (test === 'flexible-sigmoidoscopy' ? 120 : 12);
    expect(dueItems(james, sigmoidoscopy, ASOF, ['colorectal-screening'], 'UTC', tenYears as never)).toEqual(
      [],
    );
  });

  describe("the patient's own date (time zone)", () => {
    // 03:30 UTC on 1 March is still 28 February in Chicago.
    const asOf = new Date('2026-03-01T03:30:00Z');
    const chicago = {
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/tz-code', valueCode: 'America/Chicago' }],
    };

    test('[HZ-66] a patient turns 40 on her own birthday in her zone, not a day early at UTC midnight', () => {
      const turning40 = patient('1986-03-01', 'female', chicago);
      expect(dueItems(turning40, [], asOf, ['mammogram'], 'UTC')).toEqual([]);
      expect(dueItems(turning40, [], new Date('2026-03-01T06:30:00Z'), ['mammogram'], 'UTC')).toHaveLength(1);
      // No zone on the record: the organisation's zone, never UTC by default.
      const noZone = patient('1986-03-01', 'female');
      expect(dueItems(noZone, [], asOf, ['mammogram'], 'America/Chicago')).toEqual([]);
      expect(dueItems(noZone, [], asOf, ['mammogram'], 'Europe/Warsaw')).toHaveLength(1);
    });

    test('[HZ-66] the flu season opens on 1 September in the patient zone', () => {
      const adult = patient('1980-01-01', 'male', chicago);
      expect(dueItems(adult, [], new Date('2026-09-01T03:00:00Z'), ['flu-shot'], 'UTC')).toEqual([]);
      expect(dueItems(adult, [], new Date('2026-09-01T06:00:00Z'), ['flu-shot'], 'UTC')).toHaveLength(1);
    });

    test('[HZ-66] the birth-date range is widened so a patient whose date differs from the organisation is still searched', () => {
      const range = birthdateRange(['mammogram'], '2026-03-01', 2);
      expect(range.bornOnOrBefore).toBe('1986-03-03');
    });
  });

  describe('patients due for nothing', () => {
    test('deceased and inactive patients, and patients without a birth date', () => {
      expect(due(patient('1971-03-01', 'female', { deceasedBoolean: true }), [])).toEqual([]);
      expect(due(patient('1971-03-01', 'female', { deceasedDateTime: '2026-01-01' }), [])).toEqual([]);
      expect(due(patient('1971-03-01', 'female', { active: false }), [])).toEqual([]);
      expect(due({ resourceType: 'Patient', gender: 'female' }, [])).toEqual([]);
    });
  });

  test('the due cycle of a patient stays the same on later nights, so one cycle means one enrolment', () => {
    const linda = patient('1971-03-01', 'female');
    const history = [procedure(cpt, '77067', '2023-09-01')];
    const tonight = due(linda, history, ['mammogram', 'colorectal-screening', 'annual-visit']);
    const nextMonth = due(
      linda,
      history,
      ['mammogram', 'colorectal-screening', 'annual-visit'],
      new Date('2026-11-15'),
    );
    expect(nextMonth).toEqual(tonight);
    expect(tonight.map((item) => item.item)).toEqual(['mammogram', 'colorectal-screening', 'annual-visit']);
  });

  test('eligibility before the record: age and sex only', () => {
    expect(eligibleItems(patient('1971-03-01', 'female'), ASOF, ALL, 'UTC')).toEqual([
      'mammogram',
      'flu-shot',
      'annual-visit',
      'colorectal-screening',
      'cervical-screening',
    ]);
    expect(eligibleItems(patient('2000-01-01', 'male'), ASOF, ALL, 'UTC')).toEqual([
      'flu-shot',
      'annual-visit',
    ]);
  });
});

describe('how the finder asks the EHR', () => {
  test('history searches ask for the codes of the chosen items only, in batches a URL can carry', () => {
    const searches = historySearches(['mammogram']);
    expect(searches.map((search) => search.resourceType).sort()).toEqual([
      'Condition',
      'DiagnosticReport',
      'Observation',
      'Procedure',
    ]);
    const procedureTokens = searches
      .filter((search) => search.resourceType === 'Procedure')
      .flatMap((s) => s.tokens);
    expect(procedureTokens).toContain(`${cpt}|77067`);
    expect(procedureTokens).not.toContain(`${cpt}|45378`);
    // Conditions are read whole: exclusions match ICD-10 by prefix, which token search cannot.
    expect(searches.find((search) => search.resourceType === 'Condition')?.tokens).toEqual([]);
    for (const search of historySearches(ALL)) expect(search.tokens.length).toBeLessThanOrEqual(40);
    expect(historySearches(['flu-shot']).find((s) => s.resourceType === 'Immunization')?.codeParameter).toBe(
      'vaccine-code',
    );
    expect(historySearches(['annual-visit']).find((s) => s.resourceType === 'Encounter')?.codeParameter).toBe(
      'type',
    );
  });

  test('birth-date slices walk from the youngest eligible to the oldest and stop there', () => {
    const range = birthdateRange(['mammogram'], '2026-10-15');
    expect(range).toEqual({ bornAfter: '1951-10-15', bornOnOrBefore: '1986-10-15' });
    expect(ageOn('1986-10-15', '2026-10-15')).toBe(40);
    expect(ageOn('1951-10-16', '2026-10-15')).toBe(74);

    let cursor: { bornOnOrBefore: string } | undefined = { bornOnOrBefore: range.bornOnOrBefore };
    const slices = [];
    while (cursor) {
      const slice = sliceAt(cursor, 365 * 10, range.bornAfter);
      slices.push(slice);
      cursor = cursorAfter(slice, range.bornAfter);
    }
    expect(slices[0]).toEqual({ bornAfter: '1976-10-17', bornOnOrBefore: '1986-10-15' });
    expect(slices.at(-1)!.bornAfter).toBe('1951-10-15');
    // Adjacent slices share no day and leave none out.
    for (let index = 1; index < slices.length; index += 1) {
      expect(slices[index]!.bornOnOrBefore).toBe(slices[index - 1]!.bornAfter);
    }
  });

  test('calendar months end on the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', 24)).toBe('2025-08-31');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
});

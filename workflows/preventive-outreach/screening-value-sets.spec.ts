import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  exclusionRules,
  SCREENING_CODE_SYSTEMS,
  screeningTestIds,
  screeningTests,
} from './screening-value-sets';

describe('screening value sets', () => {
  test('name their code systems as the inbound rules do', () => {
    const { loinc, snomed, cpt, cvx, icd10cm, hcpcs } = CODE_SYSTEMS;
    expect(SCREENING_CODE_SYSTEMS).toEqual({ loinc, snomed, cpt, cvx, icd10cm, hcpcs });
  });

  test('[HZ-61] a code belongs to one item only, so a recorded test closes its own outreach and no other', () => {
    const itemOf = new Map<string, string>();
    for (const id of screeningTestIds) {
      const test = screeningTests[id];
      expect(test.id).toBe(id);
      for (const match of test.codes) {
        for (const code of match.codes) {
          const key = `${match.system}|${code}`;
          expect([undefined, test.item]).toContain(itemOf.get(key));
          itemOf.set(key, test.item);
        }
      }
    }
  });

  test('[HZ-69] no exclusion procedure is also a screening test, and a supracervical hysterectomy is no exclusion', () => {
    const testCodes = new Set(
      Object.values(screeningTests).flatMap((test) =>
        test.codes.flatMap((match) => match.codes.map((code) => `${match.system}|${code}`)),
      ),
    );
    const exclusionCodes = exclusionRules.flatMap((rule) =>
      [...(rule.procedures ?? []), ...(rule.unilateralProcedures ?? [])].flatMap((match) =>
        match.codes.map((code) => `${match.system}|${code}`),
      ),
    );
    expect(exclusionCodes.filter((code) => testCodes.has(code))).toEqual([]);
    for (const supracervical of ['58180', '58541', '58542', '58543', '58544']) {
      expect(exclusionCodes).not.toContain(`${CODE_SYSTEMS.cpt}|${supracervical}`);
    }
  });

  test('[HZ-63] each test keeps its own interval: colonoscopy 10 years, FIT 1, sigmoidoscopy 5, cytology 3, HPV 5', () => {
    expect(screeningTests.colonoscopy.validForMonths).toBe(120);
    expect(screeningTests['fit-or-gfobt'].validForMonths).toBe(12);
    expect(screeningTests['flexible-sigmoidoscopy'].validForMonths).toBe(60);
    expect(screeningTests['cervical-cytology'].validForMonths).toBe(36);
    expect(screeningTests['hpv-test'].validForMonths).toBe(60);
    expect(screeningTests.mammography.validForMonths).toBe(24);
  });
});

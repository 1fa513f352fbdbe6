import { decideExclusion, decideScreeningDone } from './screening-record';
import { screeningTests } from './screening-value-sets';

const context = (item: Parameters<typeof decideScreeningDone>[1]['item'], today = '2026-11-20') => ({
  item,
  today,
  intervalOf: (test: keyof typeof screeningTests) => screeningTests[test].validForMonths,
});

describe(decideScreeningDone.name, () => {
  test('[HZ-71] a flu shot from last season does not close this season’s outreach; one since 1 August does', () => {
    expect(
      decideScreeningDone({ at: '2025-12-10', test: 'influenza-vaccine' }, context('flu-shot')).kind,
    ).toBe('note');
    expect(
      decideScreeningDone({ at: '2026-08-01', test: 'influenza-vaccine' }, context('flu-shot')).kind,
    ).toBe('complete');
    // In January the season that began last August is still on.
    expect(
      decideScreeningDone({ at: '2025-09-15', test: 'influenza-vaccine' }, context('flu-shot', '2026-01-10'))
        .kind,
    ).toBe('complete');
  });

  test('[HZ-61] a record dated after today, or past its cover, keeps the outreach going; a test of another item is refused', () => {
    expect(
      decideScreeningDone({ at: '2026-11-25', test: 'colonoscopy' }, context('colorectal-screening')).kind,
    ).toBe('note');
    expect(
      decideScreeningDone({ at: '2016-11-20', test: 'colonoscopy' }, context('colorectal-screening')).kind,
    ).toBe('note');
    expect(
      decideScreeningDone({ at: '2016-11-21', test: 'colonoscopy' }, context('colorectal-screening')).kind,
    ).toBe('complete');
    expect(
      decideScreeningDone({ at: '2026-11-01', test: 'mammography' }, context('colorectal-screening')).kind,
    ).toBe('refuse');
  });
});

describe(decideExclusion.name, () => {
  test('[HZ-65] an exclusion for another item is refused', () => {
    expect(
      decideExclusion({ reason: 'hysterectomy-no-cervix', code: 'x' }, context('mammogram'), []).kind,
    ).toBe('refuse');
    expect(
      decideExclusion({ reason: 'total-colectomy', code: 'x' }, context('colorectal-screening'), []).kind,
    ).toBe('exclude');
  });
});

import { prediabetesCareEvent, prediabetesCareParams } from './prediabetes-care.contract';
import { prediabetesCareSettings } from './prediabetes-care.settings';

const issuesOf = (params: unknown) => {
  const result = prediabetesCareParams().safeParse(params);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('prediabetes-care parameters', () => {
  test.each([
    ['an A1C of 5.7 %', { kind: 'hba1c', value: 5.7 }],
    ['an A1C of 6.4 %', { kind: 'hba1c', value: 6.4 }],
    ['a fasting glucose of 100 mg/dL', { kind: 'fasting-glucose', value: 100 }],
    ['a fasting glucose of 125 mg/dL', { kind: 'fasting-glucose', value: 125 }],
    ['a 2-h OGTT of 199 mg/dL', { kind: 'ogtt', value: 199 }],
    ['a prediabetes condition without a value', { kind: 'condition' }],
  ])('%s enrols', (_label, entry) => {
    expect(issuesOf({ entry })).toEqual([]);
  });

  test.each([
    ['an A1C of 6.5 %', { kind: 'hba1c', value: 6.5 }],
    ['a fasting glucose of 126 mg/dL', { kind: 'fasting-glucose', value: 126 }],
    ['a 2-h OGTT of 200 mg/dL', { kind: 'ogtt', value: 200 }],
  ])('%s is in the diabetes range and belongs in diabetes care', (_label, entry) => {
    expect(issuesOf({ entry })).toEqual([
      expect.stringMatching(/^entry\.value: is in the diabetes range .*diabetes care/),
    ]);
  });

  test.each([
    ['an A1C of 5.6 %', { kind: 'hba1c', value: 5.6 }],
    ['a fasting glucose of 99 mg/dL', { kind: 'fasting-glucose', value: 99 }],
    ['a 2-h OGTT of 139 mg/dL', { kind: 'ogtt', value: 139 }],
  ])('%s is below the prediabetes range', (_label, entry) => {
    expect(issuesOf({ entry })).toEqual([
      expect.stringMatching(/^entry\.value: is below the prediabetes range/),
    ]);
  });

  test('a test entry needs its value, a minor is not eligible, and unknown fields are refused', () => {
    expect(issuesOf({ entry: { kind: 'hba1c' } })).toHaveLength(1);
    expect(issuesOf({ entry: { kind: 'condition' }, ageYears: 16 })).toEqual([
      expect.stringContaining('ageYears: the program is for adults'),
    ]);
    expect(issuesOf({ entry: { kind: 'condition' }, name: 'Jane' })).toHaveLength(1);
    expect(issuesOf({ entry: { kind: 'condition' }, timeZone: 'Mars/Olympus' })).toHaveLength(1);
  });
});

describe('prediabetes-care events and settings', () => {
  test('readings outside plausible bounds are refused', () => {
    expect(
      prediabetesCareEvent().safeParse({ type: 'reading', metric: 'weight-kg', value: 82.4 }).success,
    ).toBe(true);
    expect(
      prediabetesCareEvent().safeParse({ type: 'reading', metric: 'weight-kg', value: 824 }).success,
    ).toBe(false);
    expect(
      prediabetesCareEvent().safeParse({ type: 'reading', metric: 'hba1c-percent', value: 58 }).success,
    ).toBe(false);
    expect(prediabetesCareEvent().safeParse({ type: 'reading', metric: 'steps', value: 5000 }).success).toBe(
      false,
    );
  });

  test('every setting has a default and a description', () => {
    const defaults = prediabetesCareSettings.parse({});
    expect(defaults).toMatchObject({
      coreSessions: 16,
      coreIntervalDays: 7,
      maintenanceIntervalDays: 30,
      programMonths: 12,
      inactivityWindowHours: 48,
      reviewAfterWeeks: 6,
      channel: 'portal',
    });
    for (const [key, field] of Object.entries(prediabetesCareSettings.shape)) {
      expect({ key, description: field.description ?? '' }).toEqual({
        key,
        description: expect.stringMatching(/\S/),
      });
    }
  });
});

describe('[HZ-13] A1C and glucose in the unit the laboratory reported', () => {
  test('[HZ-13] an A1C entry in mmol/mol is judged against the IFCC limits (39-47 prediabetes, 48 diabetes)', () => {
    expect(issuesOf({ entry: { kind: 'hba1c', value: 47, unit: 'mmol/mol' } })).toEqual([]);
    expect(issuesOf({ entry: { kind: 'hba1c', value: 39, unit: 'mmol/mol' } })).toEqual([]);
    expect(issuesOf({ entry: { kind: 'hba1c', value: 48, unit: 'mmol/mol' } })).toEqual([
      expect.stringMatching(/is in the diabetes range \(HbA1c >= 48 mmol\/mol\)/),
    ]);
    expect(issuesOf({ entry: { kind: 'hba1c', value: 38, unit: 'mmol/mol' } })).toEqual([
      expect.stringMatching(
        /below the prediabetes range \(the prediabetes range is 39 to below 48 mmol\/mol\)/,
      ),
    ]);
    expect(issuesOf({ entry: { kind: 'fasting-glucose', value: 6.5, unit: 'mmol/L' } })).toEqual([]);
    expect(issuesOf({ entry: { kind: 'fasting-glucose', value: 7.0, unit: 'mmol/L' } })).toHaveLength(1);
  });

  test('[HZ-13] an A1C reading in mmol/mol is accepted; a unit the metric does not take is refused', () => {
    const reading = (fields: object) =>
      prediabetesCareEvent().safeParse({ type: 'reading', metric: 'hba1c-percent', ...fields });
    expect(reading({ value: 47, unit: 'mmol/mol' }).success).toBe(true);
    expect(reading({ value: 47 }).success).toBe(false);
    expect(reading({ value: 6.1, unit: 'mg/dL' }).success).toBe(false);
  });

  test('[HZ-10] true extreme glucose values are readings, not implausible ones', () => {
    const glucose = (value: number, unit?: string) =>
      prediabetesCareEvent().safeParse({
        type: 'reading',
        metric: 'fasting-glucose-mg-dl',
        value,
        ...(unit ? { unit } : {}),
      }).success;
    expect(glucose(15)).toBe(true);
    expect(glucose(1100)).toBe(true);
    expect(glucose(1.2, 'mmol/L')).toBe(true);
    expect(glucose(5)).toBe(false);
  });

  test('a laboratory result must say when the sample was taken', () => {
    expect(
      prediabetesCareEvent().safeParse({
        type: 'reading',
        metric: 'hba1c-percent',
        value: 6.1,
        source: 'laboratory',
      }).success,
    ).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * What the program's messages may say. A diagnosis is a clinician's to give, in person: no
 * automated message tells a patient they have diabetes, whatever started the referral.
 */
const dir = join(__dirname, 'wording');
const templates = readdirSync(dir)
  .filter((file) => file.endsWith('.hbs'))
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));

const STATES_A_DIAGNOSIS =
  /(shows?|have|has|confirms?) diabetes|diagnos|indican diabetes|tiene diabetes|diagnóstic|confirman diabetes/i;

describe('[HZ-18] prediabetes-care wording', () => {
  test('[HZ-18] no message tells the patient they have diabetes or names a diagnosis', () => {
    expect(templates.length).toBeGreaterThan(40);
    expect(templates.filter(({ text }) => STATES_A_DIAGNOSIS.test(text)).map(({ file }) => file)).toEqual([]);
  });

  test('[HZ-18] [HZ-19] the critical-value message carries no value and no diagnosis, only a request to call today', () => {
    const critical = templates.filter(({ file }) => file.startsWith('critical-value.'));
    expect(critical).toHaveLength(4);
    for (const { text } of critical) expect(text).not.toMatch(/\{\{|\d|diabet|hipogluc|hypoglyc/i);
  });
});

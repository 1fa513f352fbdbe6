import { plainTextProblem } from './plain-text';

describe(plainTextProblem.name, () => {
  const oneLine = { multiline: false };
  test('takes ordinary names and reasons in any script', () => {
    for (const text of ['María José', 'Zoë O’Brien', '王小明', 'محمد', 'Patient in hospital for two weeks']) {
      expect(plainTextProblem(text, oneLine)).toBeUndefined();
    }
  });
  test.each([
    ['a NUL', 'Ann\u0000a', 'control'],
    ['an escape', 'Ann\u001b[31m', 'control'],
    ['a right-to-left override', 'Pay \u202Eeerf', 'text-direction'],
    ['a CRLF', 'line one\r\nBcc: x', 'one line'],
    ['zero-width characters only', '\u200b\u200c\u200d', 'visible'],
    ['blanks only', ' \t ', 'visible'],
  ])('refuses %s', (_, text, reason) => {
    expect(plainTextProblem(text, oneLine)).toMatch(reason);
  });
  test('lets notes span lines when they may', () => {
    expect(plainTextProblem('first\nsecond', { multiline: true })).toBeUndefined();
  });
});

import { isTimeZone } from './contract-fields';

describe('isTimeZone', () => {
  test('accepts an IANA zone, again when it is asked a second time', () => {
    expect(isTimeZone('Europe/Warsaw')).toBe(true);
    expect(isTimeZone('Europe/Warsaw')).toBe(true);
  });

  test('refuses a name that is no zone, however often it is asked', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

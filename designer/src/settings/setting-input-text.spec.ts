import { describe, expect, test } from '@jest/globals';
import {
  formatListText,
  formatStructuredText,
  parseListText,
  parseNumberInput,
  parseStructuredText,
} from './setting-input-text';

describe('setting input text', () => {
  test('an empty number input is no value, anything else a number', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput(' 36 ')).toBe(36);
    expect(parseNumberInput('0.5')).toBe(0.5);
  });

  test('comma-separated lists round-trip, numbers as numbers', () => {
    expect(formatListText([1, 3, 7])).toBe('1, 3, 7');
    expect(parseListText('1, 3,, 7 ,', 'number')).toEqual([1, 3, 7]);
    expect(parseListText('a, b', 'string')).toEqual(['a', 'b']);
  });

  test('a list item that is not a number is kept as typed, for validation to name', () => {
    expect(parseListText('1, soon', 'number')).toEqual([1, 'soon']);
  });

  test('structured text is JSON; unreadable JSON is kept as typed', () => {
    const steps = [{ afterDays: 0 }];
    expect(parseStructuredText(formatStructuredText(steps))).toEqual({ readable: true, value: steps });
    expect(parseStructuredText('[{ afterDays: 0 ]')).toEqual({ readable: false, value: '[{ afterDays: 0 ]' });
  });
});

import { describe, expect, test } from '@jest/globals';
import { placeProblems, problemCount, withoutProblemsOf } from './field-problems';

const paths = ['reminderLeadHours', 'escalation.steps', 'escalation.closeAfterDays', 'channelOrder'];

describe('placeProblems', () => {
  test('a problem on a leaf is placed on its field', () => {
    const placed = placeProblems([{ field: 'settings.reminderLeadHours', message: 'Too big' }], paths);
    expect(placed.byPath.get('reminderLeadHours')).toEqual(['Too big']);
    expect(placed.general).toEqual([]);
  });

  test('a problem inside a list is placed on the list and says where inside', () => {
    const placed = placeProblems(
      [{ field: 'settings.escalation.steps.1.afterDays', message: 'must be at least 0' }],
      paths,
    );
    expect(placed.byPath.get('escalation.steps')).toEqual(['row 2: must be at least 0']);
    expect(placed.atPath.get('escalation.steps.1.afterDays')).toEqual(['must be at least 0']);
  });

  test('problems without a known field concern the whole draft', () => {
    const placed = placeProblems(
      [
        { field: 'settings', message: 'Unrecognized key: "extra"' },
        { message: 'The settings are not valid.' },
        { field: 'settings.escalation', message: 'closeAfterDays must come after the last step' },
      ],
      paths,
    );
    expect(placed.byPath.size).toBe(0);
    expect(placed.general).toEqual([
      'Unrecognized key: "extra"',
      'The settings are not valid.',
      'escalation: closeAfterDays must come after the last step',
    ]);
    expect(problemCount(placed)).toBe(3);
  });

  test('editing a field drops its problems and keeps the others', () => {
    const placed = placeProblems(
      [
        { field: 'settings.reminderLeadHours', message: 'Too big' },
        { field: 'settings.channelOrder', message: 'Unknown channel' },
      ],
      paths,
    );
    const after = withoutProblemsOf(placed, 'reminderLeadHours');
    expect([...after.byPath.keys()]).toEqual(['channelOrder']);
    expect(problemCount(after)).toBe(1);
  });
});

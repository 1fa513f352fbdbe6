/** @jest-environment jsdom */
import { describe, expect, jest, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ObjectListInput } from './ObjectListInput';
import { rowShapes } from './row-schema';
import type { SettingField } from './setting-fields';

const stepsSchema = {
  type: 'array',
  items: {
    oneOf: [
      {
        type: 'object',
        properties: {
          afterDays: { type: 'number', minimum: 0, maximum: 365, title: 'After', unit: 'days' },
          action: { type: 'string', const: 'message' },
          channel: { type: 'string', enum: ['default', 'sms'], title: 'Channel' },
          respondWithinHours: {
            type: 'integer',
            minimum: 1,
            maximum: 72,
            title: 'Respond within',
            unit: 'hours',
          },
        },
        required: ['afterDays', 'action', 'channel'],
      },
      {
        type: 'object',
        properties: {
          afterDays: { type: 'number', minimum: 0, maximum: 365, title: 'After', unit: 'days' },
          action: { type: 'string', const: 'staff-call' },
          dueWithinHours: {
            type: 'integer',
            minimum: 1,
            maximum: 336,
            title: 'Call due within',
            unit: 'hours',
          },
        },
        required: ['afterDays', 'action', 'dueWithinHours'],
      },
    ],
  },
};

const field: SettingField = {
  path: 'escalation.steps',
  group: 'Escalation plan',
  label: 'Steps',
  kind: 'rows',
  shapes: rowShapes(stepsSchema),
};

type Row = Record<string, unknown>;

function Harness({
  initial,
  onRows,
  problems = {},
}: {
  initial: Row[];
  onRows: (rows: Row[]) => void;
  problems?: Record<string, string[]>;
}) {
  const [rows, setRows] = useState(initial);
  return (
    <ObjectListInput
      field={field}
      rows={rows}
      control={{ id: 'steps', 'aria-invalid': false, 'aria-describedby': undefined }}
      problemsAt={(path) => problems[path] ?? []}
      onChange={(next) => {
        setRows(next);
        onRows(next);
      }}
    />
  );
}

const start: Row[] = [
  { afterDays: 0, action: 'message', channel: 'sms', respondWithinHours: 24 },
  { afterDays: 3, action: 'staff-call', dueWithinHours: 24 },
];

describe(ObjectListInput.name, () => {
  test('each row is a group of labelled fields, with units, and the problem beside its field', () => {
    render(
      <Harness
        initial={start}
        onRows={() => {}}
        problems={{ 'escalation.steps.0.respondWithinHours': ['Respond within (hours) must be at most 72.'] }}
      />,
    );
    const first = screen.getByRole('group', { name: 'Steps, Row 1' });
    const respond = within(first).getByRole('spinbutton', { name: /Respond within \(hours\)/ });
    expect(respond.getAttribute('aria-invalid')).toBe('true');
    expect(respond.getAttribute('aria-describedby')).toContain('problems');
    expect(within(first).getByText('Respond within (hours) must be at most 72.')).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Steps, Row 2' })).getByRole('spinbutton', {
        name: /Call due within \(hours\)/,
      }),
    ).toBeTruthy();
  });

  test('rows are added, moved, reshaped and removed; an emptied optional number is left out', async () => {
    const user = userEvent.setup();
    const onRows = jest.fn<(rows: Row[]) => void>();
    render(<Harness initial={start} onRows={onRows} />);
    const last = () => onRows.mock.calls.at(-1)![0];

    await user.clear(
      within(screen.getByRole('group', { name: 'Steps, Row 1' })).getByRole('spinbutton', {
        name: /Respond within/,
      }),
    );
    expect(last()[0]).toEqual({ afterDays: 0, action: 'message', channel: 'sms' });

    await user.click(screen.getByRole('button', { name: 'Add a row: Steps' }));
    expect(last()[2]).toEqual({ action: 'message', afterDays: 0, channel: 'default' });

    await user.selectOptions(
      within(screen.getByRole('group', { name: 'Steps, Row 3' })).getByRole('combobox', { name: /Action/ }),
      'staff-call',
    );
    expect(last()[2]).toEqual({ action: 'staff-call', afterDays: 0, dueWithinHours: 1 });

    await user.click(screen.getByRole('button', { name: 'Move up: Steps, Row 3' }));
    expect(last().map((row) => row.action)).toEqual(['message', 'staff-call', 'staff-call']);
    expect(last()[1]).toEqual({ action: 'staff-call', afterDays: 0, dueWithinHours: 1 });

    await user.click(screen.getByRole('button', { name: 'Remove: Steps, Row 2' }));
    expect(last()).toHaveLength(2);
    expect(last()[1]).toEqual({ afterDays: 3, action: 'staff-call', dueWithinHours: 24 });
  });
});

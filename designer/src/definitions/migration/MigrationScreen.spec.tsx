/** @jest-environment jsdom */
import { describe, expect, jest, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ApiClient } from '../../api';
import { fakePost, unusedGet } from '../../fake-api-client';
import type { MigrationDryRun } from './migration-rows';
import { MigrationScreen } from './MigrationScreen';

type Post = (url: string, body: unknown) => Promise<unknown>;
const DRY_RUN = '/api/journey-definitions/follow-up/migrations/dry-run';
const APPLY = '/api/journey-definitions/follow-up/migrations';

const dryRun: MigrationDryRun = {
  definitionId: 'follow-up',
  fromVersion: 1,
  toVersion: 2,
  counts: { journeys: 3, migrate: 2, refused: 1, stranded: 1, sendingMessages: 1 },
  journeys: [
    {
      journeyId: 'follow-up-a',
      label: 'follow-up-a · invited',
      stage: 'invited',
      node: 'wait-reply',
      outcome: 'migrate',
      landsAt: { node: 'wait-reply', stage: 'invited', kind: 'wait' },
      timers: [
        {
          id: 'wait-reply:timeout',
          label: 'Wait for a reply',
          clock: 'active',
          change: 'moved',
          dueBefore: '2027-01-06T09:00:00.000Z',
          dueAfter: '2026-12-27T09:00:00.000Z',
        },
      ],
      messages: [],
      notes: [],
    },
    {
      journeyId: 'follow-up-b',
      label: 'follow-up-b · following-up',
      stage: 'following-up',
      node: 'check-in',
      outcome: 'migrate',
      landsAt: { node: 'check-in', stage: 'following-up', kind: 'escalation' },
      timers: [],
      messages: [{ step: 'check-in/step-3', key: 'check-in-3', action: 'send', why: 'new step' }],
      notes: [],
    },
    {
      journeyId: 'follow-up-c',
      label: 'follow-up-c · legacy',
      stage: 'legacy',
      node: 'legacy-hold',
      outcome: 'refused',
      refusal: { code: 'node-removed', reason: 'legacy-hold was removed', strands: true },
    },
  ],
};

function renderScreen(post: Post, canApply = true) {
  const client: ApiClient = { get: unusedGet, post: fakePost(post) };
  render(
    <MemoryRouter initialEntries={['/definitions/follow-up/migrate']}>
      <Routes>
        <Route
          path="/definitions/:id/migrate"
          element={<MigrationScreen client={client} canApply={canApply} />}
        />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('MigrationScreen', () => {
  test('a dry run shows each journey; filters narrow the table; the chosen journeys are moved with the note', async () => {
    const post = jest.fn<Post>((url) =>
      Promise.resolve(
        url === DRY_RUN
          ? dryRun
          : {
              definitionId: 'follow-up',
              fromVersion: 1,
              toVersion: 2,
              applied: 1,
              refused: 0,
              failed: 0,
              journeys: [],
            },
      ),
    );
    const user = renderScreen(post);
    await user.type(screen.getByLabelText(/Node mapping/), 'legacy-hold -> hold');
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    expect(post).toHaveBeenCalledWith(DRY_RUN, {
      fromVersion: 1,
      toVersion: 2,
      mapping: { 'legacy-hold': 'hold' },
    });

    const table = await screen.findByRole('table', { name: 'Where each running journey would land' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Refused: legacy-hold was removed')).toBeTruthy();
    await user.click(screen.getByLabelText('Messages would be sent'));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    await user.click(screen.getByLabelText('Messages would be sent'));
    await user.selectOptions(screen.getByLabelText('Lands at'), 'wait-reply');
    expect(within(screen.getByRole('table')).getByText('follow-up-a · invited')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Lands at'), '');
    await user.click(screen.getByLabelText('Refused'));
    expect((screen.getByLabelText('Move follow-up-c') as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByLabelText('Refused'));

    await user.click(screen.getByLabelText('Move follow-up-a'));
    const move = screen.getByRole('button', { name: 'Move 1 chosen journey' }) as HTMLButtonElement;
    expect(move.disabled).toBe(true); // no note yet
    await user.type(screen.getByLabelText(/Note/), 'Shorter reply window');
    await user.click(move);
    expect(post).toHaveBeenCalledWith(APPLY, {
      fromVersion: 1,
      toVersion: 2,
      mapping: { 'legacy-hold': 'hold' },
      journeyIds: ['follow-up-a'],
      batchSize: 10,
      note: 'Shorter reply window',
    });
    expect(await screen.findByText('Moved 1; refused 0; failed 0.')).toBeTruthy();
  });

  test('operators see the dry run but cannot choose or move journeys', async () => {
    const user = renderScreen(() => Promise.resolve(dryRun), false);
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await screen.findByRole('table');
    expect(screen.queryByLabelText('Move follow-up-a')).toBeNull();
    expect(screen.queryByRole('button', { name: /chosen/ })).toBeNull();
  });
});

/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ApiClient } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { ScenarioCheck } from './ScenarioCheck';

const unchanged = {
  name: 'Spanish email never books',
  verdict: 'unchanged',
  messages: { added: [], removed: [], changed: [] },
  tasks: { added: [], removed: [], changed: [] },
  deadlines: { added: [], removed: [], changed: [] },
};
const changed = {
  ...unchanged,
  name: 'English SMS books',
  verdict: 'changed',
  messages: {
    added: [],
    removed: [],
    changed: [
      {
        id: 'invite',
        label: 'screening-invitation',
        changes: [{ field: 'text', before: 'Your screening is due.', after: 'Time to book.' }],
      },
    ],
  },
};

function clientAnswering(answer: () => Promise<unknown>): ApiClient {
  return {
    get: fakeGet((url) =>
      url === '/api/journey-definitions/book-a-screening/draft/scenario-changes'
        ? answer()
        : Promise.reject(new Error(`unexpected GET ${url}`)),
    ),
    post: unusedPost,
  };
}

async function renderCheck(client: ApiClient) {
  await act(async () => {
    render(
      <MemoryRouter>
        <ScenarioCheck client={client} id="book-a-screening" />
      </MemoryRouter>,
    );
  });
}

describe(ScenarioCheck.name, () => {
  test('before publishing, the saved scenarios whose outcome the draft changes are named with what changes', async () => {
    await renderCheck(
      clientAnswering(async () => ({
        definitionId: 'book-a-screening',
        revision: 4,
        publishedVersion: 1,
        changedCount: 1,
        scenarios: [changed, unchanged],
      })),
    );
    const check = await screen.findByRole('region', { name: 'Saved scenarios before publishing' });
    expect(within(check).getByRole('status').textContent).toBe(
      '1 of 2 saved scenario(s) turn out differently from version 1:',
    );
    const item = within(check).getByRole('listitem', { name: 'English SMS books' });
    expect(item.textContent).toContain('Time to book.');
    expect(within(check).queryByRole('listitem', { name: 'Spanish email never books' })).toBeNull();
  });

  test('when every saved scenario turns out as published, it says so', async () => {
    await renderCheck(
      clientAnswering(async () => ({
        definitionId: 'book-a-screening',
        revision: 4,
        publishedVersion: 2,
        changedCount: 0,
        scenarios: [unchanged],
      })),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'All 1 saved scenario(s) turn out as on version 2.',
    );
  });
});

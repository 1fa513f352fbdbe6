/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import type { WritingApiClient } from '../api';
import { fakeGet, fakePost, requestedUrl } from '../fake-api-client';
import type { DefinitionSummary } from './definitions-api';
import { DefinitionsScreen } from './DefinitionsScreen';

const published: DefinitionSummary = {
  id: 'screening-booking',
  title: 'Book a screening',
  createdBy: 'dev-designer',
  createdAt: '2026-12-01T09:00:00.000Z',
  copiedFrom: null,
  revision: 4,
  latestVersion: {
    definitionId: 'screening-booking',
    version: 2,
    title: 'Book a screening',
    note: 'Spanish wording',
    publishedBy: 'dev-designer',
    publishedAt: '2026-12-02T09:00:00.000Z',
  },
  draft: null,
};

function EditorStandIn() {
  return <p>Editing {useParams().id}</p>;
}

function renderScreen() {
  const posts: Array<{ url: string; body: unknown }> = [];
  const puts: Array<{ url: string; body: unknown }> = [];
  const client: WritingApiClient = {
    get: fakeGet((url) => {
      if (url === '/api/journey-definitions') return Promise.resolve([published]);
      if (url === '/api/journey-definitions/flu-reminder/draft') {
        return Promise.resolve({ revision: 1, definition: { id: 'flu-reminder', languages: ['en'] } });
      }
      return Promise.reject(new Error(`not faked: ${url}`));
    }),
    post: fakePost((url, body) => {
      posts.push({ url, body });
      const copyOf = (body as { copyOf?: unknown }).copyOf;
      return Promise.resolve({ ...published, id: copyOf ? 'screening-booking-copy' : 'flu-reminder' });
    }),
    put: ((path: string, init: { params: object; body: unknown }) => {
      puts.push({ url: requestedUrl(path, init as never), body: init.body });
      return Promise.resolve({ revision: 2 });
    }) as WritingApiClient['put'],
    delete: (() => Promise.reject(new Error('not used'))) as WritingApiClient['delete'],
  };
  render(
    <MemoryRouter initialEntries={['/definitions']}>
      <Routes>
        <Route path="/definitions" element={<DefinitionsScreen client={client} />} />
        <Route path="/definitions/:id" element={<EditorStandIn />} />
      </Routes>
    </MemoryRouter>,
  );
  return { user: userEvent.setup(), posts, puts };
}

describe(DefinitionsScreen.name, () => {
  test('lists each definition with its latest version and draft, and copies a published one', async () => {
    const { user, posts } = renderScreen();
    const table = await screen.findByRole('table', { name: 'Journey definitions' });
    const row = within(table).getByRole('row', { name: /Book a screening/ });
    expect(row.textContent).toContain('Version 2');
    expect(row.textContent).toContain('None');

    await user.click(within(row).getByRole('button', { name: 'Copy Book a screening' }));
    expect(posts).toEqual([
      { url: '/api/journey-definitions', body: { copyOf: { id: 'screening-booking', version: 2 } } },
    ]);
    expect(await screen.findByText('Editing screening-booking-copy')).toBeTruthy();
  });

  test('a new journey from scratch is created with its id and title once its languages are codes, then they are saved into its draft', async () => {
    const { user, posts, puts } = renderScreen();
    const form = await screen.findByRole('form', { name: 'New journey' });
    await user.type(within(form).getByLabelText('Title'), 'Flu reminder');
    await user.type(within(form).getByLabelText(/^Id/), 'flu-reminder');
    await user.clear(within(form).getByLabelText(/^Languages/));
    await user.type(within(form).getByLabelText(/^Languages/), 'en, Spanish');
    await user.click(within(form).getByRole('button', { name: 'Create the journey' }));
    expect(within(form).getByRole('alert').textContent).toContain('Spanish is not one');
    expect(posts).toEqual([]);
    await user.clear(within(form).getByLabelText(/^Languages/));
    await user.type(within(form).getByLabelText(/^Languages/), 'en, es');
    await user.click(within(form).getByRole('button', { name: 'Create the journey' }));
    expect(await screen.findByText('Editing flu-reminder')).toBeTruthy();

    expect(posts).toEqual([
      { url: '/api/journey-definitions', body: { title: 'Flu reminder', id: 'flu-reminder' } },
    ]);
    expect(puts).toEqual([
      {
        url: '/api/journey-definitions/flu-reminder/draft',
        body: { basedOnRevision: 1, definition: { id: 'flu-reminder', languages: ['en', 'es'] } },
      },
    ]);
  });
});

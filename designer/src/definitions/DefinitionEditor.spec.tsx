/** @jest-environment jsdom */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import screeningBooking from '../../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../../../contracts/journey-definitions/definition-schema';
import { ApiError, type WritingApiClient } from '../api';
import { fakeGet, requestedUrl, unusedPost } from '../fake-api-client';
import { DefinitionEditor } from './DefinitionEditor';
import type { DraftStart } from './useDraftSync';

beforeAll(() => {
  // React Flow watches its container's size; jsdom has no ResizeObserver (nor any layout).
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const example = (): JourneyDefinition =>
  journeyDefinitionSchema.parse(JSON.parse(JSON.stringify(screeningBooking)));

interface SavedDraft {
  url: string;
  body: { definition: JourneyDefinition; basedOnRevision: number };
}

/** A client whose draft saves answer with `answerSave`; every save is recorded. */
function fakeClient(answerSave: (save: SavedDraft, count: number) => Promise<unknown>) {
  const saves: SavedDraft[] = [];
  const client: WritingApiClient = {
    get: fakeGet((url) =>
      url.endsWith('/versions') ? Promise.resolve([]) : Promise.reject(new Error(`not faked: ${url}`)),
    ),
    post: unusedPost,
    put: ((path: string, init: { params: { path: Record<string, unknown> }; body: SavedDraft['body'] }) => {
      const save = { url: requestedUrl(path, init), body: init.body };
      saves.push(save);
      return answerSave(save, saves.length);
    }) as WritingApiClient['put'],
    delete: (() => Promise.reject(new Error('not used'))) as WritingApiClient['delete'],
  };
  return { client, saves };
}

async function renderEditor(
  client: WritingApiClient,
  start: DraftStart,
  load: () => Promise<DraftStart>,
  onDiscard: (revision: number) => Promise<DraftStart> = () => Promise.reject(new Error('not used')),
) {
  await act(async () => {
    render(
      <MemoryRouter>
        <DefinitionEditor
          client={client}
          id="book-a-screening"
          start={start}
          load={load}
          hasDraft
          latestVersion={1}
          onDiscard={onDiscard}
        />
      </MemoryRouter>,
    );
  });
  return userEvent.setup();
}

describe(DefinitionEditor.name, () => {
  // React Flow hides nodes until it has measured them, which jsdom never does: found by label.
  test('problems show as a list and as badges on their nodes; a problem selects its node', async () => {
    const definition = example();
    const wait = definition.nodes.find((node) => node.id === 'wait-booking')!;
    if (wait.kind === 'wait') delete wait.timeout;
    const { client } = fakeClient(() => Promise.reject(new Error('no save expected')));
    const user = await renderEditor(client, { definition, revision: 3 }, () => Promise.reject(new Error()));

    const problems = screen.getByRole('region', { name: 'Problems' });
    expect(within(problems).getByRole('heading', { name: '1 problem' })).toBeTruthy();
    const map = screen.getByRole('region', { name: 'Journey map editor' });
    const waitCard = within(map).getByText('Wait for a booking').closest('.definition-node') as HTMLElement;
    expect(within(waitCard).getByLabelText('1 problem')).toBeTruthy();
    expect(within(map).getAllByLabelText(/^\d+ problems?$/)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Publish' })).toHaveProperty('disabled', true);

    await user.click(within(problems).getByRole('button', { name: /has no timeout/ }));
    const panel = screen.getByRole('region', { name: 'Properties of Wait for a booking' });
    // Fixing it in the panel clears the list and the badge as soon as the check has run.
    await user.click(within(panel).getByRole('button', { name: 'Add timeout (required)' }));
    // A new timeout goes nowhere until the designer says where.
    expect(await within(problems).findByText(/timeout\.next/)).toBeTruthy();
    const timeout = within(panel).getByRole('group', { name: 'Timeout (required)' });
    await user.selectOptions(within(timeout).getByRole('combobox', { name: 'Goes to' }), 'booked-yet');
    expect(await within(problems).findByRole('heading', { name: 'No problems' })).toBeTruthy();
    expect(within(map).queryAllByLabelText(/^\d+ problems?$/)).toHaveLength(0);
  });

  test('edits are saved with the revision they were based on; a 409 stops saving and offers to reload', async () => {
    const { client, saves } = fakeClient((save, count) =>
      count === 1
        ? Promise.resolve({ revision: save.body.basedOnRevision + 1, problems: [] })
        : Promise.reject(
            new ApiError(
              409,
              'The draft changed since you read it: revision 9 is now the current one (saved by dev-designer-2 at 2026-12-07T11:00:00.000Z).',
            ),
          ),
    );
    const theirs = { ...example(), title: 'Their title' };
    let reloads = 0;
    const user = await renderEditor(client, { definition: example(), revision: 4 }, () => {
      reloads += 1;
      return Promise.resolve({ definition: theirs, revision: 9 });
    });

    // The journey's title is its panel's first; settings have titles of their own below it.
    const journeyTitle = () => screen.getAllByRole('textbox', { name: 'Title' })[0] as HTMLInputElement;
    const title = journeyTitle();
    await user.type(title, ' now');
    expect(await screen.findByText('All changes saved.', {}, { timeout: 3000 })).toBeTruthy();
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({
      url: '/api/journey-definitions/book-a-screening/draft',
      body: { basedOnRevision: 4, definition: { title: `${example().title} now` } },
    });

    await user.type(title, '!');
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Someone else saved this draft since you opened it');
    expect(alert.textContent).toContain('saved by dev-designer-2');
    expect(saves[1]!.body.basedOnRevision).toBe(5);

    // No more saves over their draft while the conflict stands.
    await user.type(title, '?');
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
    expect(saves).toHaveLength(2);

    await user.click(within(alert).getByRole('button', { name: 'Reload their draft' }));
    expect(reloads).toBe(1);
    expect(journeyTitle().value).toBe('Their title');
    expect(screen.queryByRole('alert')).toBeNull();

    // Saving resumes on their revision.
    await user.type(journeyTitle(), '.');
    await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
    expect(saves[2]!.body).toMatchObject({ basedOnRevision: 9, definition: { title: 'Their title.' } });
  });

  test('discarding the draft asks with the revision on screen and shows the published version again', async () => {
    const { client } = fakeClient(() => Promise.reject(new Error('no save expected')));
    const discarded: number[] = [];
    const published = { ...example(), title: 'As published' };
    const user = await renderEditor(
      client,
      { definition: example(), revision: 6 },
      () => Promise.reject(new Error('not used')),
      (revision) => {
        discarded.push(revision);
        return Promise.resolve({ definition: published, revision: 7 });
      },
    );
    await user.click(screen.getByRole('button', { name: 'Discard the draft' }));
    expect(discarded).toEqual([6]);
    expect((screen.getAllByRole('textbox', { name: 'Title' })[0] as HTMLInputElement).value).toBe(
      'As published',
    );
    expect(screen.queryByRole('button', { name: 'Discard the draft' })).toBeNull();
  });
});

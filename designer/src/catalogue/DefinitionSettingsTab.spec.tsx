/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { z } from 'zod';
import { definitionSettingsSchema } from '../../../contracts/journey-definitions/definition-contract';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import example from '../../../contracts/journey-definitions/examples/screening-booking.json';
import type { ApiClient, JourneyType } from '../api';
import { FakeSettingsClient } from '../settings/fake-settings-client';
import { CatalogueScreen } from './CatalogueScreen';

const definition = JSON.parse(JSON.stringify(example)) as JourneyDefinition;

/** The catalogue's entry for the published example, its settings schema as the API derives it. */
const definitionType: JourneyType = {
  id: definition.id,
  kind: 'definition',
  definitionId: definition.id,
  definitionVersion: 2,
  title: 'Book a screening',
  description: '',
  paramsSchema: {},
  eventSchema: {},
  settingsSchema: z.toJSONSchema(definitionSettingsSchema(definition), {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>,
  settingsVersion: 0,
  sources: [],
  temporalUiView: { name: `Carepath: ${definition.id}`, query: '', url: '' },
  blueprint: { start: 'invited', nodes: [{ id: 'invited', kind: 'stage', label: 'Invited' }], edges: [] },
};

/** Only the declared defaults so far (version 0), as the API answers for a new definition. */
function settingsApi(): FakeSettingsClient {
  return new FakeSettingsClient(definition.id, [
    {
      journeyType: definition.id,
      version: 0,
      note: 'Built-in defaults (no version published yet).',
      publishedBy: 'carepath',
      publishedAt: null,
      settings: {
        bookingWindow: { amount: 14, unit: 'days' },
        callDueWithin: { amount: 2, unit: 'days' },
      },
    },
  ]);
}

async function renderSettingsTab(settings: FakeSettingsClient) {
  const user = userEvent.setup();
  const client: ApiClient = { get: settings.get, post: settings.post };
  await act(async () => {
    render(
      <MemoryRouter initialEntries={[`/journeys/${definition.id}/settings`]}>
        <Routes>
          <Route
            path="/journeys/:typeId/:view"
            element={<CatalogueScreen client={client} types={[definitionType]} canPublish />}
          />
        </Routes>
      </MemoryRouter>,
    );
  });
  await waitFor(() => {
    if (screen.queryAllByText(/^Loading/).length > 0) throw new Error('Still loading.');
  });
  return user;
}

describe("a journey definition's program settings tab", () => {
  test("shows the declared defaults as version 0 and publishes a designer's draft, as for a coded journey", async () => {
    const settings = settingsApi();
    const user = await renderSettingsTab(settings);

    const panel = screen.getByRole('region', { name: 'Program settings: Book a screening' });
    expect(screen.queryByText(/declares its program settings/)).toBeNull();
    expect(settings.gets).toContain(`/api/programs/${definition.id}/settings/versions`);

    await user.click(within(panel).getByRole('button', { name: 'Edit a draft' }));
    const amount = within(panel).getByRole('spinbutton', {
      name: 'Time to book before a staff call › Amount',
    });
    expect((amount as HTMLInputElement).value).toBe('14');
    await user.clear(amount);
    await user.type(amount, '5');

    await user.type(
      within(panel).getByRole('textbox', { name: 'What changed and why' }),
      'Shorter booking window',
    );
    await user.click(within(panel).getByRole('button', { name: /^Publish/ }));

    await waitFor(() =>
      expect(
        settings.posts.filter((post) => post.path === `/api/programs/${definition.id}/settings`),
      ).toEqual([
        {
          path: `/api/programs/${definition.id}/settings`,
          body: expect.objectContaining({
            basedOnVersion: 0,
            note: 'Shorter booking window',
            settings: expect.objectContaining({ bookingWindow: { amount: 5, unit: 'days' } }),
          }) as unknown,
        },
      ]),
    );
    expect(settings.versions[0]).toMatchObject({ version: 1, note: 'Shorter booking window' });
  }, 30_000);
});

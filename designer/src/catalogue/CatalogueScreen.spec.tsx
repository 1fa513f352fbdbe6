/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ApiClient, JourneyType, JourneyTypeStats } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { CatalogueScreen } from './CatalogueScreen';

const journeyType = (
  id: string,
  title: string,
  kind: JourneyType['kind'],
  version?: number,
): JourneyType => ({
  id,
  kind,
  ...(version === undefined ? {} : { definitionId: id, definitionVersion: version }),
  title,
  description: '',
  paramsSchema: {},
  eventSchema: {},
  settingsSchema: {},
  settingsVersion: 0,
  sources: [],
  temporalUiView: { name: `Carepath: ${id}`, query: '', url: '' },
  blueprint: { start: 'invited', nodes: [{ id: 'invited', kind: 'stage', label: 'Invited' }], edges: [] },
});

const coded = journeyType('preventive-outreach', 'Preventive screening outreach', 'coded');
const definition = journeyType('screening-booking', 'Book a screening', 'definition', 3);

/** Every path asked for. */
const asked: string[] = [];

/** Counts for every card; the map of the chosen type is not what these tests read. */
const client: ApiClient = {
  get: fakeGet((url) => {
    asked.push(url);
    const journey = decodeURIComponent(url.split('/')[3] ?? '');
    const stats: JourneyTypeStats = {
      journey,
      running: 0,
      paused: 0,
      completed: 0,
      cancelled: 0,
      droppedOff: 0,
      breached: 0,
      stages: [],
      countedAt: '2026-12-07T10:00:00Z',
    };
    return url.endsWith('/stats') ? Promise.resolve(stats) : new Promise(() => {});
  }),
  post: unusedPost,
};

function renderCatalogue(address = '/journeys/preventive-outreach/settings') {
  render(
    <MemoryRouter initialEntries={[address]}>
      <Routes>
        <Route
          path="/journeys/:typeId/:view"
          element={<CatalogueScreen client={client} types={[coded, definition]} canPublish={false} />}
        />
      </Routes>
    </MemoryRouter>,
  );
  return within(screen.getByRole('region', { name: 'Journey catalogue' }));
}

describe('the journey catalogue', () => {
  test('a published definition is listed beside the coded journeys with a "definition vN" badge', async () => {
    const catalogue = renderCatalogue();
    const cards = catalogue.getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Preventive screening outreach',
      'Book a screeningdefinition v3',
    ]);
    expect(within(cards[1]!).getByText('definition v3').getAttribute('title')).toBe(
      'A published journey definition: new enrolments get version 3',
    );
    // Coded journeys carry no badge.
    expect(within(cards[0]!).queryByText(/definition v/)).toBeNull();
    // Each card links to the type's map, definitions too.
    expect(within(cards[1]!).getByRole('link', { name: 'Book a screening' }).getAttribute('href')).toBe(
      '/journeys/screening-booking/map',
    );
    // The counts arrive for both cards.
    expect(await catalogue.findAllByText('Running')).toHaveLength(2);
  });
});

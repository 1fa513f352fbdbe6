/** @jest-environment jsdom */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { definitionBlueprint } from '../../../contracts/journey-definitions/definition-blueprint';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import example from '../../../contracts/journey-definitions/examples/screening-booking.json';
import type { ApiClient, JourneyType } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { JourneyMapAsEnrolled } from './JourneyMapAsEnrolled';

beforeAll(() => {
  // React Flow watches its container's size; jsdom has no ResizeObserver (nor any layout).
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const version1 = JSON.parse(JSON.stringify(example)) as JourneyDefinition;
/** Version 2 renamed the first stage: the catalogue offers it, the enrolled journey runs version 1. */
const version2: JourneyDefinition = {
  ...(JSON.parse(JSON.stringify(version1)) as JourneyDefinition),
  version: 2,
  stages: [{ id: 'invited', label: 'Invited to book online' }, version1.stages[1]!],
};

const catalogueEntry: JourneyType = {
  id: 'screening-booking',
  kind: 'definition',
  definitionId: 'screening-booking',
  definitionVersion: 2,
  title: 'Book a screening',
  description: '',
  paramsSchema: {},
  eventSchema: {},
  settingsSchema: {},
  settingsVersion: 0,
  sources: [],
  temporalUiView: { name: 'Carepath: screening-booking', query: '', url: '' },
  blueprint: definitionBlueprint(version2),
};

describe(JourneyMapAsEnrolled.name, () => {
  test("a definition's journey is drawn with the version it is pinned to, not the catalogue's latest", async () => {
    const asked: string[] = [];
    const client: ApiClient = {
      get: fakeGet((url) => {
        asked.push(url);
        return url === '/api/journey-definitions/screening-booking/versions/1'
          ? Promise.resolve({ definitionId: 'screening-booking', version: 1, definition: version1 })
          : Promise.reject(new Error(`not expected: ${url}`));
      }),
      post: unusedPost,
    };
    render(
      <JourneyMapAsEnrolled
        client={client}
        type={catalogueEntry}
        settingsVersion={0}
        stage="invited"
        definitionVersion={1}
      />,
    );
    const map = await screen.findByRole('figure', { name: 'Map of Book a screening (version 1)' });
    // ELK's first layout in a cold process takes a few seconds.
    await within(map).findByText('Invitation to book', {}, { timeout: 15_000 });
    const stages = within(within(map).getByRole('table'))
      .getAllByRole('rowheader')
      .map((header) => header.textContent);
    expect(stages).toEqual([
      'Invited to book (patient is here)',
      'Staff call',
      'Booked (end)',
      'Declined (end)',
      'Not reached (end)',
      'Cancelled by an operator (end)',
    ]);
    // No program settings are read for a definition.
    expect(asked).toEqual(['/api/journey-definitions/screening-booking/versions/1']);
  }, 30_000);
});

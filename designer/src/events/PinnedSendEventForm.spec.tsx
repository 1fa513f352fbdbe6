/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { definitionEventJsonSchema } from '../../../contracts/journey-definitions/definition-contract';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import example from '../../../contracts/journey-definitions/examples/screening-booking.json';
import type { ApiClient, JourneyType } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { PinnedSendEventForm } from './PinnedSendEventForm';

const version1 = JSON.parse(JSON.stringify(example)) as JourneyDefinition;
/** Version 2 adds an event: the catalogue offers it, a journey pinned to version 1 cannot take it. */
const version2: JourneyDefinition = {
  ...(JSON.parse(JSON.stringify(version1)) as JourneyDefinition),
  version: 2,
  events: [...version1.events, { type: 'screening-declined', label: 'Screening declined' }],
};

const catalogueEntry: JourneyType = {
  id: version1.id,
  kind: 'definition',
  definitionId: version1.id,
  definitionVersion: 2,
  title: 'Book a screening',
  description: '',
  paramsSchema: {},
  eventSchema: definitionEventJsonSchema(version2),
  settingsSchema: {},
  settingsVersion: 0,
  sources: [],
  temporalUiView: { name: 'Carepath: screening-booking', query: '', url: '' },
  blueprint: { start: 'invited', nodes: [], edges: [] },
};

function clientAnswering(asked: string[]): ApiClient {
  return {
    get: fakeGet((url) => {
      asked.push(url);
      return url === `/api/journey-definitions/${version1.id}/versions/1`
        ? Promise.resolve({ definitionId: version1.id, version: 1, definition: version1 })
        : Promise.reject(new Error(`not expected: ${url}`));
    }),
    post: unusedPost,
  };
}

const offeredEvents = () =>
  [...screen.getByLabelText('Event').querySelectorAll('option')].map((option) => option.textContent);

describe(PinnedSendEventForm.name, () => {
  test("a journey pinned to an older definition version is offered that version's events, not the latest's", async () => {
    const asked: string[] = [];
    render(
      <PinnedSendEventForm
        client={clientAnswering(asked)}
        journeyId="j"
        type={catalogueEntry}
        definitionVersion={1}
        onSent={() => {}}
      />,
    );
    await screen.findByLabelText('Event');
    expect(offeredEvents()).toEqual(['Appointment booked']);
    expect(asked).toEqual([`/api/journey-definitions/${version1.id}/versions/1`]);
  });

  test("a journey on the latest version uses the catalogue's schema and reads nothing", () => {
    const asked: string[] = [];
    render(
      <PinnedSendEventForm
        client={clientAnswering(asked)}
        journeyId="j"
        type={catalogueEntry}
        definitionVersion={2}
        onSent={() => {}}
      />,
    );
    expect(offeredEvents()).toEqual(['Appointment booked', 'Screening declined']);
    expect(asked).toEqual([]);
  });
});

/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { ApiClient, JourneyDetail } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { JourneyAlerts } from './JourneyAlerts';

const client: ApiClient = {
  get: fakeGet(() => Promise.resolve({ items: [], total: 0, offset: 0 })),
  post: unusedPost,
};

function journeyWith(facts: JourneyDetail['facts']): JourneyDetail {
  return {
    id: 'oncology-fast-track-1',
    journey: 'oncology-fast-track',
    status: 'active',
    stage: 'diagnostics',
    startedAt: '2026-12-01T09:00:00.000Z',
    settingsVersion: 0,
    timeline: [],
    upcoming: [],
    deadlines: [],
    heldMessages: [],
    facts,
    temporalUiUrl: 'http://localhost:8233/',
  };
}

describe('JourneyAlerts', () => {
  test('EHR events the journey keeps until their step are listed among the alerts', async () => {
    render(
      <JourneyAlerts
        client={client}
        journey={journeyWith({ heldEvents: 'in-depth-diagnostics-done' })}
        refreshMs={null}
      />,
    );
    const alerts = await screen.findByRole('list', { name: 'Alerts' });
    expect(alerts.textContent).toContain(
      'Held EHR events: in-depth-diagnostics-done, kept until the journey reaches the step they follow',
    );
  });

  test('a journey holding nothing says nothing needs attention', async () => {
    render(<JourneyAlerts client={client} journey={journeyWith({ heldEvents: null })} refreshMs={null} />);
    expect((await screen.findByText(/^Nothing needs attention/)).textContent).toContain('held event');
  });
});

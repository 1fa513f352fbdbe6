import { act, render, type RenderResult, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../api';
import { demoJourneyType } from './fake-settings-client';
import { ProgramSettingsPanel } from './ProgramSettingsPanel';
import type { SettingsJourneyType } from './settings-api';

interface RenderOptions {
  canPublish: boolean;
  journeyType?: SettingsJourneyType;
}

/** The one way tests render the panel: a fake client, a role, and a user to drive it. */
export async function renderProgramSettings(client: ApiClient, { canPublish, journeyType }: RenderOptions) {
  const user = userEvent.setup();
  const panel = (type: SettingsJourneyType) => (
    <ProgramSettingsPanel client={client} journeyType={type} canPublish={canPublish} />
  );
  // Async act lets the fake's immediate answers land inside it, as they would in a browser tick.
  let view!: RenderResult;
  await act(async () => {
    view = render(panel(journeyType ?? demoJourneyType));
  });
  return {
    user,
    unmount: view.unmount,
    showJourneyType: (type: SettingsJourneyType) => view.rerender(panel(type)),
  };
}

/** Waits until nothing on screen is loading any more (every answer arrived inside act). */
export async function waitUntilLoaded(): Promise<void> {
  await waitFor(() => {
    if (screen.queryAllByText(/^Loading/).length > 0) throw new Error('Still loading.');
  });
}

/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { ApiError } from '../api';
import { demoJourneyType, demoSettingsClient } from './fake-settings-client';
import { renderProgramSettings, waitUntilLoaded } from './render-program-settings';

const PINNING_NOTE =
  'Journeys already running keep the settings version they were enrolled with; only journeys enrolled after publishing get the new version.';

/** The read-only row of one setting, found by its path. */
function settingRow(path: string): HTMLElement {
  return screen.getByText(path, { selector: 'code' }).closest('div')!;
}

describe('ProgramSettingsPanel, reading', () => {
  test('an operator reads the current version, formatted, but cannot edit or publish', async () => {
    await renderProgramSettings(demoSettingsClient(), { canPublish: false });
    await waitUntilLoaded();

    expect(screen.getByRole('heading', { name: 'Program settings: Demo reminders' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toBe(PINNING_NOTE);
    expect(screen.getByText(/Only designers can edit and publish/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit a draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Validate' })).toBeNull();
    expect(screen.queryByRole('spinbutton')).toBeNull();

    const picker = screen.getByRole('combobox', { name: 'Version' }) as HTMLSelectElement;
    expect(Array.from(picker.options, (option) => option.textContent)).toEqual([
      expect.stringMatching(/^Version 1 \(current\) · Remind two days ahead · designer, /),
      'Version 0: built-in defaults',
    ]);
    expect(settingRow('reminderLeadHours').textContent).toContain('48');
    expect(settingRow('reminderLeadHours').textContent).toContain(
      'Hours before the appointment that the reminder goes out.',
    );
    expect(
      within(settingRow('channelOrder'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['sms', 'email', 'portal']);
    expect(within(settingRow('quietHours.enabled')).getByRole('definition').textContent).toBe('Yes');
    expect(screen.getByRole('heading', { name: 'Quiet hours' })).toBeTruthy();
  });

  test('choosing an older version shows its settings', async () => {
    const client = demoSettingsClient();
    const { user } = await renderProgramSettings(client, { canPublish: false });
    await waitUntilLoaded();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), '0');
    await waitUntilLoaded();
    expect(client.gets).toContain('/api/programs/demo-reminders/settings/versions/0');
    expect(within(settingRow('reminderLeadHours')).getByRole('definition').textContent).toBe('24');
    expect(screen.getByText(/Built-in defaults \(no version published yet\)/)).toBeTruthy();
  });

  test('a designer sees the same note and a way to start a draft', async () => {
    await renderProgramSettings(demoSettingsClient(), { canPublish: true });
    await waitUntilLoaded();
    expect(screen.getByRole('note').textContent).toBe(PINNING_NOTE);
    expect(screen.getByRole('button', { name: 'Edit a draft' })).toBeTruthy();
    expect(screen.queryByText(/Only designers can edit and publish/)).toBeNull();
  });
});

describe('ProgramSettingsPanel, slow and failing API', () => {
  test('says what is loading while the API has not answered, and stays usable', async () => {
    const client = demoSettingsClient();
    client.holdGets = true;
    const { user } = await renderProgramSettings(client, { canPublish: true });
    expect(screen.getByRole('status').textContent).toBe('Loading settings versions…');

    await user.click(screen.getByRole('button', { name: 'Edit a draft' }));
    expect(screen.getByText('Loading the current settings…')).toBeTruthy();
  });

  test('shows the error and tries again on request', async () => {
    const client = demoSettingsClient();
    client.failGets = new ApiError(0, 'Could not reach the Carepath API. Check that it is running.');
    const { user } = await renderProgramSettings(client, { canPublish: false });
    await waitUntilLoaded();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the Carepath API.');
    client.failGets = undefined;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitUntilLoaded();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Version' })).toBeTruthy();
  });

  test('a draft whose current settings fail to load says so, with a retry', async () => {
    const client = demoSettingsClient();
    const { user } = await renderProgramSettings(client, { canPublish: true });
    await waitUntilLoaded();
    client.failGets = new ApiError(500, 'Something went wrong. Try again.');
    await user.click(screen.getByRole('button', { name: 'Edit a draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong.');
    client.failGets = undefined;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Draft based on version 1' })).toBeTruthy();
  });

  test('requests in flight are aborted on unmount and when the journey type changes', async () => {
    const client = demoSettingsClient();
    client.holdGets = true;
    const { showJourneyType, unmount } = await renderProgramSettings(client, { canPublish: true });
    expect(client.abortedGets).toEqual([]);

    showJourneyType({ ...demoJourneyType, id: 'other-type', title: 'Other type' });
    expect(client.abortedGets).toEqual(['/api/programs/demo-reminders/settings/versions']);
    expect(client.gets.at(-1)).toBe('/api/programs/other-type/settings/versions');
    expect(screen.getByRole('heading', { name: 'Program settings: Other type' })).toBeTruthy();

    unmount();
    expect(client.abortedGets).toEqual([
      '/api/programs/demo-reminders/settings/versions',
      '/api/programs/other-type/settings/versions',
    ]);
  });
});

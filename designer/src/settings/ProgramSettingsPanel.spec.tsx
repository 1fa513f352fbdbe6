/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { ApiError } from '../api';
import { defaultDemoSettings, demoSettingsClient, type FakeSettingsClient } from './fake-settings-client';
import { renderProgramSettings, waitUntilLoaded } from './render-program-settings';

async function renderAsDesigner(client: FakeSettingsClient) {
  const { user } = await renderProgramSettings(client, { canPublish: true });
  await waitUntilLoaded();
  return user;
}

async function startDraft(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Edit a draft' }));
  await waitUntilLoaded();
}

const leadHours = () => screen.getByRole('spinbutton', { name: 'Reminder lead hours' });

function diffRows() {
  const table = screen.getByRole('table', { name: /Differences from the published version/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
}

describe('ProgramSettingsPanel, as a designer', () => {
  test('a draft starts from the current version, and edits to a number and the channel order show in the differences', async () => {
    const user = await renderAsDesigner(demoSettingsClient());
    await startDraft(user);

    expect(screen.getByRole('heading', { name: 'Draft based on version 1' })).toBeTruthy();
    expect(screen.getByText('No changes yet.')).toBeTruthy();
    expect((leadHours() as HTMLInputElement).value).toBe('48');

    await user.clear(leadHours());
    await user.type(leadHours(), '36');
    await user.click(screen.getByRole('button', { name: 'Move up: email' }));

    const channelOrder = screen.getByRole('group', { name: 'Channel order' });
    expect(
      within(channelOrder)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringContaining('email'),
      expect.stringContaining('sms'),
      expect.stringContaining('portal'),
    ]);
    // The moved item keeps the focus, so moving it again is one more key press.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down: email' }));
    expect(screen.getByRole('button', { name: 'Move up: email' })).toHaveProperty('disabled', true);

    expect(screen.queryByText('No changes yet.')).toBeNull();
    expect(diffRows()).toEqual([
      ['Reminder lead hours reminderLeadHours', '48', '36'],
      ['Channel order channelOrder', 'smsemailportal', 'emailsmsportal'],
    ]);
  });

  test('every kind of setting gets a labelled control', async () => {
    const user = await renderAsDesigner(demoSettingsClient());
    await startDraft(user);

    expect(screen.getByRole('combobox', { name: 'Deadline profile' })).toHaveProperty('value', 'dilo');
    expect(screen.getByRole('checkbox', { name: 'Quiet hours › Enabled' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'Quiet hours › Start' })).toHaveProperty('value', '21:00');
    expect(screen.getByRole('textbox', { name: 'Retry days' })).toHaveProperty('value', '1, 3');
    expect(screen.getByRole('textbox', { name: 'Escalation › Steps' })).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Deadline profile' }), 'nhs-england');
    await user.click(screen.getByRole('checkbox', { name: 'Quiet hours › Enabled' }));
    const retryDays = screen.getByRole('textbox', { name: 'Retry days' });
    await user.clear(retryDays);
    await user.type(retryDays, '1, 2, 5');

    // Structured settings are JSON: text that does not parse yet is flagged, and kept as typed.
    const steps = screen.getByRole('textbox', { name: 'Escalation › Steps' });
    await user.clear(steps);
    await user.click(steps);
    await user.paste('[{ "afterDays": 2');
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/This is not valid JSON yet/)).toBeTruthy();
    await user.paste(', "action": "message" }]');
    expect(steps.getAttribute('aria-invalid')).toBe('false');

    expect(diffRows()).toEqual([
      ['Deadline profile deadlineProfile', 'dilo', 'nhs-england'],
      ['Quiet hours › Enabled quietHours.enabled', 'Yes', 'No'],
      ['Retry days retryDays', '13', '125'],
      ['Escalation › Steps escalation.steps', 'After days: 0Action: message', 'After days: 2Action: message'],
    ]);
  });

  test('validating shows the problems, each on its field and linked to it', async () => {
    const client = demoSettingsClient();
    client.check = () => ({
      valid: false,
      errors: [
        { field: 'settings.reminderLeadHours', message: 'Too big: expected number to be <=336' },
        { field: 'settings', message: 'Unrecognized key: "extra"' },
      ],
    });
    const user = await renderAsDesigner(client);
    await startDraft(user);
    await user.clear(leadHours());
    await user.type(leadHours(), '900');
    await user.click(screen.getByRole('button', { name: 'Validate' }));

    const problems = await screen.findByRole('alert');
    expect(problems.textContent).toContain('There are 2 problems');
    expect(problems.textContent).toContain('Unrecognized key: "extra"');
    expect(client.posts).toEqual([
      {
        path: '/api/programs/demo-reminders/settings/validate',
        body: { settings: { ...defaultDemoSettings, reminderLeadHours: 900 } },
      },
    ]);

    expect(leadHours().getAttribute('aria-invalid')).toBe('true');
    const describedBy = leadHours().getAttribute('aria-describedby')!.split(' ');
    const descriptions = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toContain('Too big: expected number to be <=336');

    await user.click(within(problems).getByRole('link', { name: 'Reminder lead hours' }));
    expect(document.activeElement).toBe(leadHours());

    // Editing the field settles its problem; the other one still stands.
    await user.type(leadHours(), '{backspace}');
    expect(leadHours().getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('alert').textContent).toContain('There is 1 problem');
  });

  test('a valid draft says so, until it is edited again', async () => {
    const user = await renderAsDesigner(demoSettingsClient());
    await startDraft(user);
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText('The draft is valid.')).toBeTruthy();

    await user.type(leadHours(), '0');
    expect(screen.queryByText('The draft is valid.')).toBeNull();
  });

  test('buttons wait while a check is in flight', async () => {
    const client = demoSettingsClient();
    const user = await renderAsDesigner(client);
    await startDraft(user);
    await user.type(leadHours(), '0');
    const release = client.holdPosts();
    await user.click(screen.getByRole('button', { name: 'Validate' }));

    expect(screen.getByRole('button', { name: 'Validating…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Publish' })).toHaveProperty('disabled', true);
    release();
    expect(await screen.findByText('The draft is valid.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Validate' })).toHaveProperty('disabled', false);
  });

  test('publishing sends the draft based on its starting version, then shows the new version', async () => {
    const client = demoSettingsClient();
    const user = await renderAsDesigner(client);
    await startDraft(user);
    expect(screen.getByRole('button', { name: 'Publish' })).toHaveProperty('disabled', true);

    await user.clear(leadHours());
    await user.type(leadHours(), '36');
    expect(client.posts).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: 'What changed and why' }), 'Closer to the visit');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText(/Version 2 published/)).toBeTruthy();
    expect(client.posts).toEqual([
      {
        path: '/api/programs/demo-reminders/settings',
        body: {
          settings: { ...defaultDemoSettings, reminderLeadHours: 36 },
          basedOnVersion: 1,
          note: 'Closer to the visit',
        },
      },
    ]);
    // The next draft starts from what was just published, and the history shows it.
    expect(screen.getByRole('heading', { name: 'Draft based on version 2' })).toBeTruthy();
    expect(screen.getByText('No changes yet.')).toBeTruthy();
    const picker = await screen.findByRole('combobox', { name: 'Version' });
    expect((picker as HTMLSelectElement).selectedOptions[0]!.textContent).toMatch(
      /^Version 2 \(current\) · Closer to the visit/,
    );
  });

  test('publishing asks for a note first, and sends nothing without one', async () => {
    const client = demoSettingsClient();
    const user = await renderAsDesigner(client);
    await startDraft(user);
    await user.type(leadHours(), '0');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const note = screen.getByRole('textbox', { name: 'What changed and why' });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(note);
    expect(client.posts).toEqual([]);
  });

  test('when another version was published meanwhile, the draft is kept and can be carried onto it', async () => {
    const client = demoSettingsClient();
    const user = await renderAsDesigner(client);
    await startDraft(user);
    await user.clear(leadHours());
    await user.type(leadHours(), '36');
    await user.type(screen.getByRole('textbox', { name: 'What changed and why' }), 'Closer to the visit');
    client.publishMeanwhile(
      { ...defaultDemoSettings, reminderLeadHours: 48, deadlineProfile: 'nhs-england' },
      'NHS',
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const conflict = await screen.findByRole('alert');
    expect(conflict.textContent).toContain('Another version was published while you edited this draft.');
    expect(conflict.textContent).toContain('version 2 is now the current one');
    expect((leadHours() as HTMLInputElement).value).toBe('36');
    expect(screen.queryByText(/published\. Journeys enrolled/)).toBeNull();

    await user.click(within(conflict).getByRole('button', { name: 'Reload the latest version' }));
    await screen.findByRole('heading', { name: 'Draft based on version 2' });
    expect((leadHours() as HTMLInputElement).value).toBe('36');
    expect(screen.getByRole('combobox', { name: 'Deadline profile' })).toHaveProperty('value', 'nhs-england');
    expect(diffRows()).toEqual([['Reminder lead hours reminderLeadHours', '48', '36']]);

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/Version 3 published/)).toBeTruthy();
    expect(client.posts.at(-1)?.body).toMatchObject({ basedOnVersion: 2, note: 'Closer to the visit' });
  });

  test('a refused publish lists the problems on their fields and publishes nothing', async () => {
    const client = demoSettingsClient();
    client.rejectNextPublish = new ApiError(400, 'The settings are not valid for this journey type.', [
      { field: 'settings.quietHours.start', message: 'Invalid time' },
    ]);
    const user = await renderAsDesigner(client);
    await startDraft(user);
    const start = screen.getByRole('textbox', { name: 'Quiet hours › Start' });
    await user.clear(start);
    await user.type(start, '25:00');
    await user.type(screen.getByRole('textbox', { name: 'What changed and why' }), 'Later');
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const problems = await screen.findByRole('alert');
    expect(problems.textContent).toContain('Nothing was published.');
    expect(within(problems).getByRole('link', { name: 'Quiet hours › Start' })).toBeTruthy();
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(client.versions[0]!.version).toBe(1);
    expect(screen.getByRole('heading', { name: 'Draft based on version 1' })).toBeTruthy();
  });
});

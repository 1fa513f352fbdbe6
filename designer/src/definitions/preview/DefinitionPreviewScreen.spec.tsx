/** @jest-environment jsdom */
import { describe, expect, jest, test } from '@jest/globals';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import screeningBooking from '../../../../contracts/journey-definitions/examples/screening-booking.json';
import type { WritingApiClient } from '../../api';
import { fakeGet, fakePost, requestedUrl } from '../../fake-api-client';
import { DefinitionPreviewScreen } from './DefinitionPreviewScreen';

const ID = 'screening-booking';
const base = `/api/journey-definitions/${ID}`;
const draftAnswer = (definition: unknown, revision: number) => ({
  definitionId: ID,
  revision,
  basedOnVersion: 1,
  savedBy: 'dev-designer',
  savedAt: '2026-03-01T09:00:00Z',
  definition,
  problems: [],
});
const changedOutcome = {
  name: 'English SMS books',
  verdict: 'changed',
  messages: {
    added: [],
    removed: [],
    changed: [
      {
        id: 'invite',
        label: 'screening-invitation',
        changes: [{ field: 'text', before: 'Your screening is due.', after: 'Time to book.' }],
      },
    ],
  },
  tasks: { added: [], removed: [], changed: [] },
  deadlines: { added: [], removed: [], changed: [] },
};

/** A fake API over the example definition: its draft, version 1, the scenario changes, and saves. */
function fakeClient() {
  const saved: unknown[] = [];
  let draft = draftAnswer({ ...screeningBooking, version: 2 }, 3);
  const removed: string[] = [];
  const client: WritingApiClient = {
    get: fakeGet(async (url) => {
      if (url === `${base}/draft`) return draft;
      if (url === `${base}/versions`)
        return [{ definitionId: ID, version: 1, title: 'Book a screening', note: 'v1' }];
      if (url === `${base}/draft/scenario-changes`)
        return {
          definitionId: ID,
          revision: draft.revision,
          publishedVersion: 1,
          changedCount: 1,
          scenarios: ((draft.definition as { scenarios?: { name: string }[] }).scenarios ?? []).map(
            (scenario) => ({
              ...changedOutcome,
              name: scenario.name,
            }),
          ),
        };
      throw new Error(`unexpected GET ${url}`);
    }),
    post: fakePost(async (url, body) => {
      if (url !== `${base}/draft/scenarios`) throw new Error(`unexpected POST ${url}`);
      saved.push(body);
      const { scenario } = body as { scenario: unknown };
      draft = draftAnswer({ ...(draft.definition as object), scenarios: [scenario] }, draft.revision + 1);
      return draft;
    }),
    put: (() => Promise.reject(new Error('not used'))) as WritingApiClient['put'],
    delete: ((path: string, init: Parameters<typeof requestedUrl>[1]) => {
      removed.push(requestedUrl(path, init));
      draft = draftAnswer({ ...(draft.definition as object), scenarios: [] }, draft.revision + 1);
      return Promise.resolve(draft);
    }) as WritingApiClient['delete'],
  };
  return { client, saved, removed };
}

async function renderPreview(client: WritingApiClient) {
  const user = userEvent.setup();
  await act(async () => {
    render(
      <MemoryRouter initialEntries={[`/definitions/${ID}/preview`]}>
        <Routes>
          <Route
            path="/definitions/:id/preview"
            element={<DefinitionPreviewScreen client={client} today={new Date('2026-03-06T12:00:00Z')} />}
          />
        </Routes>
      </MemoryRouter>,
    );
  });
  await screen.findByRole('heading', { name: 'Preview as a patient: Book a screening' });
  return user;
}

const timeline = () => screen.getByRole('list', { name: 'Timeline entries' });

describe('DefinitionPreviewScreen', () => {
  test('an English SMS patient gets the rendered SMS; a Spanish email patient the Spanish text, in their own zone', async () => {
    const user = await renderPreview(fakeClient().client);

    const sms = within(timeline()).getByRole('article', { name: 'Message screening-invitation by SMS' });
    expect(sms.textContent).toContain('Your screening is due. Book: https://example.org/schedulingUrl');
    // Enrolled 09:00 in New York on 6 March: sent at once, on that local day.
    expect(sms.textContent).toContain('Fri, 6 Mar 2026, 09:00');
    expect(screen.getByRole('heading', { name: 'Calendar (America/New_York)' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '2026-03-06: 1 message' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '2026-03-20: 1 task' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Language'), 'es');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'America/Mexico_City');
    // The message asks for SMS first: a patient who prefers email and has no SMS consent gets email.
    await user.click(screen.getByRole('button', { name: 'Prefer Email' }));
    await user.click(screen.getByRole('checkbox', { name: 'Consents to SMS' }));
    await user.clear(screen.getByLabelText('schedulingUrl'));
    await user.type(screen.getByLabelText('schedulingUrl'), 'https://reserva.example.org');

    const email = within(timeline()).getByRole('article', { name: 'Message screening-invitation by Email' });
    expect(email.textContent).toContain(
      'Es hora de su prueba de detección. Reserve en https://reserva.example.org o llámenos.',
    );
    expect(screen.getByRole('heading', { name: 'Timeline (America/Mexico_City)' })).toBeTruthy();
    expect(screen.getByLabelText('Final status').textContent).toMatch(/active at stage calling/);
  });

  test('a booking on day 5 in the script ends the journey that day, and the staff call never comes', async () => {
    const user = await renderPreview(fakeClient().client);
    await user.clear(screen.getByLabelText('Day'));
    await user.type(screen.getByLabelText('Day'), '5');
    await user.type(screen.getByLabelText('appointmentAt (date)'), '2026-03-20');
    await user.click(screen.getByRole('button', { name: 'Add to the script' }));

    expect(
      within(screen.getByRole('list', { name: 'Script lines' })).getByRole('listitem').textContent,
    ).toContain('Day 5, 09:00: Appointment booked (appointmentAt 2026-03-20T00:00:00.000Z)');
    expect(screen.getByLabelText('Final status').textContent).toMatch(
      /completed at stage booked, Wed, 11 Mar 2026, 09:00/,
    );
    expect(within(timeline()).queryByText(/Staff task/)).toBeNull();
  });

  test('saved as a scenario with the draft, it is listed with what the draft changes for that patient', async () => {
    const { client, saved } = fakeClient();
    const user = await renderPreview(client);
    expect(screen.getByText(/None yet/)).toBeTruthy();

    await user.type(screen.getByLabelText('Scenario name'), 'English SMS books');
    await user.click(screen.getByRole('button', { name: 'Save as scenario' }));

    expect(saved).toEqual([
      expect.objectContaining({
        basedOnRevision: 3,
        scenario: expect.objectContaining({
          name: 'English SMS books',
          months: 6,
          patient: expect.objectContaining({
            language: 'en',
            timeZone: 'America/New_York',
            enrolledAt: '2026-03-06T09:00',
          }),
          values: { schedulingUrl: 'https://example.org/schedulingUrl' },
        }),
      }),
    ]);
    expect((await screen.findByRole('status')).textContent).toBe('Saved “English SMS books” with the draft.');
    const item = await screen.findByRole('listitem', { name: 'English SMS books' });
    await waitFor(() => expect(item.textContent).toContain('changed'));
    expect(
      within(item).getByRole('list', { name: 'Differences for English SMS books' }).textContent,
    ).toContain('Message screening-invitation: text “Your screening is due.” → “Time to book.”');
  });

  test('a saved scenario is removed from the draft once the designer confirms', async () => {
    const { client, removed } = fakeClient();
    const user = await renderPreview(client);
    await user.type(screen.getByLabelText('Scenario name'), 'English SMS books');
    await user.click(screen.getByRole('button', { name: 'Save as scenario' }));
    const item = await screen.findByRole('listitem', { name: 'English SMS books' });

    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false);
    await user.click(within(item).getByRole('button', { name: 'Remove English SMS books' }));
    expect(removed).toEqual([]);

    confirm.mockReturnValueOnce(true);
    await user.click(within(item).getByRole('button', { name: 'Remove English SMS books' }));
    expect(removed).toEqual([`${base}/draft/scenarios/English%20SMS%20books?basedOnRevision=4`]);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Removed “English SMS books” from the draft.',
    );
    expect(await screen.findByText(/None yet/)).toBeTruthy();
    confirm.mockRestore();
  });
});

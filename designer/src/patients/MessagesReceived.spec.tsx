/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import type { ApiClient, OutreachMessage } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { MessagesReceived } from './MessagesReceived';

const sent: OutreachMessage = {
  id: 'm-1',
  journeyId: 'j-1',
  step: 'outreach',
  channel: 'email',
  template: 'preventive-outreach.invite',
  templateFile: 'preventive-outreach/invite.en.plain.email.hbs',
  language: 'en',
  readingLevel: 'plain',
  urgent: false,
  status: 'delivered',
  subject: 'Time for your flu shot',
  body: 'Book at the clinic.\nUnsubscribe: https://carepath.example/api/engagement/unsubscribe?token=t',
  errorCode: null,
  errorReason: null,
  plannedAt: '2026-12-06T10:00:00Z',
  sentAt: '2026-12-06T10:00:01Z',
  events: [],
};

describe('MessagesReceived', () => {
  test('held messages come first with when they go; a sent message shows its links as text only', async () => {
    const client: ApiClient = { get: fakeGet(() => Promise.resolve([sent])), post: unusedPost };
    await act(async () => {
      render(
        <MessagesReceived
          client={client}
          journeyId="j-1"
          refreshMs={null}
          held={[
            {
              step: 'reminder',
              label: '"reminder"',
              until: '2026-12-07T07:00:00Z',
              reason: 'quiet-hours',
              heldAt: '2026-12-07T02:00:00Z',
            },
          ]}
        />,
      );
    });
    const held = screen.getByRole('list', { name: 'Held messages' });
    expect(held.textContent).toContain('"reminder"');
    expect(held.textContent).toContain("the patient's quiet hours");
    expect(within(held).getByText(/goes at/)).toBeTruthy();

    const messages = screen.getByRole('list', { name: 'Messages sent' });
    expect(within(messages).queryAllByRole('link')).toEqual([]);
    expect(
      within(messages).getByText(/^https:\/\/carepath\.example\/api\/engagement\/unsubscribe/),
    ).toBeTruthy();
  });
});

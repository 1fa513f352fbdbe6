/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import screeningBooking from '../../../../contracts/journey-definitions/examples/screening-booking.json';
import {
  journeyDefinitionSchema,
  type MessageContent,
} from '../../../../contracts/journey-definitions/definition-schema';
import { MessageEditor } from './MessageEditor';

const definition = journeyDefinitionSchema.parse(screeningBooking);
const invite = definition.nodes.find((node) => node.kind === 'message')!;
const invitation = (invite.kind === 'message' ? invite.message : undefined)!;

/** The editor with its value kept in state, as the definition editor's property panel keeps it. */
function renderEditor(message: MessageContent, languages: string[]) {
  const changes: MessageContent[] = [];
  function Harness() {
    const [value, setValue] = useState(message);
    return (
      <MessageEditor
        value={value}
        languages={languages}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, latest: () => changes.at(-1)! };
}

const rendered = (name: string) => screen.getByRole('listitem', { name });

describe('MessageEditor', () => {
  test('shows each language and channel as a send renders it, with the fallback it used and the SMS segments', () => {
    renderEditor(invitation, ['en', 'es']);
    expect(rendered('English SMS').textContent).toContain(
      'Your screening is due. Book: https://example.org/schedulingUrl',
    );
    expect(rendered('English SMS').textContent).toContain('1 SMS segment');
    // No email text: the "any" text, said so.
    expect(rendered('English Email').textContent).toContain('(uses the English plain any text)');
    expect(rendered('English Email').textContent).toContain('It is time for your screening.');
    expect(rendered('Spanish SMS').textContent).toContain(
      'Su prueba está pendiente. Reserve: https://example.org/schedulingUrl',
    );
    expect(screen.queryByText(/No wording in/)).toBeNull();
  });

  test('a long SMS is flagged past three segments; the standard level falls back to plain', async () => {
    const { user } = renderEditor(invitation, ['en', 'es']);
    const sms = screen.getByRole('textbox', { name: 'English, plain, SMS' });
    await user.clear(sms);
    await user.click(sms);
    await user.paste('Please book. '.repeat(40));
    expect(rendered('English SMS').textContent).toMatch(
      /4 SMS segments: more than 3, so it would not be sent/,
    );

    await user.selectOptions(screen.getByLabelText('For a patient reading at'), 'standard');
    expect(rendered('Spanish Portal').textContent).toContain('(uses the Spanish plain any text)');
  });

  test('warns about an offered language with no wording, and keeps an emptied text out of the value', async () => {
    const { user, latest } = renderEditor(invitation, ['en', 'es', 'fr']);
    expect(screen.getByRole('alert').textContent).toBe(
      'No wording in French (fr): patients who read it get English instead.',
    );
    expect(rendered('French SMS').textContent).toContain('(uses the English plain sms text)');

    await user.clear(screen.getByRole('textbox', { name: 'Spanish, plain, SMS' }));
    await user.clear(screen.getByRole('textbox', { name: 'Spanish, plain, Any channel' }));
    expect(latest().wording.es).toBeUndefined();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'No wording in Spanish (es): patients who read it get English instead.',
      'No wording in French (fr): patients who read it get English instead.',
    ]);
  });

  test('an email subject per language is saved and shown on the rendered email', async () => {
    const { user, latest } = renderEditor(invitation, ['en', 'es']);
    await user.type(screen.getByLabelText('Email subject (Spanish)'), 'Su prueba de detección');
    expect(latest().subject).toEqual({ es: 'Su prueba de detección' });
    expect(within(rendered('Spanish Email')).getByText('Subject: Su prueba de detección')).toBeTruthy();
    await user.clear(screen.getByLabelText('Email subject (Spanish)'));
    expect(latest()).not.toHaveProperty('subject');
  });

  test('key, first-choice channel, urgency and response window', async () => {
    const { user, latest } = renderEditor(invitation, ['en', 'es']);
    await user.type(screen.getByLabelText('Wording key'), '-2');
    expect(latest().key).toBe('screening-invitation-2');
    await user.type(screen.getByLabelText('Wording key'), ' X');
    expect(
      screen.getByText('The key must be lower-case letters, digits and dashes, in dot-separated parts.'),
    ).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('First-choice channel'), '');
    expect(latest()).not.toHaveProperty('channel');
    await user.click(screen.getByRole('checkbox', { name: /Urgent/ }));
    expect(latest().urgent).toBe(true);
    await user.selectOptions(screen.getByLabelText('Response window'), 'duration');
    await user.selectOptions(screen.getByLabelText('Response window unit'), 'hours');
    expect(latest().respondWithin).toEqual({ amount: 2, unit: 'hours' });
  });
});

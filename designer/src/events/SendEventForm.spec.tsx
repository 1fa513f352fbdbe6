/** @jest-environment jsdom */
import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError, type ApiClient } from '../api';
import { fakePost, unusedGet } from '../fake-api-client';
import { SendEventForm } from './SendEventForm';

const eventSchema = {
  oneOf: [
    {
      type: 'object',
      title: 'Reading',
      properties: {
        type: { type: 'string', const: 'reading' },
        metric: { type: 'string', enum: ['weight-kg', 'hba1c-percent'], title: 'Measurement' },
        value: { type: 'number', title: 'Value' },
      },
      required: ['type', 'metric', 'value'],
    },
    {
      type: 'object',
      title: 'Clock adjustment',
      properties: {
        type: { type: 'string', const: 'clock-adjustment' },
        days: { type: 'integer', title: 'Adjustment', unit: 'days', description: 'From the declined offer.' },
      },
      required: ['type', 'days'],
    },
    { type: 'object', properties: { type: { type: 'string', const: 'diabetes-diagnosed' } } },
  ],
};

type Post = (path: string, body: unknown) => Promise<unknown>;
const PREVIEW = '/api/journeys/j/events/preview';
const SEND = '/api/journeys/j/events';

function fakeClient(post: Post): ApiClient {
  return { get: unusedGet, post: fakePost(post) };
}

/** The journey's preview answer, and {} for the send. */
function journeyAnswering(preview: unknown) {
  return jest.fn<Post>((url) => Promise.resolve(url === PREVIEW ? preview : {}));
}

function renderForm(post: Post, onSent: () => void = () => {}) {
  render(<SendEventForm client={fakeClient(post)} journeyId="j" eventSchema={eventSchema} onSent={onSent} />);
  return userEvent.setup();
}

describe('SendEventForm', () => {
  test('events and fields are named in words, with units and help beside them, never by their keys', async () => {
    const user = renderForm(journeyAnswering({ outcome: 'applied' }));
    const eventChoice = screen.getByLabelText('Event');
    expect([...eventChoice.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Reading',
      'Clock adjustment',
      'Diabetes diagnosed',
    ]);
    expect(screen.getByLabelText('Measurement')).toBeTruthy();
    expect(
      [...screen.getByLabelText('Measurement').querySelectorAll('option')].map((o) => o.textContent),
    ).toEqual(['Choose…', 'Weight kg', 'Hba1c percent']);
    await user.selectOptions(eventChoice, 'clock-adjustment');
    const days = screen.getByLabelText('Adjustment');
    expect(
      days
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['days', 'From the declined offer.']);
    expect(screen.queryByText('days', { selector: 'label' })).toBeNull();
    expect(screen.queryByLabelText('metric')).toBeNull();
  });

  test('a bad value is named at its field by its label, and nothing is asked or sent', async () => {
    const post = journeyAnswering({ outcome: 'applied' });
    const user = renderForm(post);
    await user.selectOptions(screen.getByLabelText('Measurement'), 'weight-kg');
    await user.click(screen.getByRole('button', { name: 'Check what would happen' }));
    expect(screen.getByLabelText('Value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Value is required')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  });

  test('the journey says it would apply the event; the operator sends it and is told it applied', async () => {
    const post = journeyAnswering({ outcome: 'applied' });
    const onSent = jest.fn();
    const user = renderForm(post, onSent);
    await user.selectOptions(screen.getByLabelText('Measurement'), 'weight-kg');
    await user.type(screen.getByLabelText('Value'), '92.4');
    await user.click(screen.getByRole('button', { name: 'Check what would happen' }));
    expect(post).toHaveBeenCalledWith(PREVIEW, { type: 'reading', metric: 'weight-kg', value: 92.4 });
    expect((await screen.findByRole('status')).textContent).toBe('The journey would apply “Reading” now.');
    expect(post).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Send event' }));
    expect(post).toHaveBeenLastCalledWith(SEND, { type: 'reading', metric: 'weight-kg', value: 92.4 });
    expect((await screen.findByRole('status')).textContent).toBe('Sent: the journey applied “Reading”.');
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  test('a held event is named as held, with what it waits for, before and after it is sent', async () => {
    const user = renderForm(journeyAnswering({ outcome: 'held', until: 'Cancer confirmed' }));
    await user.selectOptions(screen.getByLabelText('Event'), 'diabetes-diagnosed');
    await user.click(screen.getByRole('button', { name: 'Check what would happen' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'The journey would hold “Diabetes diagnosed” until Cancer confirmed is recorded: it does not take effect now.',
    );
    await user.click(screen.getByRole('button', { name: 'Send and hold it' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Sent: the journey holds “Diabetes diagnosed” until Cancer confirmed is recorded.',
    );
  });

  test('a refused event cannot be sent; changing the form discards the prediction', async () => {
    const post = journeyAnswering({ outcome: 'refused', reason: 'It is already held.' });
    const user = renderForm(post);
    await user.selectOptions(screen.getByLabelText('Event'), 'diabetes-diagnosed');
    await user.click(screen.getByRole('button', { name: 'Check what would happen' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The journey would refuse “Diabetes diagnosed”: It is already held. It cannot be sent.',
    );
    expect(screen.queryByRole('button', { name: /^Send/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Event'), 'reading');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check what would happen' })).toBeTruthy();
    expect(post.mock.calls.map(([url]) => url)).toEqual([PREVIEW]);
  });

  test("the API's field problems are shown at the field it names", async () => {
    const post = jest
      .fn<Post>()
      .mockRejectedValue(
        new ApiError(400, 'Invalid event for journey "prediabetes-care".', [
          { field: 'value', message: 'Too big: expected number to be <=500' },
        ]),
      );
    const onSent = jest.fn();
    const user = renderForm(post, onSent);
    await user.selectOptions(screen.getByLabelText('Measurement'), 'weight-kg');
    await user.type(screen.getByLabelText('Value'), '9000');
    await user.click(screen.getByRole('button', { name: 'Check what would happen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid event for journey');
    expect(screen.getByText('Too big: expected number to be <=500')).toBeTruthy();
    expect(onSent).not.toHaveBeenCalled();
  });
});

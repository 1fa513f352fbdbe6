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
      properties: {
        type: { type: 'string', const: 'reading' },
        metric: { type: 'string', enum: ['weight-kg', 'hba1c-percent'] },
        value: { type: 'number' },
      },
      required: ['type', 'metric', 'value'],
    },
    { type: 'object', properties: { type: { type: 'string', const: 'diabetes-diagnosed' } } },
  ],
};

type Post = (path: string, body: unknown) => Promise<unknown>;

function fakeClient(post: Post): ApiClient {
  return { get: unusedGet, post: fakePost(post) };
}

describe('SendEventForm', () => {
  test('a reading with a bad value is named at its field and not sent; a good one is', async () => {
    const post = jest.fn<Post>().mockResolvedValue({});
    const onSent = jest.fn();
    render(
      <SendEventForm
        client={fakeClient(post)}
        journeyId="prediabetes-care-1"
        eventSchema={eventSchema}
        onSent={onSent}
      />,
    );
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('metric'), 'weight-kg');
    await user.type(screen.getByLabelText('value'), '-');
    await user.click(screen.getByRole('button', { name: 'Send event' }));
    expect(screen.getByLabelText('value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('value is required')).toBeTruthy();
    expect(post).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('value'));
    await user.type(screen.getByLabelText('value'), '92.4');
    await user.click(screen.getByRole('button', { name: 'Send event' }));
    expect(post).toHaveBeenCalledWith('/api/journeys/prediabetes-care-1/events', {
      type: 'reading',
      metric: 'weight-kg',
      value: 92.4,
    });
    expect((await screen.findByRole('status')).textContent).toBe('The journey received “reading”.');
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  test("the journey's refusal is shown at the field it names, and the detail is not reloaded", async () => {
    const post = jest
      .fn<Post>()
      .mockRejectedValue(
        new ApiError(400, 'Invalid event for journey "prediabetes-care".', [
          { field: 'value', message: 'Too big: expected number to be <=500' },
        ]),
      );
    const onSent = jest.fn();
    render(
      <SendEventForm client={fakeClient(post)} journeyId="j" eventSchema={eventSchema} onSent={onSent} />,
    );
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('metric'), 'weight-kg');
    await user.type(screen.getByLabelText('value'), '9000');
    await user.click(screen.getByRole('button', { name: 'Send event' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid event for journey');
    expect(screen.getByText('Too big: expected number to be <=500')).toBeTruthy();
    expect(onSent).not.toHaveBeenCalled();
  });

  test('an event without fields is sent as just its type', async () => {
    const post = jest.fn<Post>().mockResolvedValue({});
    render(
      <SendEventForm client={fakeClient(post)} journeyId="j" eventSchema={eventSchema} onSent={() => {}} />,
    );
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Event'), 'diabetes-diagnosed');
    expect(screen.queryByLabelText('value')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send event' }));
    expect(post).toHaveBeenCalledWith('/api/journeys/j/events', { type: 'diabetes-diagnosed' });
  });
});

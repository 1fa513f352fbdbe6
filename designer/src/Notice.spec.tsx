/** @jest-environment jsdom */
import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notice } from './Notice';

describe('Notice', () => {
  test('an error is announced as an alert and offers to try again', async () => {
    const onRetry = jest.fn();
    render(
      <Notice tone="error" onRetry={onRetry}>
        The API is down.
      </Notice>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The API is down.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('loading and empty states are polite status messages without a retry', () => {
    render(<Notice tone="loading">Loading journeys…</Notice>);
    expect(screen.getByRole('status').textContent).toBe('Loading journeys…');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

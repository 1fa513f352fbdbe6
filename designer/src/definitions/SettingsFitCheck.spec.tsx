/** @jest-environment jsdom */
import { describe, expect, test } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ApiClient } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { SettingsFitCheck } from './SettingsFitCheck';

const fitOf = (fits: boolean, problems: { field: string; message: string }[] = []) => ({
  definitionId: 'book-a-screening',
  revision: 4,
  settingsVersion: 2,
  fits,
  problems,
});

async function renderCheck(answer: unknown) {
  const client: ApiClient = {
    get: fakeGet((url) =>
      url === '/api/journey-definitions/book-a-screening/draft/settings-fit'
        ? Promise.resolve(answer)
        : Promise.reject(new Error(`unexpected GET ${url}`)),
    ),
    post: unusedPost,
  };
  await act(async () => {
    render(
      <MemoryRouter>
        <SettingsFitCheck client={client} id="book-a-screening" />
      </MemoryRouter>,
    );
  });
}

describe(SettingsFitCheck.name, () => {
  test('[HZ-72] warns before publishing a draft the current program settings do not fit, naming each setting', async () => {
    await renderCheck(fitOf(false, [{ field: '(settings)', message: 'Unrecognized key: "bookingWindow"' }]));
    const alert = screen.getByRole('alert', { name: 'Program settings after publishing' });
    expect(alert.textContent).toContain('Program settings version 2 do not fit this draft');
    expect(alert.textContent).toContain('new enrolments are refused');
    expect(within(alert).getByRole('listitem').textContent).toBe(
      '(settings): Unrecognized key: "bookingWindow"',
    );
    expect(within(alert).getByRole('link', { name: 'program settings' }).getAttribute('href')).toBe(
      '/journeys/book-a-screening/settings',
    );
  });

  test('says nothing when the settings fit', async () => {
    await renderCheck(fitOf(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import type { ApiClient, JourneyPage, JourneySummary, JourneyType } from '../api';
import { fakeGet, unusedPost } from '../fake-api-client';
import { PatientsScreen } from './PatientsScreen';

const outreach: JourneyType = {
  id: 'preventive-outreach',
  kind: 'coded',
  title: 'Preventive screening outreach',
  description: '',
  paramsSchema: {},
  eventSchema: {},
  settingsSchema: {},
  settingsVersion: 0,
  sources: [],
  temporalUiView: {
    name: 'Carepath: preventive-outreach',
    query: 'CarepathJourney = "preventive-outreach"',
    url: 'http://localhost:8233/namespaces/carepath/workflows?query=CarepathJourney%20%3D%20%22preventive-outreach%22',
  },
  blueprint: {
    start: 'outreach',
    nodes: [
      { id: 'outreach', kind: 'stage', label: 'Outreach' },
      { id: 'booked', kind: 'stage', label: 'Appointment booked' },
      { id: 'escalation', kind: 'timer', label: 'Until the next step' },
      { id: 'completed', kind: 'end', label: 'Screening done' },
    ],
    edges: [],
  },
};

const journey = (n: number, stage = 'outreach'): JourneySummary => ({
  id: `preventive-outreach-${String(n).padStart(32, '0')}`,
  journey: 'preventive-outreach',
  status: 'active',
  stage,
  startedAt: '2026-12-01T10:00:00Z',
});

/** An API holding journeys newest first, paged two at a time, recording what was asked. */
function fakeApi(initial: JourneySummary[]) {
  const journeys = [...initial];
  const paths: string[] = [];
  const client: ApiClient = {
    get: fakeGet((path) => {
      paths.push(path);
      const url = new URL(path, 'http://designer');
      const start = Number(url.searchParams.get('pageToken') ?? 0);
      const items = journeys.slice(start, start + 2);
      const page: JourneyPage = {
        items,
        ...(start + 2 < journeys.length ? { nextPageToken: String(start + 2) } : {}),
      };
      return Promise.resolve(page);
    }),
    post: unusedPost,
  };
  return { client, paths, enrol: (summary: JourneySummary) => journeys.unshift(summary) };
}

/** Where the router is: what the address bar would show. */
function Address() {
  const { pathname, search } = useLocation();
  return <output aria-label="Address">{pathname + search}</output>;
}

describe('the patients list', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const setup = async (api: ReturnType<typeof fakeApi>, start = '/patients') => {
    const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    await act(async () => {
      render(
        <MemoryRouter initialEntries={[start]}>
          <PatientsScreen client={api.client} types={[outreach]} />
          <Address />
        </MemoryRouter>,
      );
    });
    return user;
  };
  const rowIds = () =>
    within(screen.getByRole('table'))
      .getAllByRole('link')
      .map((link) => link.textContent);

  test('shows journeys with their type and stage names, and picks up a new enrolment by itself', async () => {
    const api = fakeApi([journey(1, 'booked')]);
    await setup(api);
    const row = screen.getByRole('row', { name: /preventive-outreach-0+1/ });
    expect(row.textContent).toContain('Preventive screening outreach');
    expect(row.textContent).toContain('Appointment booked');

    api.enrol(journey(2));
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(rowIds()).toEqual([journey(2).id, journey(1).id]);
  });

  test('with live updates off, nothing is read until Refresh', async () => {
    const api = fakeApi([journey(1)]);
    const user = await setup(api);
    await user.click(screen.getByLabelText('Live updates'));
    const asked = api.paths.length;
    api.enrol(journey(2));
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(api.paths.length).toBe(asked);
    expect(rowIds()).toEqual([journey(1).id]);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('table');
    expect(rowIds()).toEqual([journey(2).id, journey(1).id]);
  });

  test('filters ask the API for journey, stage, status and overdue; the stage waits for a journey', async () => {
    const api = fakeApi([journey(1)]);
    const user = await setup(api);
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByLabelText('Stage').hasAttribute('disabled')).toBe(true);
    await user.selectOptions(within(filters).getByLabelText('Journey'), 'preventive-outreach');
    // Only the places a patient can be are stages to filter on.
    expect(
      within(within(filters).getByLabelText('Stage'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Any stage', 'Outreach', 'Appointment booked', 'Screening done']);
    await user.selectOptions(within(filters).getByLabelText('Stage'), 'booked');
    await user.selectOptions(within(filters).getByLabelText('Status'), 'active');
    await user.click(within(filters).getByLabelText('Overdue only'));
    const last = new URL(api.paths.at(-1)!, 'http://designer').searchParams;
    expect(Object.fromEntries(last)).toEqual({
      pageSize: '50',
      journey: 'preventive-outreach',
      stage: 'booked',
      status: 'active',
      overdue: 'true',
    });
    // The same filters are in the address, so a refresh or a shared link shows this list again.
    expect(screen.getByLabelText('Address').textContent).toBe(
      '/patients?journey=preventive-outreach&stage=booked&status=active&overdue=1',
    );
  });

  test('filters in the address are the list shown; each journey links to its own page with them', async () => {
    const api = fakeApi([journey(1)]);
    await setup(api, '/patients?journey=preventive-outreach&status=paused&bogus=1');
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect((within(filters).getByLabelText('Status') as HTMLSelectElement).value).toBe('paused');
    const asked = new URL(api.paths.at(-1)!, 'http://designer').searchParams;
    expect(Object.fromEntries(asked)).toEqual({
      pageSize: '50',
      journey: 'preventive-outreach',
      status: 'paused',
    });
    expect(screen.getByRole('link', { name: journey(1).id }).getAttribute('href')).toBe(
      `/patients/${journey(1).id}?journey=preventive-outreach&status=paused&bogus=1`,
    );
  });

  test('long lists load a page at a time, and a refresh keeps the pages already loaded', async () => {
    const api = fakeApi([journey(3), journey(2), journey(1)]);
    const user = await setup(api);
    expect(rowIds()).toEqual([journey(3).id, journey(2).id]);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('3 shown (all)');
    expect(rowIds()).toEqual([journey(3).id, journey(2).id, journey(1).id]);

    api.enrol(journey(4));
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    // Journey 2 slid onto the second page: it stays in view all the same.
    expect(rowIds()).toEqual([journey(4).id, journey(3).id, journey(2).id, journey(1).id]);
  });

  test('a patient search and a card id go to the API but never into the address; the sort does', async () => {
    const api = fakeApi([journey(1)]);
    const user = await setup(api);
    const search = screen.getByRole('search', { name: 'Find a patient' });
    expect(within(search).getByLabelText('Card or encounter id').hasAttribute('disabled')).toBe(true);
    await user.type(within(search).getByLabelText('Patient id'), 'pat-77');
    await user.type(within(search).getByLabelText('Card or encounter id'), 'card-9');
    await user.click(within(search).getByRole('button', { name: 'Search' }));
    await user.selectOptions(
      within(screen.getByRole('group', { name: 'Filters' })).getByLabelText('Sort by'),
      'next-deadline',
    );
    const asked = new URL(api.paths.at(-1)!, 'http://designer').searchParams;
    expect(Object.fromEntries(asked)).toEqual({
      pageSize: '50',
      sort: 'next-deadline',
      patientId: 'pat-77',
      instance: 'card-9',
    });
    expect(screen.getByLabelText('Address').textContent).toBe('/patients?sort=next-deadline');
  });

  test('operators see the patient, the next deadline and how long it is overdue', async () => {
    const api = fakeApi([
      {
        ...journey(1),
        patient: { name: 'Maria Nowak', birthDate: '1961-04-02' },
        nextDeadline: { label: 'Diagnosis within 14 days', dueAt: '2026-11-30T10:00:00Z' },
        overdueSince: '2026-11-30T10:00:00Z',
      },
    ]);
    jest.setSystemTime(new Date('2026-12-02T12:00:00Z'));
    await setup(api);
    const headers = within(screen.getByRole('table'))
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.slice(0, 4)).toEqual(['Journey', 'Patient', 'Next deadline', 'Overdue by']);
    const row = screen.getByRole('row', { name: /preventive-outreach-0+1/ });
    expect(row.textContent).toContain('Maria Nowak born 1961-04-02');
    expect(row.textContent).toContain('Diagnosis within 14 days');
    expect(row.textContent).toContain('2 d 2 h overdue');
  });

  test('sorted by next deadline, a list too long to order whole says how far the order goes', async () => {
    const api = fakeApi([journey(1)]);
    const client: ApiClient = {
      ...api.client,
      get: fakeGet(() => Promise.resolve<JourneyPage>({ items: [journey(1)], truncated: true })),
    };
    await setup({ ...api, client }, '/patients?sort=next-deadline');
    expect(screen.getByText(/the 10,000 due first come first/)).toBeTruthy();
  });
});

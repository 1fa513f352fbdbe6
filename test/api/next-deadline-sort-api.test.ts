import request from 'supertest';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { createTestNamespace } from '../helpers/test-namespace';
import { uniqueName } from '../helpers/test-stack';

const DAY = 24 * 60 * 60 * 1000;

interface ListedJourney {
  id: string;
  nextDeadline?: { label: string; dueAt: string };
  overdueSince?: string;
}

interface Page {
  items: ListedJourney[];
  nextPageToken?: string;
}

/*
 * sort=next-deadline across pages: more journeys than a page, the most overdue one enrolled first
 * (so the newest-first list shows it last), read two at a time. A namespace of its own, so the
 * list holds exactly these journeys.
 */
describe('the patients list sorted by next deadline, across pages (real API, worker, Temporal)', () => {
  let stack: ApiStack;
  const ids: Record<'overdue' | 'ago5' | 'ago3' | 'ago2' | 'ago1' | 'noClock', string> = {
    overdue: '',
    ago5: '',
    ago3: '',
    ago2: '',
    ago1: '',
    noClock: '',
  };

  beforeAll(async () => {
    stack = await startApiStack({ TEMPORAL_NAMESPACE: await createTestNamespace('deadline-sort') });
    const start = async (clockStartedDaysAgo?: number) =>
      (
        await request(stack.http)
          .post('/api/journeys')
          .set('Authorization', DEMO_KEYS.operator)
          .send({
            journey: 'oncology-fast-track',
            patientId: uniqueName('pat'),
            params: {
              cardId: uniqueName('card'),
              ...(clockStartedDaysAgo === undefined
                ? {}
                : { clockStartAt: new Date(Date.now() - clockStartedDaysAgo * DAY).toISOString() }),
              timeZone: 'Europe/Warsaw',
            },
          })
          .expect(201)
      ).body.id as string;
    // Enrolled oldest first: the card whose clock started 40 days ago is long overdue.
    ids.overdue = await start(40);
    ids.ago5 = await start(5);
    ids.ago3 = await start(3);
    ids.noClock = await start();
    ids.ago1 = await start(1);
    ids.ago2 = await start(2);
  }, 120_000);
  afterAll(() => stack?.close());

  const page = (query: Record<string, string | number>, expectStatus = 200) =>
    request(stack.http)
      .get('/api/journeys')
      .query({ journey: 'oncology-fast-track', pageSize: 2, ...query })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(expectStatus);

  async function allPages(query: Record<string, string>): Promise<Page[]> {
    const pages: Page[] = [];
    let token: string | undefined;
    do {
      const { body } = await page({ ...query, ...(token ? { pageToken: token } : {}) });
      pages.push(body as Page);
      token = (body as Page).nextPageToken;
    } while (token);
    return pages;
  }
  // A full last page may still carry a token (visibility's own paging does so): its next page is empty.
  const idsOf = (pages: Page[]) =>
    pages.map((read) => read.items.map((item) => item.id)).filter((read) => read.length > 0);

  test('[HZ-97] the most overdue journey, enrolled first, heads page 1; later pages continue in deadline order', async () => {
    const expected = [
      [ids.overdue, ids.ago5],
      [ids.ago3, ids.ago2],
      [ids.ago1, ids.noClock],
    ];
    // Visibility is eventually consistent: the search attributes land just after each journey's first task.
    const pages = await eventually(
      () => allPages({ sort: 'next-deadline' }),
      (read) => JSON.stringify(idsOf(read)) === JSON.stringify(expected),
      20_000,
    );
    expect(idsOf(pages)).toEqual(expected);

    const [first] = pages[0]!.items;
    expect(Date.parse(first!.overdueSince!)).toBeLessThan(Date.now());
    expect(first!.nextDeadline!.dueAt).toBe(first!.overdueSince);
    const due = pages.flatMap((read) => read.items.flatMap((item) => item.nextDeadline?.dueAt ?? []));
    expect(due).toHaveLength(5);
    expect(due).toEqual([...due].sort());
    const noClock = pages.flatMap((read) => read.items).find((item) => item.id === ids.noClock);
    expect(noClock).not.toHaveProperty('nextDeadline');

    // Newest first, the same journey is on the last page: a sort within each page never found it.
    const newest = idsOf(await allPages({}));
    expect(newest[0]).not.toContain(ids.overdue);
    expect(newest.flat()).toHaveLength(6);
  });

  test('a next-deadline page token continues only that list', async () => {
    const { body } = await page({ sort: 'next-deadline' });
    const token = (body as Page).nextPageToken!;
    expect(token).toEqual(expect.any(String));
    const others: Array<Record<string, string>> = [
      {},
      { sort: 'started' },
      { status: 'active', sort: 'next-deadline' },
    ];
    for (const other of others) {
      const refused = await page({ ...other, pageToken: token }, 400);
      expect(refused.body.errors[0].field).toBe('pageToken');
    }
  });
});

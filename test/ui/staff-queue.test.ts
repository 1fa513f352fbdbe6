import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createStaffTaskActivity } from '../../activities/staff-tasks/create-staff-task';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { uniqueName } from '../helpers/test-stack';

const HOUR = 3_600_000;

/*
 * The staff queue as a nurse works it, in headless Chromium: the most overdue task is found from
 * the queue and its journey reached in under five clicks, on a desk screen and on a phone.
 */
describe('the staff work list in headless Chromium', () => {
  let stack: ApiStack;
  let browser: Browser;
  const journeys: Record<'mostOverdue' | 'lessOverdue', string> = { mostOverdue: '', lessOverdue: '' };

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist }, undefined, { fhirSandbox: { seed: true } });
    const createStaffTask = createStaffTaskActivity(stack.database.dataSource);
    const now = Date.now();
    for (const [name, patientId, lateHours] of [
      ['lessOverdue', 'pat-1002', 2],
      ['mostOverdue', 'pat-1001', 50],
    ] as const) {
      const { body } = await request(stack.http)
        .post('/api/journeys')
        .set('Authorization', DEMO_KEYS.operator)
        .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
        .expect(201);
      journeys[name] = body.id as string;
      await createStaffTask({
        idempotencyKey: `${body.id}/${uniqueName('follow-up')}`,
        journeyId: body.id as string,
        patientRef: `ref-${patientId}`,
        patientId,
        kind: 'result-follow-up',
        priority: 'routine',
        title: 'Follow up the flu shot invitation',
        details: { reason: `${lateHours} hours without an answer` },
        dueAt: new Date(now - lateHours * HOUR).toISOString(),
      });
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** Counts every click the nurse makes in the page (a select's choice is no click: counted by hand). */
  async function countingClicks(page: Page): Promise<() => number> {
    let clicks = 0;
    page.on('console', (message) => {
      if (message.text() === '[click]') clicks++;
    });
    await page.addInitScript({
      content: "document.addEventListener('click', () => console.log('[click]'), true);",
    });
    return () => clicks;
  }

  test.each([
    ['a desk screen, as a table', { width: 1280, height: 800 }, 'staff-queue-work-list.png'],
    ['a phone, as cards', { width: 390, height: 844 }, 'staff-queue-work-list-phone.png'],
  ])(
    'a nurse finds the most overdue task and reaches its journey in under five clicks (%s)',
    async (_screen, viewport, screenshot) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const clicks = await countingClicks(page);
      await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Staff queue' })
        .click();
      const queue = page.getByRole('region', { name: 'Staff work queue' });
      await queue.getByLabel('Sort').selectOption('due');
      await queue
        .getByRole('status')
        .filter({ hasText: /^1–\d+ of \d+$/ })
        .waitFor();

      const first = queue.getByRole('row', { name: 'Follow up the flu shot invitation' }).first();
      await first.getByText('Maria Nowak').waitFor();
      await expect(first.getByText(/Overdue by 2 d 2 h/).count()).resolves.toBe(1);
      await first.getByText('50 hours without an answer').waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, screenshot), fullPage: true });

      const link = first.getByRole('link', { name: 'preventive-outreach' });
      expect(await link.getAttribute('href')).toBe(`/patients/${journeys.mostOverdue}`);
      await link.click();
      await page.waitForURL(`**/patients/${journeys.mostOverdue}`);
      await page.getByRole('region', { name: `Journey ${journeys.mostOverdue}` }).waitFor();
      // Sign in, Staff queue, the journey: three clicks, and the sort choice counted as a fourth.
      expect(clicks()).toBe(3);
      expect(clicks() + 1).toBeLessThan(5);
      await context.close();
    },
  );

  test('focus stays on the task after claiming it; completing needs a chosen outcome, and focus moves to the next task', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Staff queue' })
      .click();
    const queue = page.getByRole('region', { name: 'Staff work queue' });
    await queue.getByLabel('Sort').selectOption('due');
    const rows = queue.getByRole('row', { name: 'Follow up the flu shot invitation' });
    await rows.nth(1).waitFor();
    const [first, second] = await Promise.all([
      rows.nth(0).getAttribute('id'),
      rows.nth(1).getAttribute('id'),
    ]);
    const focusOn = (id: string | null) =>
      page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(id)}`, undefined, {
        timeout: 5_000,
      });

    await rows
      .nth(0)
      .getByRole('button', { name: /^Claim/ })
      .click();
    await rows.nth(0).getByRole('cell', { name: 'dev-operator', exact: true }).waitFor();
    await focusOn(first);

    const complete = rows.nth(0).getByRole('button', { name: 'Complete' });
    expect(await complete.isDisabled()).toBe(true);
    expect(
      await rows
        .nth(0)
        .getByLabel(/^Outcome/)
        .inputValue(),
    ).toBe('');
    await rows
      .nth(0)
      .getByLabel(/^Outcome/)
      .selectOption('reached');
    await complete.click();
    await page.locator(`#${first}`).waitFor({ state: 'detached' });
    await focusOn(second);
    await context.close();
  });
});

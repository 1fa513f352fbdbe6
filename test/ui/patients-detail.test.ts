import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { uniqueName } from '../helpers/test-stack';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DAY = 24 * 60 * 60 * 1000;
const PATIENT = 'pat-1001';

/*
 * An operations nurse looks for one patient in the patients list, sorts by next deadline, opens
 * the most overdue journey and finds its breached deadline at the top of the page, above the map;
 * the timeline names who paused it. On a desk screen and on a phone, with axe on both screens.
 */
describe('[HZ-97] the patients list and a journey page in headless Chromium', () => {
  let stack: ApiStack;
  let browser: Browser;
  const journeys = { overdue: '', onTime: '', otherPatient: '' };

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist }, undefined, { fhirSandbox: { seed: true } });
    const start = async (patientId: string, clockStartedDaysAgo: number) =>
      (
        await request(stack.http)
          .post('/api/journeys')
          .set('Authorization', DEMO_KEYS.operator)
          .send({
            journey: 'oncology-fast-track',
            patientId,
            params: {
              cardId: uniqueName('card'),
              clockStartAt: new Date(Date.now() - clockStartedDaysAgo * DAY).toISOString(),
              timeZone: 'Europe/Warsaw',
            },
          })
          .expect(201)
      ).body.id as string;
    // Maria has two cards: one whose clock started 40 days ago (its first deadline has passed),
    // one started yesterday, and the newer one is listed first until the nurse sorts.
    journeys.overdue = await start(PATIENT, 40);
    journeys.onTime = await start(PATIENT, 1);
    journeys.otherPatient = await start('pat-1002', 45);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function axeSerious(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  }

  test.each([
    ['a desk screen', { width: 1440, height: 900 }, 'desk'],
    ['a phone', { width: 390, height: 844 }, 'phone'],
  ])(
    'an operator finds a patient, sorts by next deadline and opens the most overdue journey: the breach is above the map (%s)',
    async (_screen, viewport, shot) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Patients' })
        .click();
      const list = page.getByRole('region', { name: 'Patients in journeys' });

      const search = list.getByRole('search', { name: 'Find a patient' });
      await search.getByLabel('Patient id').fill(PATIENT);
      await search.getByRole('button', { name: 'Search' }).click();
      await list.getByLabel('Sort by').selectOption('next-deadline');
      // The patient id stays out of the address (and so out of the browser history).
      expect(page.url()).not.toContain(PATIENT);
      expect(new URL(page.url()).search).toBe('?sort=next-deadline');

      // Only Maria's journeys, the overdue one first, with her name and how overdue it is.
      const journeyLinks = list.getByRole('link', { name: /^oncology-fast-track-/ });
      await list
        .getByText(/overdue$/)
        .first()
        .waitFor({ timeout: 30_000 });
      await until(() => journeyLinks.allTextContents(), [journeys.overdue, journeys.onTime]);
      expect(await list.textContent()).toContain('Maria Nowak');
      expect(await axeSerious(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: join(SCREENSHOT_DIR, `patients-list-${shot}.png`), fullPage: true });

      await journeyLinks.first().click();
      const detail = page.getByRole('region', { name: `Journey ${journeys.overdue}` });
      const alerts = detail.getByRole('region', { name: 'Alerts' });
      await alerts
        .getByText(/^Breached deadline:/)
        .first()
        .waitFor();
      const map = detail.getByRole('figure', { name: /^Map of / });
      const alertsBox = (await alerts.boundingBox())!;
      const mapBox = (await map.boundingBox())!;
      expect(alertsBox.y + alertsBox.height).toBeLessThanOrEqual(mapBox.y);

      if (shot === 'desk') {
        const controls = detail.getByRole('form', { name: 'Steer this journey' });
        await controls
          .getByLabel('Reason (shown in the timeline)')
          .fill('Patient in hospital, call next week');
        await controls.getByRole('button', { name: 'Pause' }).click();
      }
      const pause = detail
        .getByRole('list', { name: 'Timeline' })
        .getByRole('listitem')
        .filter({ hasText: 'Paused by an operator: Patient in hospital, call next week' });
      await pause.waitFor();
      expect(await pause.textContent()).toContain('by dev-operator');
      expect(await axeSerious(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: join(SCREENSHOT_DIR, `patients-detail-${shot}.png`), fullPage: true });
      await context.close();
    },
    120_000,
  );
});

/** Polls until what `read` gives equals `expected` (the list refreshes itself every few seconds). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    last = await read();
  }
  expect(last).toEqual(expected);
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DAY_MS } from '../../contracts/durations';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { uniqueName } from '../helpers/test-stack';

// Evaluated rather than added as a <script>: the API's CSP rightly refuses inline scripts.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/*
 * Issue 21, point 4, as an operations nurse tries it on an oncology card that is on the waiting
 * list: the event form speaks in words, an implausible event ("treatment started") is named as
 * held before it is sent and refused once it is, and Cancel asks first, repeating the reason.
 */
describe('acting safely in headless Chromium: labelled events, a preview before sending, a confirmed cancel', () => {
  let stack: ApiStack;
  let browser: Browser;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const url = (path: string) => new URL(path, stack.config.publicBaseUrl).toString();

  async function startCard(): Promise<string> {
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'oncology-fast-track',
        patientId: uniqueName('pat'),
        params: {
          cardId: uniqueName('DILO'),
          clockStartAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
          timeZone: 'Europe/Warsaw',
        },
      })
      .expect(201);
    return body.id as string;
  }

  const statusOf = async (id: string) =>
    (
      await request(stack.http)
        .get(`/api/journeys/${id}`)
        .set('Authorization', DEMO_KEYS.operator)
        .expect(200)
    ).body as { status: string; stage: string };

  async function openJourney(id: string, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInAt(page, url(`/patients/${id}`), 'dev-operator-key');
    await page
      .getByRole('region', { name: `Journey ${id}` })
      .getByRole('heading', { name: 'Timeline' })
      .waitFor();
    return { context, page };
  }

  async function seriousAxeViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
  }

  test('[HZ-96] the operator reads the event form in words, is told "treatment started" would be held before sending it, and cannot send it twice', async () => {
    const id = await startCard();
    const { context, page } = await openJourney(id, WIDTHS[0]);
    const form = page.getByRole('form', { name: 'Send an event' });

    const events = await form.getByLabel('Event').locator('option').allTextContents();
    expect(events).toEqual(
      expect.arrayContaining(['Treatment started', 'Clock adjustment (declined offer)']),
    );
    expect(events.filter((event) => /^[a-z]+(-[a-z]+)+$/.test(event))).toEqual([]);

    await form.getByLabel('Event').selectOption({ label: 'Clock adjustment (declined offer)' });
    const labels = await form.locator('label').allTextContents();
    expect(labels).toEqual(['Event', 'Declined offer date', 'Deadline', 'Adjustment', 'Reason']);
    expect(await form.getByText('days', { exact: true }).isVisible()).toBe(true);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'acting-safely-event-labels-1440.png'),
      fullPage: true,
    });

    await form.getByLabel('Event').selectOption({ label: 'Treatment started' });
    expect(await form.locator('label').allTextContents()).toEqual(['Event', 'When it happened (optional)']);
    await form.getByRole('button', { name: 'Check what would happen' }).click();
    const prediction = form.getByRole('status');
    await prediction.waitFor();
    expect(await prediction.textContent()).toBe(
      'The journey would hold “Treatment started” until Cancer confirmed is recorded: it does not take effect now.',
    );
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'acting-safely-preview-held-1440.png'),
      fullPage: true,
    });
    expect((await statusOf(id)).stage).toBe('waiting-list');

    await form.getByRole('button', { name: 'Send and hold it' }).click();
    await form
      .getByText('Sent: the journey holds “Treatment started” until Cancer confirmed is recorded.')
      .waitFor();
    expect((await statusOf(id)).stage).toBe('waiting-list');

    // The same event again: the journey would refuse it, and the form offers no way to send it.
    await form.getByLabel('Event').selectOption({ label: 'Treatment started' });
    await form.getByRole('button', { name: 'Check what would happen' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('The journey would refuse “Treatment started”');
    expect(await refusal.textContent()).toContain('already been received');
    expect(await form.getByRole('button', { name: /^Send/ }).count()).toBe(0);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'acting-safely-preview-refused-1440.png'),
      fullPage: true,
    });
    await context.close();
  });

  test('Cancel asks for confirmation repeating the reason; Escape and Back leave the journey running; Confirm ends it; axe finds nothing serious with the dialog open at either width', async () => {
    const id = await startCard();
    const failures: string[] = [];
    for (const viewport of WIDTHS) {
      const { context, page } = await openJourney(id, viewport);
      const controls = page.getByRole('form', { name: 'Steer this journey' });
      await controls.getByLabel('Reason (shown in the timeline)').fill('Card opened for the wrong patient');
      const cancel = controls.getByRole('button', { name: 'Cancel journey' });
      await cancel.click();

      const dialog = page.getByRole('dialog', { name: 'Cancel this journey?' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Reason: Card opened for the wrong patient');
      expect(await dialog.textContent()).toContain('This cannot be undone.');
      // Back has the focus: a stray Enter does not cancel anything.
      expect(await focused(page)).toBe('Back');
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`@${viewport.width}: ${violations.join(', ')}`);
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `acting-safely-cancel-dialog-${viewport.width}.png`),
      });

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('Cancel journey');
      await cancel.click();
      await dialog.getByRole('button', { name: 'Back' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect((await statusOf(id)).status).toBe('active');

      if (viewport.width === WIDTHS[1].width) {
        await cancel.click();
        await dialog.getByRole('button', { name: 'Confirm: cancel the journey' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('form', { name: 'Steer this journey' }).waitFor({ state: 'detached' });
        expect((await statusOf(id)).status).toBe('cancelled');
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});

/** The text of the focused element. A string: this file compiles without the DOM's types. */
const focused = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.textContent');

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}

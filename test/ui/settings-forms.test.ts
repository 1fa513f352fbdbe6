import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';

// Evaluated rather than added as a <script>: the API's CSP rightly refuses inline scripts.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const SETTINGS = '/journeys/preventive-outreach/settings';

/*
 * A care-program designer tunes preventive outreach as a form: an escalation step edited field by
 * field, a readable error for an out-of-range value beside that field, a Spanish clinic location,
 * and the Spanish SMS a patient would get, rendered by the API with the real wording.
 */
describe('settings as forms in headless Chromium', () => {
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

  async function openDraft(viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInAt(page, url(SETTINGS), 'dev-designer-key');
    await page.getByRole('region', { name: 'Journey catalogue' }).waitFor();
    await page.getByRole('button', { name: 'Edit a draft' }).click();
    await page.getByRole('form', { name: 'Draft settings' }).waitFor();
    return { context, page };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `settings-forms-${name}.png`), fullPage: true });
  /** The part of the form a step is about: the whole draft is several screens tall. */
  const shotOf = (part: Locator, name: string) =>
    part.screenshot({ path: join(SCREENSHOT_DIR, `settings-forms-${name}.png`) });

  test('a designer edits an escalation step, reads a plain error, gives a Spanish location and sees the Spanish SMS', async () => {
    const { context, page } = await openDraft(WIDTHS[0]);
    const form = page.getByRole('form', { name: 'Draft settings' });

    // The plan is rows of labelled fields, not a JSON box; no label is made from a key.
    const steps = form.getByRole('group', { name: 'Outreach escalation plan › Steps' });
    expect(await form.locator('textarea').count()).toBe(0);
    expect(await steps.getByRole('group', { name: /^Steps, Row \d$/ }).count()).toBe(4);
    const secondStep = steps.getByRole('group', { name: 'Steps, Row 2' });
    expect(await secondStep.getByLabel(/Channel$/).inputValue()).toBe('sms');
    const respondWithin = secondStep.getByLabel(/Respond within \(hours\)/);
    await respondWithin.fill('500');
    await shotOf(secondStep, 'step-edited-1440');

    await page.getByRole('button', { name: 'Validate' }).click();
    const problem = secondStep.getByText('Respond within (hours) must be at most 336.');
    await problem.waitFor();
    expect(await respondWithin.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(/Too big|expected number/).count()).toBe(0);
    await shotOf(secondStep, 'readable-error-1440');

    await respondWithin.fill('48');
    // Rows move and go: the staff call moves up a place, then back.
    await steps.getByRole('button', { name: 'Move up: Steps, Row 3' }).click();
    expect(
      await steps
        .getByRole('group', { name: 'Steps, Row 2' })
        .getByLabel(/Call priority/)
        .inputValue(),
    ).toBe('routine');
    await steps.getByRole('button', { name: 'Move down: Steps, Row 2' }).click();

    // The flu shot's locations, in Spanish beside the default English.
    const locations = form.getByRole('group', { name: 'Screening items › Flu shot › Where to go' });
    expect(await locations.getByLabel(/English \(default\)/).inputValue()).toBe('your local pharmacy');
    await locations.getByLabel(/Spanish/).fill('Farmacia de la calle Mayor');

    const preview = page.getByRole('region', { name: 'Message preview' });
    await preview.getByLabel('Wording').selectOption('preventive-outreach.flu-shot.call-to-action');
    await preview.getByLabel('Language').selectOption('es');
    await preview.getByLabel('Channel').selectOption('sms');
    await preview.getByRole('button', { name: 'Preview the message' }).click();
    const text = preview.locator('.message-preview-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('Farmacia de la calle Mayor');
    expect(await text.textContent()).not.toContain('your local pharmacy');
    expect(await preview.locator('figure').getAttribute('lang')).toBe('es');
    await shotOf(locations, 'spanish-location-1440');
    await shotOf(preview, 'spanish-sms-preview-1440');

    // Without the Spanish text, the preview says the English one stands in.
    await locations.getByLabel(/Spanish/).fill('');
    await preview.getByRole('button', { name: 'Preview the message' }).click();
    await preview.getByText('Where to go has no Spanish text: the message shows the English one.').waitFor();
    await shotOf(preview, 'fallback-flagged-1440');
    await context.close();
  });

  test("every journey's settings form at 1440x900 and 390x844: forms not JSON, no sideways scroll, no serious axe violations", async () => {
    const journeys = [
      'preventive-outreach',
      'oncology-fast-track',
      'emergency-follow-up',
      'prediabetes-care',
      'appointment-reminder',
    ];
    const failures: string[] = [];
    const report: string[] = [];
    for (const viewport of WIDTHS) {
      const { context, page } = await openDraft(viewport);
      // With a problem on screen: a state a designer meets.
      const steps = page.getByRole('group', { name: 'Outreach escalation plan › Steps' });
      await steps
        .getByRole('group', { name: 'Steps, Row 2' })
        .getByLabel(/Respond within/)
        .fill('500');
      await page.getByRole('button', { name: 'Validate' }).click();
      await page.getByText('Respond within (hours) must be at most 336.').first().waitFor();
      for (const journey of journeys) {
        if (journey !== 'preventive-outreach') {
          await page.goto(url(`/journeys/${journey}/settings`));
          await page.getByRole('button', { name: 'Edit a draft' }).click();
          await page.getByRole('form', { name: 'Draft settings' }).waitFor();
        }
        await page.waitForLoadState('networkidle');
        const boxes = await page.getByRole('form', { name: 'Draft settings' }).locator('textarea').count();
        const width = await page.evaluate<number>('document.documentElement.scrollWidth');
        await page.evaluate(AXE_SOURCE);
        const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
        const serious = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        const where = `/journeys/${journey}/settings @${viewport.width}`;
        report.push(`${where}: width ${width}, JSON boxes ${boxes}, serious/critical ${serious.length}`);
        if (boxes > 0) failures.push(`${where}: ${boxes} JSON text boxes`);
        if (width > viewport.width) failures.push(`${where}: page is ${width} px wide`);
        if (serious.length > 0) failures.push(`${where}: ${serious.join('; ')}`);
        await shot(page, `draft-${journey}-${viewport.width}`);
      }
      await context.close();
    }
    console.log(report.join('\n'));
    expect(failures).toEqual([]);
  });

  test('oncology deadline profiles are titled and edited as rows: a milestone select, milestones to tick, days', async () => {
    const { context, page } = await openDraft(WIDTHS[0]);
    await page.goto(url('/journeys/oncology-fast-track/settings'));
    await page.getByRole('button', { name: 'Edit a draft' }).click();
    const dilo = page.getByRole('group', { name: 'Deadline profiles › DiLO (Poland)' });
    await dilo.waitFor();
    await page.getByRole('group', { name: 'Deadline profiles › NHS England' }).waitFor();
    expect(await page.getByText(/^(Dilo|Nhs england)$/).count()).toBe(0);
    const first = dilo.getByRole('group', { name: 'DiLO (Poland), Row 1', exact: true });
    expect(await first.getByLabel(/Starts at milestone/).inputValue()).toBe('clock-start');
    expect(await first.getByLabel(/Deadline \(calendar days\)/).inputValue()).toBe('14');
    const metBy = first.getByRole('group', { name: /Met by milestones/ });
    expect(await metBy.getByRole('checkbox', { name: 'specialist-visit-done' }).isChecked()).toBe(true);
    await shotOf(first, 'oncology-deadline-row-1440');
    await context.close();
  });
});

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}

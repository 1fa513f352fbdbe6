import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { createTestNamespace } from '../helpers/test-namespace';
import { uniqueName } from '../helpers/test-stack';

// Evaluated rather than added as a <script>: the API's CSP rightly refuses inline scripts.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/*
 * The operations console as an operator, an auditor and an integration engineer try it: every
 * place has an address (pasted into a new tab, Back and Forward, refresh), failures say so with a
 * Retry, a key without a screen is told at sign-in, and every route works at 390 px and passes axe.
 */
describe('console in headless Chromium: addresses, failures, roles, small screens, accessibility', () => {
  let stack: ApiStack;
  let browser: Browser;
  let journeyId: string;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    // A namespace of its own: the patients list is newest first, and journeys other test files
    // start meanwhile would push this one off its first page.
    stack = await startApiStack({
      DESIGNER_DIST: designerDist,
      TEMPORAL_NAMESPACE: await createTestNamespace('console-ui'),
    });
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'preventive-outreach', patientId: uniqueName('pat'), params: { item: 'flu-shot' } })
      .expect(201);
    journeyId = body.id as string;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const url = (path: string) => new URL(path, stack.config.publicBaseUrl).toString();

  async function signIn(page: Page, key: string): Promise<void> {
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function openAs(key: string, path = '/', viewport = { width: 1440, height: 900 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url(path));
    await signIn(page, key);
    return { context, page };
  }

  test('a journey link pasted into a new tab opens the same journey; Back, Forward and refresh keep the place', async () => {
    const { context, page } = await openAs('dev-operator-key', '/patients');
    const patients = page.getByRole('region', { name: 'Patients in journeys' });
    await patients.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('active');
    await page.waitForURL(/\/patients\?status=active$/);
    await patients.getByRole('link', { name: journeyId }).click();
    await page.waitForURL((address) => address.pathname === `/patients/${journeyId}`);
    await page
      .getByRole('region', { name: `Journey ${journeyId}` })
      .getByRole('heading', { name: 'Timeline' })
      .waitFor();
    // Only the opaque journey id is in the address, never the patient.
    expect(page.url()).not.toContain('pat-');

    // A second tab has no key yet: after signing in it lands on the very journey.
    const second = await context.newPage();
    await second.goto(page.url());
    await signIn(second, 'dev-operator-key');
    await second
      .getByRole('region', { name: `Journey ${journeyId}` })
      .getByRole('heading', { name: 'Timeline' })
      .waitFor();
    await second.close();

    await page.goBack();
    await page.waitForURL(/\/patients\?status=active$/);
    expect(await patients.getByLabel('Status').inputValue()).toBe('active');
    await page.goForward();
    await page.getByRole('region', { name: `Journey ${journeyId}` }).waitFor();
    await page.goBack();

    await page.reload();
    await patients.getByRole('link', { name: journeyId }).waitFor();
    expect(await patients.getByLabel('Status').inputValue()).toBe('active');
    expect(new URL(page.url()).search).toBe('?status=active');

    // The catalogue's map and settings have addresses of their own too.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Journeys' }).click();
    await page.getByRole('tab', { name: 'Program settings' }).click();
    await page.waitForURL(/\/journeys\/[^/]+\/settings$/);
    await page.reload();
    expect(await page.getByRole('tab', { name: 'Program settings' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await context.close();
  });

  test('a 429 on the session shows an error saying how long to wait, and Retry brings the console back', async () => {
    // Signed in, then the API starts refusing: a refresh reads the session again and gets a 429.
    const { context, page } = await openAs('dev-operator-key', '/patients');
    await page.route('**/api/session', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '30', 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'Too many requests.' }),
      }),
    );
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'wait 30 seconds' });
    await alert.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-429.png') });
    await page.unroute('**/api/session');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Staff queue' })
      .waitFor();
    await page.getByRole('region', { name: 'Patients in journeys' }).waitFor();
    await context.close();
  });

  test('an integration key is told at sign-in that the console has no screen for it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAt(page, url('/'), 'dev-integration-key');
    await page.getByRole('alert').filter({ hasText: 'This is an integration key' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await context.close();
  });

  test('an auditor filters the audit trail by journey and action; the patient filter stays out of the address', async () => {
    await request(stack.http)
      .get(`/api/journeys/${journeyId}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    const { context, page } = await openAs('dev-auditor-key', '/audit');
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByLabel('Journey id').fill(journeyId);
    await filters.getByLabel('Action').fill('journey.read');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'dev-operator' }).first().waitFor();
    // The rows shown before the filtered page arrives (the journey's start among them) satisfy
    // the wait above too: the filtered page is the one whose rows all read journey.read.
    const actionsShown = () => table.locator('tbody tr td:nth-child(3) code').allTextContents();
    const actions = await eventually(
      actionsShown,
      (shown) => shown.length > 0 && shown.every((action) => action === 'journey.read'),
    );
    expect(new Set(actions)).toEqual(new Set(['journey.read']));
    expect(new URL(page.url()).searchParams.get('journeyId')).toBe(journeyId);

    await filters.getByLabel('Patient id').fill('pat-not-in-address');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No audit events match these filters.').waitFor();
    expect(page.url()).not.toContain('pat-not-in-address');
    await context.close();
  });

  test('every route at 1440x900 and 390x844: no sideways scroll, Sign out on screen, no serious axe violations', async () => {
    const { body: types } = await request(stack.http)
      .get('/api/journey-types')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    const type = (types as Array<{ id: string }>)[0]!.id;
    const routes = [
      {
        key: 'dev-operator-key',
        path: `/journeys/${type}/map`,
        ready: 'Journey catalogue',
        shot: 'journey-map',
      },
      {
        key: 'dev-operator-key',
        path: `/journeys/${type}/settings`,
        ready: 'Journey catalogue',
        shot: 'journey-settings',
      },
      {
        key: 'dev-operator-key',
        path: '/patients?status=active',
        ready: 'Patients in journeys',
        shot: 'patients',
      },
      {
        key: 'dev-operator-key',
        path: `/patients/${journeyId}`,
        ready: `Journey ${journeyId}`,
        shot: 'journey-detail',
      },
      { key: 'dev-operator-key', path: '/queue', ready: 'Staff work queue', shot: 'staff-queue' },
      { key: 'dev-auditor-key', path: '/audit', ready: 'Audit trail', shot: 'audit' },
    ];
    const report: string[] = [];
    const failures: string[] = [];
    for (const viewport of WIDTHS) {
      const contexts: Record<string, { context: BrowserContext; page: Page }> = {};
      for (const route of routes) {
        contexts[route.key] ??= await openAs(route.key, '/', viewport);
        const { page } = contexts[route.key]!;
        await page.goto(url(route.path));
        await page.getByRole('region', { name: route.ready }).waitFor();
        await page.waitForLoadState('networkidle');
        // Strings: this file compiles without the DOM's types, the page runs them with its own.
        const width = await page.evaluate<number>('document.documentElement.scrollWidth');
        const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
        await page.evaluate(AXE_SOURCE);
        const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
        const violations = results.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        const name = `${route.shot}-${viewport.width}`;
        await page.screenshot({ path: join(SCREENSHOT_DIR, `console-${name}.png`), fullPage: true });
        report.push(
          `${route.path} @${viewport.width}: width ${width}, serious/critical ${violations.length}`,
        );
        if (width > viewport.width)
          failures.push(`${route.path} @${viewport.width}: page is ${width} px wide`);
        if (!signOut || signOut.x + signOut.width > viewport.width)
          failures.push(`${route.path} @${viewport.width}: Sign out is off screen`);
        if (violations.length) failures.push(`${route.path} @${viewport.width}: ${violations.join(', ')}`);
      }
      for (const { context } of Object.values(contexts)) await context.close();

      // The sign-in page is a screen as well.
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(url('/'));
      await page.getByLabel('API key').waitFor();
      await page.evaluate(AXE_SOURCE);
      const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
      const serious = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      report.push(`sign-in @${viewport.width}: width ${width}, serious/critical ${serious.length}`);
      if (width > viewport.width) failures.push(`sign-in @${viewport.width}: page is ${width} px wide`);
      if (serious.length) failures.push(`sign-in @${viewport.width}: ${serious.map((v) => v.id).join(', ')}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `console-sign-in-${viewport.width}.png`) });
      await context.close();
    }
    console.log(report.join('\n'));
    expect(failures).toEqual([]);
  });
});

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}

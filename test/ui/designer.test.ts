import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { createTestNamespace } from '../helpers/test-namespace';
import { uniqueName } from '../helpers/test-stack';

/*
 * The designer as an operator uses it, in headless Chromium: built from source, served by the
 * real API, signed in with a key, a journey found in the list and opened.
 */
describe('designer in headless Chromium: journeys, the Temporal Web UI link, the staff work queue', () => {
  let stack: ApiStack;
  let browser: Browser;
  let journeyId: string;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    // A namespace of its own: the patients list is newest first, and journeys other test files
    // start meanwhile would push this one off its first page.
    stack = await startApiStack({
      DESIGNER_DIST: designerDist,
      TEMPORAL_NAMESPACE: await createTestNamespace('designer-ui'),
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

  test('an operator signs in, opens a journey, and following it to the Temporal Web UI opens a codec session', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Patients' }).click();

    await page.getByRole('link', { name: journeyId }).click();
    const detail = page.getByRole('region', { name: `Journey ${journeyId}` });
    await detail.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-journey-detail.png'), fullPage: true });
    // Nothing about the patient in the address bar: the journey id is opaque.
    expect(page.url()).not.toContain('pat-');

    expect(await context.cookies()).toEqual([]);
    const link = detail.getByRole('link', { name: 'Open in Temporal Web UI' });
    expect(await link.getAttribute('href')).toContain(`/workflows/${journeyId}`);
    // The Web UI is not running here: keep the new tab from loading it, watch the session call.
    await context.route('http://localhost:8233/**', (route) => route.abort());
    const session = page.waitForResponse((response) => response.url().endsWith('/api/codec/session'));
    await link.click();
    expect((await session).status()).toBe(204);
    const cookies = await context.cookies();
    expect(cookies.map((cookie) => [cookie.name, cookie.path, cookie.httpOnly, cookie.sameSite])).toEqual([
      ['carepath_codec_session', '/api/codec', true, 'Strict'],
    ]);
    await context.close();
  });

  test('an auditor follows the same link without asking for a codec session, and has no staff queue', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sessionCalls: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/codec/session')) sessionCalls.push(response.status());
    });
    await signInAt(page, stack.config.publicBaseUrl, 'dev-auditor-key');
    await page.getByText('Signed in as dev-auditor (auditor)').waitFor();
    // The journey's own address: opening it from the list is the first test.
    await page.goto(`${stack.config.publicBaseUrl}/patients/${journeyId}`);
    await context.route('http://localhost:8233/**', (route) => route.abort());
    const newTab = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Open in Temporal Web UI' }).click();
    await newTab;
    expect(sessionCalls).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.getByRole('link', { name: 'Staff queue' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Staff work queue' }).count()).toBe(0);
    await context.close();
  });

  test("an operator claims the journey's staff call and completes it; the journey hears the outcome", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Staff queue' })
      .click();

    // The journey's patient has no contact on file: its first step became a staff call.
    const queue = page.getByRole('region', { name: 'Staff work queue' });
    const task = queue.getByRole('row', {
      name: 'Call the patient: no message channel could reach them',
    });
    await task.getByRole('button', { name: 'Claim' }).click();

    await task.getByRole('cell', { name: 'dev-operator', exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-staff-queue.png'), fullPage: true });
    await task.getByLabel('Outcome').selectOption('reached');
    await task.getByRole('button', { name: 'Complete' }).click();
    await queue.getByText('No tasks match.').waitFor();

    await page.goto(`${stack.config.publicBaseUrl}/patients/${journeyId}`);
    const detail = page.getByRole('region', { name: `Journey ${journeyId}` });
    await detail
      .getByText(/reached/)
      .first()
      .waitFor({ timeout: 10_000 });
    await context.close();
  });

  test('an operator pauses, resumes and cancels a journey with reasons the timeline shows; a designer cannot', async () => {
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'preventive-outreach', patientId: uniqueName('pat'), params: { item: 'mammogram' } })
      .expect(201);
    const id = body.id as string;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, stack.config.publicBaseUrl, 'dev-operator-key');
    await page.getByText(/^Signed in as/).waitFor();
    await page.goto(`${stack.config.publicBaseUrl}/patients/${id}`);
    const detail = page.getByRole('region', { name: `Journey ${id}` });
    const controls = detail.getByRole('form', { name: 'Steer this journey' });

    // No reason, no control: the buttons wait for one.
    expect(await controls.getByRole('button', { name: 'Pause' }).isDisabled()).toBe(true);
    await controls.getByLabel('Reason (shown in the timeline)').fill('Patient in hospital for a week');
    await controls.getByRole('button', { name: 'Pause' }).click();
    await detail.getByText('Patient in hospital for a week').first().waitFor();
    await detail.getByText('paused', { exact: true }).first().waitFor();

    await controls.getByLabel('Reason (shown in the timeline)').fill('Discharged home');
    await controls.getByRole('button', { name: 'Resume' }).click();
    await detail.getByText('Discharged home').first().waitFor();

    await controls.getByLabel('Reason (shown in the timeline)').fill('Screened at another practice');
    await controls.getByRole('button', { name: 'Cancel journey' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel this journey?' })
      .getByRole('button', { name: /^Confirm/ })
      .click();
    // The reason is also in the dialog and "cancelled" names an end of the map: what says the
    // journey ended is its timeline line, and the controls going away.
    await detail
      .getByRole('list', { name: 'Timeline' })
      .getByText(/Cancelled by an operator: Screened at another practice/)
      .first()
      .waitFor();
    await detail.getByRole('form', { name: 'Steer this journey' }).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-journey-cancelled.png'), fullPage: true });
    await context.close();

    const designer = await browser.newContext();
    const designerPage = await designer.newPage();
    await signInAt(designerPage, stack.config.publicBaseUrl, 'dev-designer-key');
    // Minimum necessary: a designer works on programs and never sees a patient's journey.
    const sections = designerPage.getByRole('navigation', { name: 'Sections' });
    await sections.getByRole('link', { name: 'Journeys' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Patients' }).count()).toBe(0);
    expect(await designerPage.getByRole('link', { name: journeyId }).count()).toBe(0);
    expect(await designerPage.getByRole('form', { name: 'Steer this journey' }).count()).toBe(0);
    await designer.close();
  });
});

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';

const ID = 'screening-booking';

/*
 * Preview as a patient in headless Chromium (issue 22, point 4): the example definition's draft,
 * run in the browser for an English SMS patient and a Spanish email patient, shows each the
 * message in their language, rendered, with times in their zone.
 */
describe('previewing a definition as a patient in headless Chromium', () => {
  let stack: ApiStack;
  let browser: Browser;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist });
    browser = await launchChromium();
    const designer = { Authorization: DEMO_KEYS.designer };
    await request(stack.http)
      .post('/api/journey-definitions')
      .set(designer)
      .send({ id: ID, title: 'Book a screening' })
      .expect(201);
    await request(stack.http)
      .put(`/api/journey-definitions/${ID}/draft`)
      .set(designer)
      .send({ definition: { ...example, id: ID }, basedOnRevision: 1 })
      .expect(200);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const url = (path: string) => new URL(path, stack.config.publicBaseUrl).toString();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `definition-preview-${name}.png`), fullPage: true });

  test('an English SMS patient and a Spanish email patient each see the message in their language', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await signInAt(page, url(`/definitions/${ID}/preview`), 'dev-designer-key');
    await page.getByRole('heading', { name: 'Preview as a patient: Book a screening' }).waitFor();

    await page.getByLabel('schedulingUrl').fill('https://book.example.org');
    const sms = page.getByRole('article', { name: 'Message screening-invitation by SMS' });
    await sms.waitFor();
    expect(await sms.textContent()).toContain('Your screening is due. Book: https://book.example.org');
    expect(await page.getByRole('heading', { name: 'Timeline (America/New_York)' }).count()).toBe(1);
    await shot(page, 'english-sms-1440');

    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Time zone').selectOption('America/Mexico_City');
    await page.getByRole('button', { name: 'Prefer Email' }).click();
    await page.getByRole('checkbox', { name: 'Consents to SMS' }).uncheck();
    const email = page.getByRole('article', { name: 'Message screening-invitation by Email' });
    await email.waitFor();
    expect(await email.textContent()).toContain(
      'Es hora de su prueba de detección. Reserve en https://book.example.org o llámenos.',
    );
    expect(await page.getByRole('heading', { name: 'Timeline (America/Mexico_City)' }).count()).toBe(1);
    await shot(page, 'spanish-email-1440');
    expect(failures).toEqual([]);
    await context.close();
  }, 120_000);
});

import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { freePort } from '../../scripts/dev-stack/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../../scripts/toolchain/temporal-cli';
import { journeyTypeSavedView } from '../../shared/temporal-web-ui/saved-views';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { uniqueName } from '../helpers/test-stack';

const NAMESPACE = 'carepath';
/** How the UI shows a payload it could not decode: its metadata as stored, `binary/encrypted` in base64. */
const ENCRYPTED = Buffer.from('binary/encrypted').toString('base64');

/*
 * The Temporal Web UI as `npm start` runs it (the CLI's dev server with its UI), and the way the
 * README gives to read encrypted journeys there: the codec server set once in the UI's own
 * settings, then the designer's link, which opens the operator's codec session.
 */
describe('the Temporal Web UI decodes journeys through the API for an operator with a codec session', () => {
  let temporal: RunningDevServer;
  let stack: ApiStack;
  let browser: Browser;
  let webUi: string;
  let codecEndpoint: string;
  let journeyId: string;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    temporal = await startTemporalDevServer({
      cliPath: await locateTemporalCli(() => undefined),
      port: temporalPort,
      uiPort,
      namespace: NAMESPACE,
    });
    // One host for both, as on `npm start` (localhost): the codec session cookie is SameSite.
    webUi = `http://127.0.0.1:${uiPort}`;
    codecEndpoint = `http://127.0.0.1:${apiPort}/api/codec`;
    stack = await startApiStack(
      {
        DESIGNER_DIST: designerDist,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: NAMESPACE,
        TEMPORAL_WEB_UI_URL: webUi,
      },
      undefined,
      { port: apiPort },
    );
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
    await temporal?.stop();
  });

  /** README, "Reading encrypted histories": the codec server, once per browser, in the UI's settings. */
  async function setCodecServerInWebUi(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${webUi}/namespaces/${NAMESPACE}/workflows`);
    await page.getByRole('button', { name: 'Codec Server' }).first().click();
    await page.getByLabel('Codec Server browser endpoint').fill(codecEndpoint);
    // A switch drawn over a visually hidden checkbox: its label takes the click.
    const includeCredentials = page.getByRole('switch', { name: 'Include cross-origin credentials' });
    await page.getByText('Include cross-origin credentials', { exact: true }).click();
    expect(await includeCredentials.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Apply' }).click();
    return page;
  }

  test("an operator follows the designer's link and reads the journey's input decoded", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await setCodecServerInWebUi(context);
    const decodeStatuses: number[] = [];
    context.on('response', (response) => {
      if (response.url() === `${codecEndpoint}/decode`) decodeStatuses.push(response.status());
    });
    const designer = await context.newPage();
    await signInAt(designer, stack.config.publicBaseUrl, 'dev-operator-key');
    await designer.getByText(/^Signed in as/).waitFor();
    await designer.goto(`${stack.config.publicBaseUrl}/patients/${journeyId}`);
    const newTab = context.waitForEvent('page');
    await designer.getByRole('link', { name: 'Open in Temporal Web UI' }).click();
    const ui = await newTab;
    await ui.waitForURL(`${webUi}/namespaces/${NAMESPACE}/workflows/${journeyId}/**`);
    await ui.getByText('flu-shot').first().waitFor({ timeout: 20_000 });
    await ui.screenshot({ path: join(SCREENSHOT_DIR, 'temporal-web-ui-decoded.png'), fullPage: true });
    expect(await ui.getByText(ENCRYPTED).count()).toBe(0);
    expect(await ui.getByText('Codec Server could not connect').count()).toBe(0);
    expect(new Set(decodeStatuses)).toEqual(new Set([200]));
    await context.close();
  }, 60_000);

  test('without a codec session the same UI shows the journey encrypted', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await setCodecServerInWebUi(context);
    const refused: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${codecEndpoint}/decode`)) refused.push(response.status());
    });
    await page.goto(`${webUi}/namespaces/${NAMESPACE}/workflows/${journeyId}`);
    await page.getByText(ENCRYPTED).first().waitFor({ timeout: 20_000 });
    await page.locator('#content').getByText('Codec Server could not connect').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'temporal-web-ui-encrypted.png'), fullPage: true });
    expect(await page.getByText('flu-shot').count()).toBe(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([401]));
    await context.close();
  }, 60_000);

  test("the catalogue's link saves the journey type's view in the Web UI; Journey, Stage and Status become columns", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const designer = await context.newPage();
    await signInAt(designer, stack.config.publicBaseUrl, 'dev-designer-key');
    const link = designer.getByRole('link', { name: 'Preventive screening outreach in Temporal Web UI' });
    const view = journeyTypeSavedView(webUi, NAMESPACE, 'preventive-outreach');
    expect(await link.getAttribute('href')).toBe(view.url);
    const newTab = context.waitForEvent('page');
    await link.click();
    const page = await newTab;
    await page.getByRole('link', { name: journeyId }).waitFor({ timeout: 20_000 });

    // Saved in this browser: the plain list offers it, and it filters the list again.
    await page.goto(`${webUi}/namespaces/${NAMESPACE}/workflows`);
    await page.getByText(view.name).first().click();
    await page.waitForURL((url) => url.searchParams.get('query') === view.query);
    await page.getByRole('link', { name: journeyId }).waitFor();

    await page.getByTestId('workflows-summary-table-configuration-button').click();
    for (const column of ['CarepathJourney', 'CarepathStage', 'CarepathStatus'])
      await page.getByRole('button', { name: `Add ${column} column` }).click();
    await page.getByTestId('drawer-close-button').click();
    const row = page.getByRole('row').filter({ hasText: journeyId });
    for (const column of ['CarepathJourney', 'CarepathStage', 'CarepathStatus'])
      expect(await page.getByRole('columnheader', { name: column }).isVisible()).toBe(true);
    await row.getByText('preventive-outreach', { exact: true }).waitFor();
    await row.getByText('active', { exact: true }).waitFor();
    // The new columns follow the default ones, past the table's right edge at this width.
    await page.getByRole('columnheader', { name: 'CarepathStatus' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'temporal-web-ui-saved-view.png'), fullPage: true });
    await context.close();
  }, 60_000);
});

import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { freePort } from '../../scripts/dev-stack/free-port';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../../scripts/toolchain/temporal-cli';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR } from '../helpers/chromium';
import { TEST_NAMESPACE, uniqueName } from '../helpers/test-stack';

/*
 * The Temporal Web UI in a real browser, as `npm start` runs it: a dev server started with
 * --ui-codec-endpoint pointing at the API. An operator with a codec session reads the journey's
 * input decoded; the same page without one shows only ciphertext.
 */
describe('Temporal Web UI with the codec server (headless Chromium)', () => {
  let server: RunningDevServer;
  let stack: ApiStack;
  let browser: Browser;
  let uiOrigin: string;
  let apiOrigin: string;
  let journeyUrl: string;

  beforeAll(async () => {
    const apiPort = await freePort();
    const uiPort = await freePort();
    uiOrigin = `http://localhost:${uiPort}`;
    apiOrigin = `http://localhost:${apiPort}`;
    server = await startTemporalDevServer({
      cliPath: await locateTemporalCli(() => undefined),
      port: await freePort(),
      uiPort,
      namespace: TEST_NAMESPACE,
      uiCodecEndpoint: `${apiOrigin}/api/codec`,
    });
    stack = await startApiStack(
      { TEMPORAL_ADDRESS: server.address, TEMPORAL_WEB_UI_URL: uiOrigin },
      undefined,
      { port: apiPort },
    );
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({
        journey: 'preventive-outreach',
        patientId: uniqueName('pat'),
        params: { item: 'colorectal-screening' },
      })
      .expect(201);
    const { runId } = await stack.temporal.workflow.getHandle(body.id as string).describe();
    journeyUrl = `${uiOrigin}/namespaces/${TEST_NAMESPACE}/workflows/${body.id as string}/${runId}/history`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await server?.stop();
  });

  /**
   * The UI's codec server settings as an operator sets them once (docs/phi-protection.md): this
   * endpoint, with "Include cross-origin credentials" so the browser sends the session cookie.
   */
  async function operatorBrowser(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(
      `window.localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
       window.localStorage.setItem('endpoint', ${JSON.stringify(JSON.stringify(`${apiOrigin}/api/codec`))});
       window.localStorage.setItem('includeCredentials', 'true');`,
    );
    return context;
  }

  /** Opens the journey's page; resolves once the UI has asked the codec server to decode. */
  async function openJourney(context: BrowserContext): Promise<{ page: Page; decodeStatuses: number[] }> {
    const page = await context.newPage();
    const decodeStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/codec/decode')) decodeStatuses.push(response.status());
    });
    const firstDecode = page.waitForResponse((response) => response.url().endsWith('/api/codec/decode'));
    await page.goto(journeyUrl, { waitUntil: 'domcontentloaded' });
    await firstDecode;
    return { page, decodeStatuses };
  }

  test('without a codec session the history shows ciphertext only', async () => {
    const context = await operatorBrowser();
    const { page, decodeStatuses } = await openJourney(context);
    await page.locator('#content').getByText('Codec Server could not connect').waitFor({ timeout: 15_000 });
    // The input box shows the stored payload: encrypted, with its key id beside it.
    await page.getByText('"encryption-key-id"').first().waitFor();
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'temporal-ui-without-codec-session.png'),
      fullPage: true,
    });
    expect(new Set(decodeStatuses)).toEqual(new Set([401]));
    expect(await page.content()).not.toContain('colorectal-screening');
    await context.close();
  });

  test('an operator with a codec session sees the journey input decoded', async () => {
    const context = await operatorBrowser();
    // What the designer does when an operator follows "Open in Temporal Web UI".
    const session = await context.request.post(`${apiOrigin}/api/codec/session`, {
      headers: { Authorization: DEMO_KEYS.operator },
    });
    expect(session.status()).toBe(204);
    const { page, decodeStatuses } = await openJourney(context);
    await page.getByText('"colorectal-screening"').first().waitFor({ timeout: 15_000 });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'temporal-ui-decoded-by-operator.png'),
      fullPage: true,
    });
    expect(decodeStatuses.length).toBeGreaterThan(0);
    expect(new Set(decodeStatuses)).toEqual(new Set([200]));
    expect(await page.content()).not.toContain('encryption-key-id');
    await context.close();
  });
});

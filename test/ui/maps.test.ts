import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { uniqueName } from '../helpers/test-stack';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const DESKTOP = WIDTHS[0];

/** What a reader sees of the map: its zoom, and its labels' font sizes as drawn on screen. */
interface MapView {
  zoom: number;
  /** The smallest node or edge label, in screen pixels (font size times zoom). */
  smallestLabelPx: number;
  edgeLabels: string[];
  nodeLabels: string[];
  /** Node labels whose box cuts their text off. */
  clippedLabels: string[];
  hasMinimap: boolean;
  canvasHeight: number;
}

// A string: this file compiles without the DOM's types, the page runs it with its own.
const READ_MAP = `(() => {
  const viewport = document.querySelector('.react-flow__viewport');
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
  const labels = [...document.querySelectorAll('.map-node-label, .map-edge-label')];
  const px = labels.map((label) => parseFloat(getComputedStyle(label).fontSize) * zoom);
  const nodes = [...document.querySelectorAll('.map-node')];
  return {
    zoom,
    smallestLabelPx: Math.min(...px),
    edgeLabels: [...document.querySelectorAll('.map-edge-label')].map((label) => label.textContent),
    nodeLabels: [...document.querySelectorAll('.map-node-label')].map((label) => label.textContent),
    clippedLabels: nodes
      .filter((node) => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1)
      .map((node) => node.querySelector('.map-node-label').textContent),
    hasMinimap: document.querySelector('.react-flow__minimap svg') !== null,
    canvasHeight: document.querySelector('.journey-map-canvas').getBoundingClientRect().height,
  };
})()`;

/*
 * The journey maps as a care-program designer and an operations nurse open them on a laptop
 * (1440x900) and a phone (390x844): big journeys open readable and pan rather than shrink, shared
 * ways out are drawn once, escalation plans show their days, and the patient's stage is in view.
 */
describe('journey maps in headless Chromium: readable zoom, shared exits, escalation days, patient in view', () => {
  let stack: ApiStack;
  let browser: Browser;
  let journeyId: string;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist });
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

  async function openAs(path: string, viewport: { width: number; height: number } = DESKTOP) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInAt(page, url(path), 'dev-operator-key');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return { context, page };
  }

  async function openMap(page: Page, journeyType: string): Promise<MapView> {
    await page.goto(url(`/journeys/${journeyType}/map`));
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
    // The map is drawn again once the settings arrive (escalation plans): wait for the network.
    await page.waitForLoadState('networkidle');
    await page.locator('.react-flow__node').first().waitFor();
    return page.evaluate<MapView>(READ_MAP);
  }

  test.each(['oncology-fast-track', 'prediabetes-care'])(
    'the %s map opens at a readable zoom with full labels, a minimap and one "operator cancels" arrow',
    async (journeyType) => {
      const { context, page } = await openAs(`/journeys/${journeyType}/map`);
      const view = await openMap(page, journeyType);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `map-${journeyType}-1440.png`) });

      expect(view.zoom).toBeGreaterThanOrEqual(0.6);
      expect(view.smallestLabelPx).toBeGreaterThanOrEqual(10);
      expect(view.clippedLabels).toEqual([]);
      expect(view.hasMinimap).toBe(true);
      // The minimap and the zoom buttons are on screen as the map opens, without scrolling.
      for (const corner of ['.react-flow__minimap', '.react-flow__controls']) {
        const box = (await page.locator(corner).boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(DESKTOP.height);
      }
      // The canvas fills the window below the header and the view's title, not a fixed 520 px.
      expect(view.canvasHeight).toBeGreaterThanOrEqual(DESKTOP.height - 220);
      expect(view.edgeLabels.filter((label) => label.includes('operator cancels'))).toHaveLength(1);
      expect(view.nodeLabels).toContain('From any open stage');
      // The whole label on hover.
      const stage = page.locator('.map-node-stage').first();
      expect(await stage.getAttribute('title')).toContain(
        await stage.locator('.map-node-label').textContent(),
      );
      await context.close();
    },
    60_000,
  );

  test("preventive outreach's map shows its escalation plan as steps with their days", async () => {
    const { context, page } = await openAs('/journeys/preventive-outreach/map');
    const view = await openMap(page, 'preventive-outreach');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'map-preventive-outreach-1440.png') });
    // The published defaults: day 0 call to action, day 3 SMS, day 7 staff call, day 30 letter, close at 45.
    expect(view.nodeLabels).toEqual(
      expect.arrayContaining([
        'Day 0: message (first channel)',
        'Day 3: message (SMS)',
        'Day 7: staff call (routine)',
        'Day 30: message (letter)',
        'Day 45: close if nothing is booked',
        'Day 2: staff call (urgent)',
      ]),
    );
    expect(view.nodeLabels).not.toContain('Message step');
    expect(view.edgeLabels.filter((label) => label.includes('operator cancels'))).toHaveLength(1);
    await page.getByText('Day 0: message (first channel)').waitFor({ state: 'visible' });
    expect(await isInFrame(page, page.getByText('Day 0: message (first channel)'))).toBe(true);
    await context.close();
  }, 60_000);

  test.each(WIDTHS)(
    "the journey detail's map opens on the patient's stage ($width px)",
    async (viewport) => {
      const { context, page } = await openAs(`/patients/${journeyId}`, viewport);
      const here = page.locator('.map-node-patient-here');
      await here.waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const view = await page.evaluate<MapView>(READ_MAP);
      expect(view.zoom).toBeGreaterThanOrEqual(0.6);
      expect(await isInFrame(page, here)).toBe(true);
      // Drawn with the settings the journey was enrolled with: its plan's steps, not the generic loop.
      expect(view.nodeLabels).toEqual(
        expect.arrayContaining(['Day 0: message (first channel)', 'Day 45: close if nothing is booked']),
      );
      expect(view.nodeLabels).not.toContain('Message step');
      const canvas = page.locator('.journey-map-canvas');
      await canvas.scrollIntoViewIfNeeded();
      await canvas.screenshot({ path: join(SCREENSHOT_DIR, `map-journey-detail-${viewport.width}.png`) });
      await context.close();
    },
    60_000,
  );

  test('the map routes have no serious or critical axe violations at 1440 and 390 px', async () => {
    const failures: string[] = [];
    for (const viewport of WIDTHS) {
      const { context, page } = await openAs('/journeys/preventive-outreach/map', viewport);
      for (const path of [
        '/journeys/oncology-fast-track/map',
        '/journeys/prediabetes-care/map',
        '/journeys/preventive-outreach/map',
        `/patients/${journeyId}`,
      ]) {
        await page.goto(url(path));
        await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        await page.evaluate(AXE_SOURCE);
        const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
        const serious = results.violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        if (serious.length)
          failures.push(
            `${path} @${viewport.width}: ${serious
              .map(
                (violation) =>
                  `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
              )
              .join('; ')}`,
          );
        if (path.startsWith('/journeys/')) {
          const name = path.split('/')[2];
          // On a phone the catalogue comes first: the screenshot shows the map, scrolled to.
          await page.locator('.journey-map-canvas').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SCREENSHOT_DIR, `map-${name}-${viewport.width}.png`) });
        }
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

/** Whether the element's box lies inside the map's canvas on screen. */
async function isInFrame(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox();
  const frame = await page.locator('.journey-map-canvas').boundingBox();
  if (!box || !frame) return false;
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: string[] }> }>;
}

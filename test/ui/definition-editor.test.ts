import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';

const ID = 'screening-outreach-ui';

/*
 * A care-program designer builds a journey from nothing in the browser: a message, a wait for a
 * booking with a timeout, a decision, a staff task and an end, connected by dragging on the map;
 * the problems clear as the gaps are filled, it is published with a note, and the API then serves
 * version 1 with what was drawn. The designer previews it as an English SMS patient and a Spanish
 * email patient; an operator enrols a patient over the API, the journey runs on the worker, and
 * the operator finds it on the patients list and opens its map (issue 22's "done when").
 */
describe('authoring a journey definition in headless Chromium', () => {
  let stack: ApiStack;
  let browser: Browser;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack({ DESIGNER_DIST: designerDist });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const url = (path: string) => new URL(path, stack.config.publicBaseUrl).toString();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `definition-editor-${name}.png`), fullPage: true });

  /** A drag from one handle to another, as a designer's mouse does it (React Flow reads mouse events). */
  async function dragOnce(page: Page, from: Locator, to: Locator) {
    const start = await settledBox(from);
    const end = await settledBox(to);
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
    await page.mouse.up();
  }

  /**
   * Where a handle is once the map stops moving: ELK places nodes just added, and the map fits
   * them into view, a frame or more after they appear (longer on a loaded machine).
   */
  async function settledBox(locator: Locator) {
    let last = await locator.boundingBox();
    for (let reads = 0; reads < 30; reads++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const box = await locator.boundingBox();
      if (box && last && box.x === last.x && box.y === last.y && box.width === last.width) return box;
      last = box;
    }
    return last!;
  }

  /**
   * Connects two handles and waits for the new edge. A designer whose drag missed (the map still
   * moving under the mouse) drags again: so does this, up to three times.
   */
  async function drag(page: Page, from: Locator, to: Locator) {
    const edges = page.locator('.react-flow__edge');
    const before = await edges.count();
    for (let attempt = 1; ; attempt++) {
      await dragOnce(page, from, to);
      const connected = await expectCount(edges, before + 1);
      if (connected || attempt === 3) {
        // What the map looked like when a drag was lost, for whoever reads the failure.
        if (!connected) await shot(page, 'drag-missed');
        expect(await edges.count()).toBe(before + 1);
        return;
      }
    }
  }

  async function expectCount(locator: Locator, count: number, timeoutMs = 3_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await locator.count()) === count) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  async function buildJourney(page: Page) {
    const form = page.getByRole('form', { name: 'New journey' });
    await form.getByLabel('Title', { exact: true }).fill('Screening outreach');
    await form.getByLabel(/^Id/).fill(ID);
    await form.getByLabel(/^Languages/).fill('en, es');
    await form.getByRole('button', { name: 'Create the journey' }).click();
    await page.getByRole('heading', { name: 'Screening outreach', exact: true }).waitFor();
    const map = page.getByRole('region', { name: 'Journey map editor' });
    const handle = (name: string) => map.getByLabel(name, { exact: true });
    await handle('Connect to Done').waitFor();

    // The journey declares the booking event its wait hears.
    const journey = page.getByRole('region', { name: 'Journey properties' });
    await journey.getByRole('button', { name: 'Add to events the journey hears' }).click();
    const event = journey.getByRole('group', { name: 'Events the journey hears: 1' });
    await event.getByLabel('Event type', { exact: true }).fill('appointment-booked');
    await event.getByLabel('Label', { exact: true }).fill('Appointment booked');

    const palette = page.getByRole('toolbar', { name: 'Add a node' });
    await palette.getByRole('button', { name: 'Add message' }).click();
    const message = page.getByRole('region', { name: 'Properties of Message 1' });
    await message
      .getByLabel('English, plain, Any channel', { exact: true })
      .fill('It is time for your screening. Call us to book.');
    await message
      .getByLabel('Spanish, plain, Any channel', { exact: true })
      .fill('Es hora de su prueba de detección. Llámenos para reservar.');
    // The message editor shows it as the patient would get it.
    await message
      .getByRole('region', { name: 'Rendered message' })
      .getByText('It is time for your screening. Call us to book.')
      .first()
      .waitFor();
    await message.getByRole('button', { name: 'Start the journey here' }).click();

    await palette.getByRole('button', { name: 'Add wait' }).click();
    await palette.getByRole('button', { name: 'Add decision' }).click();
    await palette.getByRole('button', { name: 'Add staff task' }).click();
    await handle('Connect to Staff task 1').waitFor();

    await drag(page, handle('Connect sent from Message 1'), handle('Connect to Wait 1'));
    await drag(page, handle('Connect event from Wait 1'), handle('Connect to Decision 1'));
    await drag(page, handle('Connect timeout from Wait 1'), handle('Connect to Decision 1'));
    await drag(page, handle('Connect branch from Decision 1'), handle('Connect to Done'));
    await drag(page, handle('Connect otherwise from Decision 1'), handle('Connect to Staff task 1'));
    await drag(page, handle('Connect other outcome from Staff task 1'), handle('Connect to Done'));
    await shot(page, 'connected');

    // A node added by mistake goes with the Delete key, and its edge with it.
    await palette.getByRole('button', { name: 'Add timer' }).click();
    await drag(page, handle('Connect elapsed from Timer 1'), handle('Connect to Done'));
    const timerEdge = map.getByLabel('Timer 1 elapsed to Done', { exact: true });
    await timerEdge.waitFor({ state: 'attached' });
    await map.getByText('Timer 1', { exact: true }).click();
    await page.keyboard.press('Delete');
    await map.getByText('Timer 1', { exact: true }).waitFor({ state: 'detached' });
    await timerEdge.waitFor({ state: 'detached' });

    // The branch says when: the wait ended with the booking.
    await map.getByText('Decision 1', { exact: true }).click();
    const decision = page.getByRole('region', { name: 'Properties of Decision 1' });
    const branch = decision.getByRole('group', { name: 'Branches, tried in order: 1', exact: true });
    await branch.getByLabel('Reads').fill('outcomes.wait-1');
    await branch.getByLabel('Compared with').fill('appointment-booked');

    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByRole('heading', { name: 'No problems' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved.' }).waitFor();
    await shot(page, 'no-problems');

    const publish = page.getByRole('region', { name: 'Publish' });
    await publish.getByLabel('What changed and why').fill('First version: invite, wait for a booking, call.');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await publish.getByText('Published as version 1.').waitFor();
    await page.getByRole('region', { name: 'Versions' }).getByText('Version 1', { exact: true }).waitFor();
    await shot(page, 'published');

    // An edit after publishing starts a new draft; its difference from version 1 is one label.
    await map.getByText('Staff task 1', { exact: true }).click();
    const task = page.getByRole('region', { name: 'Properties of Staff task 1' });
    await task.getByLabel('Label', { exact: true }).fill('Call to book');
    await page.getByRole('status').filter({ hasText: 'All changes saved.' }).waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByLabel('Compare').selectOption('1');
    await versions.getByLabel('with').selectOption('draft');
    await versions.getByRole('button', { name: 'Show the differences' }).click();
    const diff = versions.getByRole('table', { name: 'Differences from 1 to draft' });
    await diff.waitFor();
    expect(await diff.getByRole('row').allTextContents()).toEqual([
      'WhatChangeBeforeAfter',
      'Nodes: Call to booklabelStaff task 1Call to book',
    ]);
    await shot(page, 'draft-diff');
  }

  /** The designer previews the draft for an English SMS patient, then a Spanish email patient. */
  async function previewAsTwoPatients(page: Page) {
    await page.getByRole('link', { name: 'Preview as a patient' }).click();
    await page.getByRole('heading', { name: 'Preview as a patient: Screening outreach' }).waitFor();
    const sms = page.getByRole('article', { name: /^Message .+ by SMS$/ });
    await sms.waitFor();
    expect(await sms.textContent()).toContain('It is time for your screening. Call us to book.');
    await shot(page, 'preview-english-sms');

    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Time zone').selectOption('America/Mexico_City');
    await page.getByRole('button', { name: 'Prefer Email' }).click();
    await page.getByRole('checkbox', { name: 'Consents to SMS' }).uncheck();
    const email = page.getByRole('article', { name: /^Message .+ by Email$/ });
    await email.waitFor();
    expect(await email.textContent()).toContain('Es hora de su prueba de detección. Llámenos para reservar.');
    await page.getByRole('heading', { name: 'Timeline (America/Mexico_City)' }).waitFor();
    await shot(page, 'preview-spanish-email');
  }

  /** An operator finds the enrolled patient's journey on the patients list and opens its map. */
  async function operatorSeesTheJourney(page: Page, patientId: string, journeyId: string) {
    const list = page.getByRole('region', { name: 'Patients in journeys' });
    const search = list.getByRole('search', { name: 'Find a patient' });
    await search.getByLabel('Patient id').fill(patientId);
    await search.getByRole('button', { name: 'Search' }).click();
    const link = list.getByRole('link', { name: journeyId });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    const detail = page.getByRole('region', { name: `Journey ${journeyId}` });
    // The map of the version the journey is pinned to, drawn with the designer's steps.
    const map = detail.getByRole('figure', { name: /^Map of / });
    await map.getByText('Message 1', { exact: true }).first().waitFor({ timeout: 30_000 });
    await map.getByText('Staff task 1', { exact: true }).first().waitFor();
    // The message the worker sent is on the journey's timeline the operator reads.
    await detail.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
    await shot(page, 'operator-journey');
  }

  test('a designer creates, connects, fixes, previews for two patients and publishes a five-step journey; an operator enrols a patient and sees it run on the list and map', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signInAt(page, url('/definitions'), 'dev-designer-key');
    // What the page showed when a step failed, for whoever reads the failure.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    try {
      await buildJourney(page);
      await previewAsTwoPatients(page);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    }
    await context.close();

    const response = await fetch(url(`/api/journey-definitions/${ID}/versions/1`), {
      headers: { Authorization: DEMO_KEYS.designer },
    });
    expect(response.status).toBe(200);
    const version = (await response.json()) as {
      note: string;
      definition: { start: string; nodes: Array<Record<string, unknown>> };
    };
    expect(version.note).toBe('First version: invite, wait for a booking, call.');
    expect(version.definition.start).toBe('message-1');
    expect(version.definition.nodes.map((node) => node.kind).sort()).toEqual([
      'decision',
      'end',
      'message',
      'task',
      'wait',
    ]);
    const byId = Object.fromEntries(version.definition.nodes.map((node) => [node.id, node]));
    expect(byId['message-1']).toMatchObject({
      next: 'wait-1',
      message: { wording: { en: { plain: { any: 'It is time for your screening. Call us to book.' } } } },
    });
    expect(byId['wait-1']).toMatchObject({
      events: [{ event: 'appointment-booked', next: 'decision-1' }],
      timeout: { next: 'decision-1' },
    });
    expect(byId['decision-1']).toMatchObject({
      branches: [{ when: { '==': [{ var: 'outcomes.wait-1' }, 'appointment-booked'] }, next: 'done' }],
      otherwise: 'task-1',
    });
    expect(byId['task-1']).toMatchObject({ otherwise: 'done' });

    // An operator enrols a patient over the API; the journey runs on the worker on version 1.
    const patientId = `pat-e2e-${Date.now()}`;
    const enrolled = await fetch(url('/api/journeys'), {
      method: 'POST',
      headers: { Authorization: DEMO_KEYS.operator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ journey: ID, patientId, params: { timeZone: 'America/New_York' } }),
    });
    expect(enrolled.status).toBe(201);
    const journey = (await enrolled.json()) as { id: string; definitionVersion?: number };
    expect(journey.definitionVersion).toBe(1);
    expect(journey.id).not.toContain(patientId);

    // The worker ran its first step: the message went to the engagement layer.
    const ran = await eventually(
      async () =>
        (await (
          await fetch(url(`/api/journeys/${journey.id}`), { headers: { Authorization: DEMO_KEYS.operator } })
        ).json()) as { timeline: Array<{ kind: string }> },
      (detail) => detail.timeline.some((entry) => entry.kind === 'message'),
      30_000,
    );
    expect(ran.timeline.map((entry) => entry.kind)).toContain('message');

    const operator = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const operatorPage = await operator.newPage();
    await signInAt(operatorPage, url('/patients'), 'dev-operator-key');
    try {
      await operatorSeesTheJourney(operatorPage, patientId, journey.id);
    } catch (error) {
      await shot(operatorPage, 'operator-failure');
      throw error;
    }
    await operator.close();
  }, 300_000);
});

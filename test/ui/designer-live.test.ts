import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { appointment } from '../../shared/ehr-inbound/inbound.test-support';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { launchChromium, SCREENSHOT_DIR, signInAt } from '../helpers/chromium';
import { designerBuildForTest } from '../helpers/designer-build';
import { createTestNamespace } from '../helpers/test-namespace';
import { uniqueName } from '../helpers/test-stack';
import { DAY_MS } from '../../contracts/durations';

/** The list and the detail refresh themselves every few seconds; a user waits no longer than this. */
const WITHIN_SECONDS = 20_000;

/*
 * The "done means", in headless Chromium against the real API, worker, Temporal dev
 * server, PostgreSQL and a FHIR server: the journeys appear as maps with live counts; a journey
 * started through the API shows up in the patients list on its own; its detail moves when an
 * EHR event arrives. A namespace of its own keeps the counts this file's.
 */
describe('designer in headless Chromium: maps, live patients list, a detail that follows the EHR', () => {
  let stack: ApiStack;
  let browser: Browser;

  beforeAll(async () => {
    const designerDist = await designerBuildForTest();
    stack = await startApiStack(
      { DESIGNER_DIST: designerDist, TEMPORAL_NAMESPACE: await createTestNamespace('designer') },
      undefined,
      { fhirSandbox: {} },
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(key: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInAt(page, stack.config.publicBaseUrl, key);
    return page;
  }

  const section = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();

  async function startJourney(item: string): Promise<{ id: string; patientId: string }> {
    const patientId = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({
      resourceType: 'Patient',
      id: patientId,
      name: [{ family: 'Test', given: ['Designer'] }],
    });
    const { body } = await request(stack.http)
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'preventive-outreach', patientId, params: { item } })
      .expect(201);
    return { id: body.id as string, patientId };
  }

  test('the catalogue shows every journey with counts, and each as a map', async () => {
    const { id } = await startJourney('flu-shot');
    const page = await signIn('dev-designer-key');
    const catalogue = page.getByRole('region', { name: 'Journey catalogue' });
    for (const title of ['Fast oncology track', 'Prediabetes care', 'Preventive screening outreach']) {
      await catalogue.getByRole('link', { name: title, exact: true }).waitFor();
    }

    await catalogue.getByRole('link', { name: 'Preventive screening outreach', exact: true }).click();
    const card = catalogue.getByRole('listitem').filter({ hasText: 'Preventive screening outreach' });
    await expectCount(card, 'Running', '1');
    const map = page.getByRole('figure', { name: 'Map of Preventive screening outreach' });
    await map.locator('.react-flow__node').first().waitFor();
    // The same counts on the map: one patient waiting at the outreach stage.
    await map.getByText('Stages as a list').click();
    await map
      .getByRole('row', { name: /^Outreach/ })
      .locator('td')
      .first()
      .filter({ hasText: /^1$/ })
      .waitFor({ timeout: WITHIN_SECONDS });
    await page.mouse.wheel(0, -10_000);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-catalogue.png') });

    for (const title of ['Fast oncology track', 'Prediabetes care']) {
      await catalogue.getByRole('link', { name: title, exact: true }).click();
      // More than five nodes on this type's map. Waited for, not counted once: the map is laid out
      // again when the patient counts arrive, and is empty for that moment.
      const typeMap = page.getByRole('figure', { name: `Map of ${title}` });
      await typeMap.locator('.react-flow__node').nth(5).waitFor();
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-journey-map.png') });
    expect(page.url()).not.toContain(id);
    await page.context().close();
  });

  test('a journey started through the API appears in the list by itself; its detail follows an EHR event', async () => {
    const page = await signIn('dev-operator-key');
    await section(page, 'Patients');
    const patients = page.getByRole('region', { name: 'Patients in journeys' });
    await patients.getByText(/Updated/).waitFor();

    // Started after the list was read: no click on Refresh, it shows up on its own.
    const { id, patientId } = await startJourney('mammogram');
    await patients.getByRole('link', { name: id }).waitFor({ timeout: WITHIN_SECONDS });
    await patients.getByRole('link', { name: id }).click();
    const detail = page.getByRole('region', { name: `Journey ${id}` });
    await detail.getByText('Stages as a list').click();
    await detail.getByRole('row', { name: /Outreach \(patient is here\)/ }).waitFor();

    // The EHR books the mammogram; the open detail moves to "booked" without a reload.
    const booked = appointment(patientId, 'booked', new Date(Date.now() + 10 * DAY_MS).toISOString(), {
      id: uniqueName('appt'),
      serviceType: { system: CODE_SYSTEMS.snomed, code: '71651007' },
    });
    await request(stack.http)
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(JSON.stringify(booked))
      .expect(200);
    await detail
      .getByRole('list', { name: 'Timeline' })
      .getByText(/Appointment booked/i)
      .first()
      .waitFor({ timeout: WITHIN_SECONDS });
    await detail
      .getByRole('row', { name: /\(patient is here\)/ })
      .filter({ hasText: /Booked/i })
      .waitFor({
        state: 'attached',
      });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-journey-detail-live.png'), fullPage: true });
    await page.context().close();
  });

  test('an operator sends an event from the detail; a missing value is named first and nothing is sent', async () => {
    const { id } = await startJourney('flu-shot');
    const page = await signIn('dev-operator-key');
    // The journey's own address (finding it in the list is the test above).
    await page.getByText(/^Signed in as/).waitFor();
    await page.goto(`${stack.config.publicBaseUrl}/patients/${id}`);
    const detail = page.getByRole('region', { name: `Journey ${id}` });
    const form = detail.getByRole('form', { name: 'Send an event' });
    await form.getByLabel('Event').selectOption('appointment-booked');
    await form.getByRole('button', { name: 'Check what would happen' }).click();
    await form.getByText('Appointment time is required').waitFor();
    expect(await detail.getByText('active', { exact: true }).count()).toBeGreaterThan(0);

    await form.getByLabel('Event').selectOption('declined');
    await form.getByLabel('Reason (optional)').fill('Had it at the pharmacy');
    await form.getByRole('button', { name: 'Check what would happen' }).click();
    await form.getByText('The journey would apply “Patient declined” now.').waitFor();
    await form.getByRole('button', { name: 'Send event' }).click();
    // The journey ends at once: the detail shows it, and its timeline has the event.
    await detail.getByText('completed', { exact: true }).first().waitFor();
    await detail
      .getByRole('list', { name: 'Timeline' })
      .getByText(/declined/i)
      .first()
      .waitFor();
    // The journey ended: no more controls or events for it.
    await detail.getByRole('form', { name: 'Send an event' }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('a designer drafts, validates and publishes settings; an operator can only read them', async () => {
    const page = await signIn('dev-designer-key');
    const catalogue = page.getByRole('region', { name: 'Journey catalogue' });
    await catalogue.getByRole('link', { name: 'Appointment reminder', exact: true }).click();
    await page.getByRole('tab', { name: 'Program settings' }).click();
    await page.getByText(/Journeys already running keep the settings version/).waitFor();
    await page.getByRole('button', { name: 'Edit a draft' }).click();
    const leadHours = page.getByRole('spinbutton', { name: /^Reminder lead time/ });
    await leadHours.fill('36');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByText('The draft is valid.').waitFor();
    const differences = page.getByRole('table', { name: /Differences from the published version/ });
    await differences
      .getByRole('row', { name: /Reminder lead time/ })
      .filter({ hasText: '36' })
      .waitFor();
    await page.getByRole('textbox', { name: 'What changed and why' }).fill('Closer to the visit');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'designer-program-settings.png'), fullPage: true });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Version 1 published/).waitFor();
    const current = await request(stack.http)
      .get('/api/programs/appointment-reminder/settings')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(current.body).toMatchObject({ version: 1, note: 'Closer to the visit' });
    expect(current.body.settings.reminderLeadHours).toBe(36);
    await page.context().close();

    const operator = await signIn('dev-operator-key');
    await operator
      .getByRole('region', { name: 'Journey catalogue' })
      .getByRole('link', { name: 'Appointment reminder', exact: true })
      .click();
    await operator.getByRole('tab', { name: 'Program settings' }).click();
    await operator.getByText(/Only designers can edit and publish/).waitFor();
    expect(await operator.getByRole('button', { name: 'Edit a draft' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await operator.context().close();
  });

  test('filters narrow the list by journey, stage and status', async () => {
    const { id } = await startJourney('flu-shot');
    const page = await signIn('dev-operator-key');
    await section(page, 'Patients');
    const patients = page.getByRole('region', { name: 'Patients in journeys' });
    const filters = patients.getByRole('group', { name: 'Filters' });
    expect(await filters.getByLabel('Stage').isDisabled()).toBe(true);
    await filters.getByLabel('Journey').selectOption({ label: 'Fast oncology track' });
    await patients.getByText('No journeys match these filters.').waitFor();
    await filters.getByLabel('Journey').selectOption({ label: 'Preventive screening outreach' });
    await filters.getByLabel('Stage').selectOption({ label: 'Outreach' });
    await filters.getByLabel('Status').selectOption('active');
    await patients.getByRole('link', { name: id }).waitFor();
    await filters.getByLabel('Status').selectOption('completed');
    await patients.getByRole('link', { name: id }).waitFor({ state: 'detached' });
    await page.context().close();
  });
});

async function expectCount(card: ReturnType<Page['getByRole']>, label: string, value: string): Promise<void> {
  const term = card.getByRole('term').filter({ hasText: label });
  const definition = term.locator('xpath=following-sibling::dd[1]');
  await definition.filter({ hasText: value }).waitFor({ timeout: WITHIN_SECONDS });
}

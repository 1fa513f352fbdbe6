import type { Appointment } from '@medplum/fhirtypes';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../config/app-config';
import { journeyEventUpdate, progressQuery } from '../../contracts/journey-contract';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { triggersOf } from '../../workflows/journey-trigger-list';
import { findJourneyType, findJourneyTypeByWorkflow } from '../../workflows/journey-types';
import { registerJourney } from '../../workflows/journeys';
import { wellnessCheckJourney } from '../fixtures/journeys/wellness-check/wellness-check.journey';
import { WELLNESS_VISIT } from '../fixtures/journeys/wellness-check/wellness-check.triggers';
import {
  createJourneyHarness,
  expectStagesInBlueprint,
  HARNESS_PSEUDONYM_KEY,
  type JourneyHarness,
} from '../helpers/journey-harness';
import { bundleRegisteredJourneys } from '../helpers/workflow-bundle';

/*
 * A journey is one folder: the fixture under test/fixtures/journeys/wellness-check declares its
 * workflow, contract, settings, wording, blueprint and triggers, and this test (a composition
 * root, like the API's and the worker's) registers it and bundles its workflow. No product file
 * names it, yet the registry offers it, the JourneyStarter starts it, the renderer words its
 * message from its own folder, and the EHR router sends it the event its trigger declares.
 */
registerJourney(wellnessCheckJourney);

require.resolve('../fixtures/journeys/wellness-check/wellness-check.workflow');

describe('adding a journey', () => {
  let harness: JourneyHarness;

  beforeAll(async () => {
    harness = await createJourneyHarness('add-a-journey', {
      workflowBundle: bundleRegisteredJourneys(),
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('is offered by the registry and the EHR router from its module alone', () => {
    expect(findJourneyType('wellness-check')).toBe(wellnessCheckJourney);
    expect(findJourneyTypeByWorkflow('wellnessCheckWorkflow')).toBe(wellnessCheckJourney);
    expect(triggersOf('wellness-check')).toBe(wellnessCheckJourney.triggers);
  });

  it('starts, words its message from its own folder, delivers it, and ends on the EHR event its trigger routes to it', async () => {
    const type = findJourneyType('wellness-check')!;
    const starter = new JourneyStarter(
      harness.env.client,
      new ProgramSettingsStore(harness.database.dataSource),
      {
        taskQueue: harness.taskQueue,
        pseudonymKey: HARNESS_PSEUDONYM_KEY,
        organisationTimeZone: DEFAULT_ORGANISATION_TIME_ZONE,
      },
    );
    const patientId = 'pat-wellness';
    await harness.seedContact(starter.patientRefOf(patientId), { email: 'wellness@example.org' });

    const started = await starter.start({ type, patientId, params: {} });
    if (!started.started) throw new Error(`not started: ${JSON.stringify(started.issues)}`);
    const handle = harness.env.client.workflow.getHandle(started.workflowId);

    const email = await harness.providers.smtp.waitFor(
      (mail) => mail.to.includes('wellness@example.org'),
      60_000,
    );
    expect(email.subject).toBe('Time for your wellness check');
    expect(email.text).toContain('it is time for your yearly wellness check');
    const [message] = await harness.messagesOf(started.workflowId);
    expect(message).toMatchObject({
      template: 'wellness-check.invitation',
      templateFile: 'wellness-check/invitation.en.plain.any.hbs',
      channel: 'email',
    });

    const visit: Appointment = {
      resourceType: 'Appointment',
      id: 'wellness-appt-1',
      status: 'fulfilled',
      serviceType: [{ coding: [WELLNESS_VISIT] }],
      participant: [{ actor: { reference: `Patient/${patientId}` }, status: 'accepted' }],
    };
    const decision = routeResource(visit);
    if (decision.kind !== 'event') throw new Error(`routed as ${decision.kind}`);
    expect(decision.events['wellness-check']).toEqual({ type: 'wellness-visit-done' });
    expect(decision.target.running?.journeys).toEqual(['wellness-check']);

    await handle.executeUpdate(journeyEventUpdate, { args: [decision.events['wellness-check']!] });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'completed', stage: 'visit-done' });
    expectStagesInBlueprint(await handle.query(progressQuery));
  }, 120_000);
});

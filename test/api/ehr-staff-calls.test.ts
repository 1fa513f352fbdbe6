import type { Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import {
  EHR_BASE,
  emergencyEncounter,
  notificationBundle,
} from '../../shared/ehr-inbound/inbound.test-support';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { HOUR_MS } from '../../contracts/durations';

/*
 * The worker reads the patient's record from the EHR as on `npm start`: a staff call that comes
 * before any patient message still carries the number and times the patient takes calls.
 * (Found over HTTP on npm start: the urgent call after a discharge against advice had neither.)
 */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('staff calls read the EHR (real API, worker, FHIR sandbox)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({}, undefined, { fhirSandbox: {}, workerReadsEhr: true });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const post = (resource: unknown) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', Authorization: DEMO_KEYS.integration })
      .send(
        JSON.stringify(
          notificationBundle({
            subscription: `${EHR_BASE}/Subscription/${uniqueName('sub')}`,
            events: [{ number: 1, focus: resource as Resource }],
          }),
        ),
      );

  test("[HZ-67] the urgent call after a discharge against advice carries the patient's number and call times from the EHR", async () => {
    // The call comes before any message has read the record (found over HTTP on npm start).
    const patientId = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({
      resourceType: 'Patient',
      id: patientId,
      name: [{ given: ['Test'] }],
      address: [{ use: 'home', city: 'Chicago', state: 'IL', country: 'US' }],
      telecom: [
        {
          system: 'phone',
          use: 'home',
          value: '(312) 555-0100',
          rank: 1,
          extension: [
            {
              url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/contactpoint-availabletime',
              extension: [
                { url: 'daysOfWeek', valueCode: 'mon' },
                { url: 'availableStartTime', valueTime: '17:00:00' },
                { url: 'availableEndTime', valueTime: '19:00:00' },
              ],
            },
          ],
        },
      ],
    });
    const discharge = emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS), 'finished', 'aadvice');
    const journeyId = (await post(discharge).expect(200)).body.entries[0].journeys[0].id as string;
    const [task] = await eventually(
      async () =>
        (
          await api().get('/api/staff-tasks').set('Authorization', DEMO_KEYS.operator).expect(200)
        ).body.items.filter(
          (candidate: { journeyId: string; priority: string }) =>
            candidate.journeyId === journeyId && candidate.priority === 'urgent',
        ),
      (tasks) => tasks.length > 0,
    );
    expect(task.details.call).toMatchObject({
      phone: '+13125550100',
      timeZone: 'America/Chicago',
      preferredTimes: [expect.stringMatching(/17:00/)],
    });
  });
});

import type { Appointment, Observation, QuestionnaireResponse, Task } from '@medplum/fhirtypes';
import example from '../../contracts/journey-definitions/examples/screening-booking.json';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  definitionInstanceKey,
  requestKey,
  requestParams,
} from '../../contracts/journey-definitions/definition-request';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import { journeyWorkflowId } from '../journeys/patient-ref';
import { appointment, observation } from './inbound.test-support';
import {
  byDefinitionLink,
  candidatesOfVersion,
  chooseJourney,
  readForDefinitions,
  type DefinitionCandidate,
} from './definition-routing';

const booking = example as unknown as JourneyDefinition;
const { loinc, snomed } = CODE_SYSTEMS;
const mammography = { system: snomed, code: '71651007' };

/** A definition with one declared event, the rest as the example. */
function declaring(id: string, event: JourneyDefinition['events'][number]): JourneyDefinition {
  return { ...booking, id, events: [event] };
}

const a1cWatch = declaring('a1c-watch', {
  type: 'a1c-result',
  label: 'A1C result',
  source: { resourceTypes: ['Observation'], codes: [{ system: loinc, code: '4548-4' }], link: 'value-set' },
  fields: { value: 'number', unit: 'string', effectiveAt: 'date' },
});
const mammogramBooking = declaring('mammogram-booking', {
  type: 'visit-booked',
  label: 'Mammogram booked',
  source: { resourceTypes: ['Appointment'], codes: [mammography], link: 'value-set' },
  fields: { start: 'date', status: 'string' },
});
const questionnaire = declaring('questionnaire-follow-up', {
  type: 'questionnaire-answered',
  label: 'Questionnaire answered',
  source: { resourceTypes: ['QuestionnaireResponse', 'Task'], link: 'answers-task' },
  fields: { authoredAt: 'date', status: 'string' },
});

const candidates = (reading: ReturnType<typeof readForDefinitions>): DefinitionCandidate[] =>
  reading.kind === 'candidates' ? reading.candidates : [];

describe('readForDefinitions: EHR resources for journeys designers defined', () => {
  test('[HZ-32] based-on-request: an Appointment based on a request carries the request and the declared fields', () => {
    const booked = appointment('pat-1', 'booked', '2027-01-04T09:00:00+01:00', {
      id: 'appt-1',
      basedOn: 'https://ehr.example.org/fhir/ServiceRequest/sr-7',
    });
    const reading = readForDefinitions(booked, [booking]);
    expect(reading).toEqual({
      kind: 'candidates',
      patientId: 'pat-1',
      candidates: [
        {
          definitionId: 'screening-booking',
          definitionVersion: 1,
          link: 'based-on-request',
          event: { type: 'appointment-booked', appointmentAt: '2027-01-04T09:00:00+01:00' },
          requests: ['ServiceRequest/sr-7'],
          tasks: [],
        },
      ],
    });
  });

  test('[HZ-32] two journeys of one definition for one patient, different requests: the Appointment names only its own', () => {
    const key = 'pseudonym-key';
    const first = journeyWorkflowId(
      'screening-booking',
      'pat-1',
      definitionInstanceKey(requestParams('sr-1')),
      key,
    );
    const second = journeyWorkflowId(
      'screening-booking',
      'pat-1',
      definitionInstanceKey(requestParams('ServiceRequest/sr-2')),
      key,
    );
    expect(first).not.toBe(second);
    // The one-per-patient id a journey enrolled without a request keeps.
    expect(definitionInstanceKey({ values: { schedulingUrl: 'https://book.example.org' } })).toBeUndefined();

    const booked = appointment('pat-1', 'booked', '2027-01-04T09:00:00Z', { basedOn: 'ServiceRequest/sr-2' });
    const [candidate] = candidates(readForDefinitions(booked, [booking]));
    const named = candidate!.requests.map((request) =>
      journeyWorkflowId('screening-booking', 'pat-1', definitionInstanceKey(requestParams(request)), key),
    );
    expect(named).toEqual([second]);
    // Another patient's Appointment based on the same request names another journey id altogether.
    const theirs = appointment('pat-2', 'booked', '2027-01-04T09:00:00Z', { basedOn: 'ServiceRequest/sr-2' });
    const reading = readForDefinitions(theirs, [booking]);
    expect(reading).toMatchObject({ kind: 'candidates', patientId: 'pat-2' });
    expect(
      candidates(reading)[0]!.requests.map((request) =>
        journeyWorkflowId('screening-booking', 'pat-2', definitionInstanceKey(requestParams(request)), key),
      ),
    ).not.toContain(second);
  });

  test('[HZ-32] an Appointment based on nothing names no request: no journey is linked', () => {
    const unlinked = appointment('pat-1', 'booked', '2027-01-04T09:00:00Z');
    expect(candidates(readForDefinitions(unlinked, [booking]))[0]).toMatchObject({ requests: [] });
    expect(chooseJourney(candidates(readForDefinitions(unlinked, [booking]))[0]!, [])).toEqual({
      kind: 'none',
      reason: 'no running screening-booking (based-on-request) journey is linked to it',
    });
  });

  test('[HZ-32] value-set: a code in the declared set is read with its value; a code outside it is not', () => {
    const a1c = observation('pat-3', '4548-4', 6.1, '%', '2026-11-02T08:00:00Z');
    expect(candidates(readForDefinitions(a1c, [a1cWatch]))).toEqual([
      {
        definitionId: 'a1c-watch',
        definitionVersion: 1,
        link: 'value-set',
        event: { type: 'a1c-result', value: 6.1, unit: '%', effectiveAt: '2026-11-02T08:00:00Z' },
        requests: [],
        tasks: [],
      },
    ]);
    const glucose = observation('pat-3', '2339-0', 110, 'mg/dL', '2026-11-02T08:00:00Z');
    expect(readForDefinitions(glucose, [a1cWatch])).toEqual({
      kind: 'none',
      reason: 'its codes or status are not what any journey definition declares',
    });
    const physio = appointment('pat-3', 'booked', '2027-01-04T09:00:00Z', {
      serviceType: { system: snomed, code: '91251008' },
    });
    expect(readForDefinitions(physio, [mammogramBooking]).kind).toBe('none');
    const mammogram = appointment('pat-3', 'booked', '2027-01-04T09:00:00Z', { serviceType: mammography });
    expect(candidates(readForDefinitions(mammogram, [mammogramBooking]))).toEqual([
      expect.objectContaining({
        event: { type: 'visit-booked', start: '2027-01-04T09:00:00Z', status: 'booked' },
      }),
    ]);
  });

  test('[HZ-32] value-set without a declared set links nothing; a preliminary result or an entry in error moves nothing', () => {
    const noSet = declaring('no-set', {
      type: 'any-result',
      label: 'Any result',
      source: { resourceTypes: ['Observation'], link: 'value-set' },
    });
    const a1c = observation('pat-3', '4548-4', 6.1, '%', '2026-11-02T08:00:00Z');
    expect(readForDefinitions(a1c, [noSet]).kind).toBe('none');
    const preliminary: Observation = { ...a1c, status: 'preliminary' };
    expect(readForDefinitions(preliminary, [a1cWatch])).toEqual({
      kind: 'none',
      reason: 'a preliminary result is not final: it moves no journey',
    });
    const inError: Appointment = {
      ...appointment('pat-1', 'booked', '2027-01-04T09:00:00Z'),
      status: 'entered-in-error',
    };
    expect(readForDefinitions(inError, [booking]).kind).toBe('none');
  });

  test('[HZ-32] a cancelled Appointment is not "booked": it reaches only an event that declares its status', () => {
    const cancelled = appointment('pat-1', 'cancelled', '2027-01-04T09:00:00Z', {
      basedOn: 'ServiceRequest/sr-1',
      serviceType: mammography,
    });
    expect(readForDefinitions(cancelled, [booking]).kind).toBe('none');
    expect(candidates(readForDefinitions(cancelled, [mammogramBooking]))[0]?.event).toEqual({
      type: 'visit-booked',
      start: '2027-01-04T09:00:00Z',
      status: 'cancelled',
    });
  });

  test('[HZ-32] answers-task: a QuestionnaireResponse based on a Task, and the Task itself, name the Task', () => {
    const answer: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      id: 'qr-1',
      status: 'completed',
      subject: { reference: 'Patient/pat-4' },
      authored: '2026-12-01T10:00:00Z',
      basedOn: [{ reference: 'Task/task-9' }],
    };
    expect(candidates(readForDefinitions(answer, [questionnaire]))).toEqual([
      {
        definitionId: 'questionnaire-follow-up',
        definitionVersion: 1,
        link: 'answers-task',
        event: { type: 'questionnaire-answered', authoredAt: '2026-12-01T10:00:00Z', status: 'completed' },
        requests: [],
        tasks: ['Task/task-9'],
      },
    ]);
    const task: Task = {
      resourceType: 'Task',
      id: 'task-9',
      status: 'completed',
      intent: 'order',
      for: { reference: 'Patient/pat-4' },
    };
    expect(candidates(readForDefinitions(task, [questionnaire]))[0]).toMatchObject({
      tasks: ['Task/task-9'],
      event: { type: 'questionnaire-answered', status: 'completed' },
    });
  });

  test('a resource no definition declares, or with no patient, is not read', () => {
    const a1c = observation('pat-3', '4548-4', 6.1, '%', '2026-11-02T08:00:00Z');
    expect(readForDefinitions(a1c, [booking])).toEqual({
      kind: 'none',
      reason: 'no journey definition declares it',
    });
    const nobody: Appointment = {
      ...appointment('pat-1', 'booked', '2027-01-04T09:00:00Z'),
      participant: [],
    };
    expect(readForDefinitions(nobody, [booking])).toEqual({
      kind: 'none',
      reason: 'the Appointment names no patient',
    });
  });

  test('[HZ-32] chooseJourney: exactly one journey moves; several are ambiguous and held, never guessed', () => {
    const [candidate] = candidates(
      readForDefinitions(
        appointment('pat-3', 'booked', '2027-01-04T09:00:00Z', { serviceType: mammography }),
        [mammogramBooking],
      ),
    );
    expect(chooseJourney(candidate!, ['j-1', 'j-1'])).toEqual({ kind: 'journey', id: 'j-1' });
    expect(chooseJourney(candidate!, ['j-1', 'j-2'])).toEqual({
      kind: 'ambiguous',
      reason: '2 running mammogram-booking (value-set) journeys could take it: held, not guessed',
    });
  });

  test('[HZ-34] each version is read on its own declarations: a journey takes only what the version it runs declares', () => {
    // Version 2 of the A1C watch reads glucose too, under another event name.
    const a1cWatchV2: JourneyDefinition = {
      ...a1cWatch,
      version: 2,
      events: [
        {
          ...a1cWatch.events[0]!,
          source: { ...a1cWatch.events[0]!.source!, codes: [{ system: loinc, code: '2345-7' }] },
        },
      ],
    };
    const glucose = observation('pat-4', '2345-7', 140, 'mg/dL', '2027-01-04T09:00:00Z');
    const read = candidates(readForDefinitions(glucose, [a1cWatch, a1cWatchV2]));
    expect(read.map((candidate) => candidate.definitionVersion)).toEqual([2]);
    const [group] = byDefinitionLink(read);
    expect(candidatesOfVersion(group!, 1)).toEqual([]);
    expect(candidatesOfVersion(group!, 2)).toHaveLength(1);

    const a1c = observation('pat-4', '4548-4', 6.1, '%', '2027-01-04T09:00:00Z');
    const both = candidates(readForDefinitions(a1c, [a1cWatch, a1cWatchV2, mammogramBooking]));
    expect(both.map((candidate) => `${candidate.definitionId}@${candidate.definitionVersion}`)).toEqual([
      'a1c-watch@1',
    ]);
    expect(byDefinitionLink([...both, ...read]).map((group) => group.length)).toEqual([2]);
  });

  test('requestKey: a bare id is a ServiceRequest, a full URL is keyed as Type/id', () => {
    expect(requestKey('sr-1')).toBe('ServiceRequest/sr-1');
    expect(requestKey('https://ehr.example.org/fhir/ServiceRequest/sr-1')).toBe('ServiceRequest/sr-1');
    expect(requestKey(' ')).toBeUndefined();
  });
});

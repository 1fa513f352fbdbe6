import type { Patient } from '@medplum/fhirtypes';
import type { Client, WorkflowStartOptions } from '@temporalio/client';
import type { PatientContactStore } from '../../persistence/patient-contact-store';
import { ENROLMENT_NOTES_MEMO } from '../../contracts/journey-contract';
import { findJourneyType } from '../../workflows/journey-types';
import type { FhirClient } from '../ehr/fhir-client';
import { TIME_ZONE_EXTENSION } from '../ehr/patient-context-mapping';
import type { ProgramSettingsStore } from '../../persistence/program-settings-store';
import { JourneyStarter, type JourneyStarterOptions } from './journey-starter';
import { patientTimeZoneReader, type PatientTimeZoneReader } from './patient-time-zone';

/*
 * The time zone a journey words times in, when whoever starts it does not give one (EHR events
 * and the cohort finder never do): the patient's own, else the organisation's, said on the timeline.
 */
const ORGANISATION_ZONE = 'Europe/Dublin';

function starterWith(patientTimeZone?: PatientTimeZoneReader) {
  const starts: WorkflowStartOptions[] = [];
  const temporal = {
    workflow: {
      start: (_type: string, options: WorkflowStartOptions) => Promise.resolve(starts.push(options)),
    },
  } as unknown as Client;
  const settings = {
    current: () => Promise.resolve({ version: 0, settings: {} }),
  } as unknown as ProgramSettingsStore;
  const options: JourneyStarterOptions = {
    taskQueue: 'q',
    pseudonymKey: 'k',
    organisationTimeZone: ORGANISATION_ZONE,
    ...(patientTimeZone ? { patientTimeZone } : {}),
  };
  const starter = new JourneyStarter(temporal, settings, options);
  const paramsOf = (index: number) => (starts[index]!.args![0] as { params: Record<string, unknown> }).params;
  return { starter, starts, paramsOf };
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
const starts = [
  ['appointment-reminder', () => ({ appointmentAt: inAWeek() })],
  ['preventive-outreach', () => ({ item: 'mammogram' })],
  ['emergency-follow-up', () => ({ encounterId: 'enc-1', dischargedAt: new Date().toISOString() })],
  ['oncology-fast-track', () => ({ cardId: 'DILO-1', clockStartAt: new Date().toISOString() })],
] as const;

describe(JourneyStarter.name, () => {
  it.each(starts)(
    '[HZ-40] a %s journey started without a zone words times in the patient zone from the EHR',
    async (journey, params) => {
      const chicago: PatientTimeZoneReader = () =>
        Promise.resolve({ timeZone: 'America/Chicago', source: 'ehr' });
      const { starter, paramsOf, starts: started } = starterWith(chicago);
      await starter.start({ type: findJourneyType(journey)!, patientId: 'pat-1', params: params() });
      expect(paramsOf(0).timeZone).toBe('America/Chicago');
      expect(started[0]!.memo).toBeUndefined();
    },
  );

  it('[HZ-41] a patient whose zone nobody recorded gets the organisation zone, and the journey says so', async () => {
    const { starter, starts: started, paramsOf } = starterWith(() => Promise.resolve(undefined));
    const type = findJourneyType('appointment-reminder')!;
    await starter.start({ type, patientId: 'pat-1', params: { appointmentAt: inAWeek() } });
    expect(paramsOf(0).timeZone).toBe(ORGANISATION_ZONE);
    expect(paramsOf(0).timeZone).not.toBe('UTC');
    const notes = started[0]!.memo![ENROLMENT_NOTES_MEMO] as string[];
    expect(notes).toEqual([expect.stringContaining(`organisation's zone ${ORGANISATION_ZONE}`)]);
  });

  it('[HZ-40] an explicit zone from an API caller is kept', async () => {
    const reader = jest.fn<ReturnType<PatientTimeZoneReader>, [string]>();
    const { starter, paramsOf } = starterWith(reader);
    const type = findJourneyType('appointment-reminder')!;
    await starter.start({
      type,
      patientId: 'pat-1',
      params: { appointmentAt: inAWeek(), timeZone: 'Asia/Tokyo' },
    });
    expect(paramsOf(0).timeZone).toBe('Asia/Tokyo');
    expect(reader).not.toHaveBeenCalled();
  });
  it('asks the zone and the settings while the caller’s admission check runs, and a refused one starts nothing', async () => {
    const asked: string[] = [];
    const zone: PatientTimeZoneReader = () => {
      asked.push('zone');
      return Promise.resolve({ timeZone: 'America/Chicago', source: 'ehr' });
    };
    const { starter, starts: started } = starterWith(zone);
    let refuse!: (reason: Error) => void;
    const admit = new Promise<void>((_resolve, reject) => (refuse = reject));
    const start = starter.start({
      type: findJourneyType('preventive-outreach')!,
      patientId: 'pat-1',
      params: { item: 'mammogram' },
      admit,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['zone']);
    refuse(new Error('deceased'));
    await expect(start).rejects.toThrow('deceased');
    expect(started).toEqual([]);
  });
});

describe('patientTimeZoneReader', () => {
  const storedZone = (timeZone: string | null) =>
    ({ find: () => Promise.resolve(timeZone ? { timeZone } : null) }) as unknown as PatientContactStore;
  const ehrWith = (patient: Patient | undefined) =>
    ({ read: () => Promise.resolve(patient) }) as unknown as FhirClient;

  it('[HZ-40] reads the EHR timezone extension, else the home address, else the contact preferences', async () => {
    const read = (patient: Patient | undefined, stored: string | null) =>
      patientTimeZoneReader({ fhir: ehrWith(patient), contacts: storedZone(stored), pseudonymKey: 'k' })(
        'pat-1',
      );
    const withExtension: Patient = {
      resourceType: 'Patient',
      extension: [{ url: TIME_ZONE_EXTENSION, valueCode: 'America/Denver' }],
      address: [{ use: 'home', state: 'IL', country: 'US' }],
    };
    expect(await read(withExtension, 'Europe/Paris')).toEqual({ timeZone: 'America/Denver', source: 'ehr' });
    const { extension: _extension, ...withAddress } = withExtension;
    expect(await read(withAddress, 'Europe/Paris')).toEqual({ timeZone: 'America/Chicago', source: 'ehr' });
    expect(await read({ resourceType: 'Patient' }, 'Europe/Paris')).toEqual({
      timeZone: 'Europe/Paris',
      source: 'contact-preferences',
    });
    expect(await read(undefined, null)).toBeUndefined();
  });

  it('[HZ-35] starts a journey holding its first step only when events are kept for the patient, and says so', async () => {
    const { starter, starts: started } = starterWith();
    const type = findJourneyType('preventive-outreach')!;
    const kept = await starter.start({
      type,
      patientId: 'pat-1',
      params: { item: 'mammogram' },
      keptEvents: Promise.resolve(2),
    });
    expect(kept).toMatchObject({ started: true, created: true, keptEvents: 2 });
    expect(started[0]!.args![0]).toMatchObject({ keptEvents: { expected: 2 } });

    for (const keptEvents of [Promise.resolve(0), undefined]) {
      const none = await starter.start({
        type,
        patientId: 'pat-2',
        params: { item: 'mammogram' },
        keptEvents,
      });
      expect(none).toEqual({ started: true, created: true, workflowId: expect.any(String) });
    }
    // Without kept events the input is what it always was: the journey starts at once.
    for (const start of started.slice(1)) expect(start.args![0]).not.toHaveProperty('keptEvents');
  });

  it('[HZ-40] takes the zone from the record the caller already read, without a read of its own', async () => {
    const reads: string[] = [];
    const fhir = {
      read: (_type: string, id: string) => {
        reads.push(id);
        return Promise.resolve(undefined);
      },
    } as unknown as FhirClient;
    const alreadyRead: Patient = {
      resourceType: 'Patient',
      extension: [{ url: TIME_ZONE_EXTENSION, valueCode: 'Asia/Tokyo' }],
    };
    const zone = await patientTimeZoneReader({ fhir, contacts: storedZone(null), pseudonymKey: 'k' })(
      'pat-1',
      Promise.resolve(alreadyRead),
    );
    expect(zone).toEqual({ timeZone: 'Asia/Tokyo', source: 'ehr' });
    expect(reads).toEqual([]);
  });
});

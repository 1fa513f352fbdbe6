import type { DataSource } from 'typeorm';
import type { ConsentStatus } from '../../persistence/entities/channel-consent.entity';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import { PatientContactStore, type ContactDetails } from '../../persistence/patient-contact-store';
import { patientRefFor } from '../../shared/journeys/patient-ref';

interface DemoPatient {
  id: string;
  story: string;
  contact: ContactDetails;
  consents: Partial<Record<DeliveryChannel, ConsentStatus>>;
}

const base = {
  quietHours: null,
  readingLevel: 'plain' as const,
  portalEnabled: false,
  email: null,
  phone: null,
};

/**
 * Demo patients' contact profiles for `npm start`, each showing one side of the engagement
 * layer. Addresses are reserved test domains and numbers: mail goes to the local SMTP capture,
 * SMS to the local Twilio-compatible sink.
 */
export const demoPatients: DemoPatient[] = [
  {
    id: 'pat-1001',
    story: 'SMS first, then email, then the portal (Warsaw)',
    contact: {
      ...base,
      givenName: 'Maria',
      email: 'maria@patients.example',
      phone: '+48601000101',
      portalEnabled: true,
      language: 'en',
      timeZone: 'Europe/Warsaw',
      channelOrder: ['sms', 'email', 'portal'],
    },
    consents: { sms: 'granted', email: 'granted' },
  },
  {
    id: 'pat-1002',
    story: 'Spanish, email first (Mexico City)',
    contact: {
      ...base,
      givenName: 'Lucía',
      email: 'lucia@patients.example',
      phone: '+525512340102',
      language: 'es',
      timeZone: 'America/Mexico_City',
      channelOrder: ['email', 'sms'],
    },
    consents: { email: 'granted', sms: 'granted' },
  },
  {
    id: 'pat-1003',
    story: 'portal only (New York)',
    contact: {
      ...base,
      givenName: 'John',
      portalEnabled: true,
      language: 'en',
      timeZone: 'America/New_York',
      channelOrder: ['portal'],
    },
    consents: {},
  },
  {
    id: 'pat-1004',
    story: 'no consent for email or SMS: staff call the patient',
    contact: {
      ...base,
      givenName: 'Ade',
      email: 'ade@patients.example',
      phone: '+447700900104',
      language: 'en',
      timeZone: 'Europe/London',
      channelOrder: ['sms', 'email'],
    },
    consents: {},
  },
];

/** Seeds the demo contacts that do not exist yet; a profile changed through the API is left alone. */
export async function seedDemoContacts(dataSource: DataSource, pseudonymKey: string): Promise<string[]> {
  const store = new PatientContactStore(dataSource);
  const seeded: string[] = [];
  for (const patient of demoPatients) {
    const ref = patientRefFor(patient.id, pseudonymKey);
    if (await store.find(ref)) continue;
    await store.save(ref, patient.contact);
    for (const [channel, status] of Object.entries(patient.consents)) {
      await store.setConsent(ref, { channel: channel as DeliveryChannel, status, source: 'demo' });
    }
    seeded.push(patient.id);
  }
  return seeded;
}

import type { DataSource, EntityManager } from 'typeorm';
import { ChannelConsent, type ConsentStatus } from './entities/channel-consent.entity';
import { PatientContact } from './entities/patient-contact.entity';
import type { DeliveryChannel } from '../contracts/delivery-channels';

export type ContactDetails = Omit<PatientContact, 'patientRef' | 'updatedAt'>;

export interface ConsentChange {
  channel: DeliveryChannel;
  status: ConsentStatus;
  /** What changed it: `api`, `sms-keyword`, `email-unsubscribe`, `provider`, `ehr`. */
  source: string;
}

/**
 * Contact profiles and channel consent, keyed by the pseudonymous patient reference. The
 * delivery activity reads both right before every send, so a change here (a STOP, an
 * unsubscribe) applies to every journey's next message.
 */
export class PatientContactStore {
  /** On a data source, or inside a transaction (its entity manager). */
  constructor(private readonly dataSource: DataSource | EntityManager) {}

  find(patientRef: string): Promise<PatientContact | null> {
    return this.dataSource.getRepository(PatientContact).findOneBy({ patientRef });
  }

  async save(patientRef: string, details: ContactDetails): Promise<PatientContact> {
    const contact = { ...details, patientRef, updatedAt: new Date() };
    await this.dataSource.getRepository(PatientContact).upsert(contact, ['patientRef']);
    return contact;
  }

  async consents(patientRef: string): Promise<ChannelConsent[]> {
    return this.dataSource
      .getRepository(ChannelConsent)
      .find({ where: { patientRef }, order: { channel: 'ASC' } });
  }

  async setConsent(patientRef: string, change: ConsentChange): Promise<ChannelConsent> {
    const consent = { patientRef, ...change, changedAt: new Date() };
    await this.dataSource.getRepository(ChannelConsent).upsert(consent, ['patientRef', 'channel']);
    return consent;
  }

  /** Patients reachable at this mobile number (a family can share one): whom an SMS keyword speaks for. */
  async refsByPhone(phone: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(PatientContact).findBy({ phone });
    return rows.map((row) => row.patientRef);
  }
}

import type { DataSource } from 'typeorm';
import { ChannelConsent } from '../../persistence/entities/channel-consent.entity';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { PatientContact } from '../../persistence/entities/patient-contact.entity';
import { entityFromJson } from '../../persistence/entity-from-json';

/** What a delivery reads before it sends: the step's earlier attempts and the patient's contact and consents. */
export interface SendContext {
  /** Oldest first. */
  attempts: OutreachMessage[];
  contact: PatientContact | null;
  /** By channel name. */
  consents: ChannelConsent[];
}

/*
 * One statement, not three: every message of a journey pays for this read on the path its
 * workflow waits on. The contact and consents are still read at every send, so a STOP or an
 * unsubscribe applies to the very next message.
 */
const SEND_CONTEXT_SQL = `
SELECT
  (SELECT coalesce(json_agg(attempt ORDER BY attempt.created_at), '[]'::json)
     FROM outreach_message attempt WHERE attempt.step_key = $1) AS attempts,
  (SELECT row_to_json(contact) FROM patient_contact contact WHERE contact.patient_ref = $2) AS contact,
  (SELECT coalesce(json_agg(consent ORDER BY consent.channel), '[]'::json)
     FROM channel_consent consent WHERE consent.patient_ref = $2) AS consents`;

interface SendContextRow {
  attempts: Record<string, unknown>[];
  contact: Record<string, unknown> | null;
  consents: Record<string, unknown>[];
}

export async function readSendContext(
  dataSource: DataSource,
  stepKey: string,
  patientRef: string,
): Promise<SendContext> {
  const [row] = (await dataSource.query(SEND_CONTEXT_SQL, [stepKey, patientRef])) as SendContextRow[];
  return {
    attempts: row.attempts.map((attempt) => entityFromJson(dataSource, OutreachMessage, attempt)),
    contact: row.contact ? entityFromJson(dataSource, PatientContact, row.contact) : null,
    consents: row.consents.map((consent) => entityFromJson(dataSource, ChannelConsent, consent)),
  };
}

import type { PatientContact } from '../../persistence/entities/patient-contact.entity';
import type { ContactDetails } from '../../persistence/patient-contact-store';
import type { EngagementPolicy } from '../../shared/engagement/engagement-policy';
import type { PatientContactFields } from '../../shared/ehr/patient-context-mapping';

export type SyncedContactField = keyof PatientContactFields;

/**
 * The contact profile after reading the EHR. The EHR is the record of how to reach the patient:
 * name, email and mobile mirror it, so a number the patient had removed stops getting texts.
 * Language and time zone are taken when the EHR states them; a record silent about them says
 * nothing new, so what was known stays. How to reach them (channel order, quiet hours, portal,
 * reading level) is Carepath's own and stays as stored, or the policy's defaults for a new patient.
 */
export function contactFromEhr(
  fields: PatientContactFields,
  stored: PatientContact | null,
  policy: EngagementPolicy,
): { details: ContactDetails; changed: SyncedContactField[] } {
  const details: ContactDetails = {
    givenName: fields.givenName ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    language: fields.language ?? stored?.language ?? 'en',
    timeZone: fields.timeZone ?? stored?.timeZone ?? null,
    portalEnabled: stored?.portalEnabled ?? false,
    readingLevel: stored?.readingLevel ?? 'plain',
    channelOrder: stored?.channelOrder ?? [...policy.defaultChannelOrder],
    quietHours: stored?.quietHours ?? null,
    // Call number and times mirror the EHR's phone ContactPoint, as the other addresses do.
    callPreferences: fields.callPreferences ?? null,
  };
  const synced: Array<Exclude<SyncedContactField, 'callPreferences'>> = [
    'givenName',
    'email',
    'phone',
    'language',
    'timeZone',
  ];
  const changed = synced.filter((field) => (stored?.[field] ?? null) !== details[field]);
  return { details, changed };
}

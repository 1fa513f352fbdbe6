import { DataSource } from 'typeorm';
import { CreateOutreachMessage1763800000000 } from './migrations/1763800000000-create-outreach-message';
import { CreateProgramSettingsVersion1763900000000 } from './migrations/1763900000000-create-program-settings-version';
import { CreateStaffTask1763900000001 } from './migrations/1763900000001-create-staff-task';
import { CreateEngagement1764000000000 } from './migrations/1764000000000-create-engagement';
import { CreateEhrInbox1764100000000 } from './migrations/1764100000000-create-ehr-inbox';
import { CreateCohortEnrolment1764200000000 } from './migrations/1764200000000-create-cohort-enrolment';
import { CreateAuditEvent1764300000000 } from './migrations/1764300000000-create-audit-event';
import { EhrEventWaiting1764400000000 } from './migrations/1764400000000-ehr-event-waiting';
import { SmsWebhookReplays1764500000000 } from './migrations/1764500000000-sms-webhook-replays';
import { CreateCodecSession1764600000000 } from './migrations/1764600000000-create-codec-session';
import { PatientContactCallPreferences1764600000060 } from './migrations/1764600000060-patient-contact-call-preferences';
import { AuditPatientRef1764700000000 } from './migrations/1764700000000-audit-patient-ref';
import { StaffTaskWorkList1764800000000 } from './migrations/1764800000000-staff-task-work-list';
import { CreateJourneyDefinitions1764900000000 } from './migrations/1764900000000-create-journey-definitions';
import { OutreachMessageStepIndex1765000000000 } from './migrations/1765000000000-outreach-message-step-index';
import { AuditEvent } from './entities/audit-event.entity';
import { ChannelConsent } from './entities/channel-consent.entity';
import { CohortEnrolment } from './entities/cohort-enrolment.entity';
import { EhrEvent } from './entities/ehr-event.entity';
import { EhrEventGap } from './entities/ehr-event-gap.entity';
import { OutreachDeliveryEvent } from './entities/outreach-delivery-event.entity';
import { PatientContact } from './entities/patient-contact.entity';
import { OutreachMessage } from './entities/outreach-message.entity';
import { ProgramSettingsVersion } from './entities/program-settings-version.entity';
import { StaffTask } from './entities/staff-task.entity';
import { SmsInboundMessage } from './entities/sms-inbound-message.entity';
import { CodecSession } from './entities/codec-session.entity';
import { JourneyDefinitionRow } from './entities/journey-definition.entity';
import { JourneyDefinitionVersionRow } from './entities/journey-definition-version.entity';

/** Classes, not globs: the same list works from TypeScript sources in tests and compiled code in dist/. */
export const entities = [
  OutreachMessage,
  OutreachDeliveryEvent,
  PatientContact,
  ChannelConsent,
  ProgramSettingsVersion,
  StaffTask,
  EhrEvent,
  EhrEventGap,
  CohortEnrolment,
  AuditEvent,
  SmsInboundMessage,
  CodecSession,
  JourneyDefinitionRow,
  JourneyDefinitionVersionRow,
];
export const migrations = [
  CreateOutreachMessage1763800000000,
  CreateProgramSettingsVersion1763900000000,
  CreateStaffTask1763900000001,
  CreateEngagement1764000000000,
  CreateEhrInbox1764100000000,
  CreateCohortEnrolment1764200000000,
  CreateAuditEvent1764300000000,
  EhrEventWaiting1764400000000,
  SmsWebhookReplays1764500000000,
  CreateCodecSession1764600000000,
  PatientContactCallPreferences1764600000060,
  AuditPatientRef1764700000000,
  StaffTaskWorkList1764800000000,
  CreateJourneyDefinitions1764900000000,
  OutreachMessageStepIndex1765000000000,
];

export function createDataSource(url: string, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    applicationName,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // Not 'error': TypeORM would print a failed query's parameters (addresses, names) to the log.
    // Failures still reach the caller, which logs them without their data (loggable-error).
    logging: ['migration'],
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

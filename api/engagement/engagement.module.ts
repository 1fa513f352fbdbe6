import { Module } from '@nestjs/common';
import { JourneyMessagesController } from '../outreach/journey-messages.controller';
import { OutreachLog } from '../outreach/outreach-log.service';
import { PatientsController } from '../patients/patients.controller';
import { PatientsService } from '../patients/patients.service';
import { StaffTasksController } from '../staff-tasks/staff-tasks.controller';
import { StaffTaskListService } from '../staff-tasks/staff-task-list.service';
import { StaffTasksService } from '../staff-tasks/staff-tasks.service';
import { JourneySignals } from './journey-signals.service';
import { SmsWebhooksController } from './sms-webhooks.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/** Patients' contact and consent, the outreach log, provider webhooks and the staff queue. */
@Module({
  controllers: [
    PatientsController,
    JourneyMessagesController,
    SmsWebhooksController,
    UnsubscribeController,
    StaffTasksController,
  ],
  providers: [JourneySignals, OutreachLog, PatientsService, StaffTasksService, StaffTaskListService],
})
export class EngagementModule {}

import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  progressQuery,
  type JourneyInput,
  type JourneyProgress,
} from '../journey-contract';
import { JourneyTracker } from '../journey-tracker';
import { requireActive, requireReason, parseEvent } from '../journey-guards';
import {
  APPOINTMENT_REMINDER,
  appointmentReminderEvent,
  type AppointmentReminderEvent,
  type AppointmentReminderParams,
} from './appointment-reminder.contract';

const { sendPortalMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '5 minutes' },
});

const HOUR_MS = 60 * 60 * 1000;

/**
 * Reminds a patient of an upcoming appointment a configurable time before it, follows
 * reschedules, and ends when the appointment is cancelled, attended or its time has come.
 */
export async function appointmentReminderWorkflow(
  input: JourneyInput<AppointmentReminderParams>,
): Promise<JourneyProgress> {
  const { params, patientRef } = input;
  const tracker = new JourneyTracker(APPOINTMENT_REMINDER, 'scheduled', 'Enrolled: appointment scheduled');
  let appointmentAt = Date.parse(params.appointmentAt);
  let remindedForAppointmentAt: number | undefined;
  let changes = 0;

  const reminderOwed = () => remindedForAppointmentAt !== appointmentAt;
  const remindAt = () => appointmentAt - params.reminderLeadHours * HOUR_MS;
  // Recomputed after every change, so an update's answer already shows the new plan.
  const planTimers = () =>
    tracker.expect([
      ...(reminderOwed() ? [{ id: 'reminder', label: 'Send reminder', dueAt: new Date(remindAt()).toISOString() }] : []),
      { id: 'appointment', label: 'Appointment time', dueAt: new Date(appointmentAt).toISOString() },
    ]);

  const applyEvent = (event: AppointmentReminderEvent): void => {
    switch (event.type) {
      case 'appointment-cancelled':
        tracker.record('event', 'Appointment cancelled', event.type);
        tracker.finish('completed', 'appointment-cancelled', 'Journey ended: appointment cancelled');
        break;
      case 'appointment-rescheduled':
        appointmentAt = Date.parse(event.appointmentAt);
        tracker.record('event', `Appointment moved to ${event.appointmentAt}`, event.type);
        if (tracker.currentStage !== 'scheduled') tracker.enterStage('scheduled', 'Waiting to remind');
        planTimers();
        break;
      case 'appointment-attended':
        tracker.record('event', 'Patient attended the appointment', event.type);
        tracker.finish('completed', 'attended', 'Journey ended: appointment attended');
        break;
    }
    changes++;
  };

  setHandler(progressQuery, () => tracker.progress());
  setHandler(
    journeyEventUpdate,
    (event) => {
      applyEvent(appointmentReminderEvent.parse(event));
      return tracker.progress();
    },
    {
      validator: (event) => {
        requireActive(tracker);
        parseEvent(appointmentReminderEvent, event);
      },
    },
  );
  setHandler(
    cancelJourneyUpdate,
    ({ reason }) => {
      tracker.finish('cancelled', 'cancelled', `Cancelled by an operator: ${reason}`);
      changes++;
      return tracker.progress();
    },
    {
      validator: (request) => {
        requireActive(tracker);
        requireReason(request);
      },
    },
  );

  while (tracker.isActive) {
    const now = Date.now();
    if (now >= appointmentAt) {
      tracker.finish('completed', 'appointment-time', 'Journey ended: appointment time reached');
      break;
    }
    if (reminderOwed() && now >= remindAt()) {
      const sentFor = appointmentAt;
      await sendReminder(patientRef, sentFor, params.timeZone, tracker);
      remindedForAppointmentAt = sentFor;
      continue;
    }

    const wakeAt = reminderOwed() ? remindAt() : appointmentAt;
    planTimers();
    const changesSeen = changes;
    await condition(() => changes !== changesSeen, Math.max(1, wakeAt - now));
  }

  await condition(allHandlersFinished);
  return tracker.progress();
}

async function sendReminder(
  patientRef: string,
  appointmentAt: number,
  timeZone: string,
  tracker: JourneyTracker,
): Promise<void> {
  // One reminder per appointment time: the step key makes retries and replays idempotent.
  const step = `reminder:${new Date(appointmentAt).toISOString()}`;
  const result = await sendPortalMessage({
    idempotencyKey: `${workflowInfo().workflowId}/${step}`,
    journeyId: workflowInfo().workflowId,
    patientRef,
    template: 'appointment-reminder',
    values: { appointmentAt: new Date(appointmentAt).toISOString(), timeZone },
  });
  tracker.record('message', `Reminder sent to the patient portal (message ${result.messageId})`, step);
  tracker.enterStage('reminded', 'Reminder sent; waiting for the appointment');
}

import { patched } from '@temporalio/workflow';
import { journeyActivities } from '../journey-activities';
import type { JourneyInput, JourneyProgress, PinnedProgram } from '../../contracts/journey-contract';
import { Journey } from '../journey-runtime';
import {
  APPOINTMENT_REMINDER,
  appointmentReminderEvent,
  type AppointmentReminderEvent,
  type AppointmentReminderParams,
} from './appointment-reminder.contract';
import { HOUR_MS } from '../../contracts/durations';
import { type AppointmentReminderSettings } from './appointment-reminder.settings';

/** Journeys enrolled before program settings existed carry no `program` in their input. */
type AppointmentReminderInput = Omit<JourneyInput<AppointmentReminderParams>, 'program'> & {
  program?: PinnedProgram<AppointmentReminderSettings>;
};

/**
 * Reminds a patient of an upcoming appointment a configurable time before it, follows
 * reschedules, and ends when the appointment is cancelled, attended or its time has come.
 */
export async function appointmentReminderWorkflow(input: AppointmentReminderInput): Promise<JourneyProgress> {
  const { params, patientRef } = input;
  const settings = input.program?.settings;
  const leadHours = params.reminderLeadHours ?? settings?.reminderLeadHours ?? 24;
  let appointmentAt = Date.parse(params.appointmentAt);
  let remindedForAppointmentAt: number | undefined;

  const journey: Journey<AppointmentReminderEvent> = new Journey({
    type: APPOINTMENT_REMINDER,
    patientRef,
    patientId: input.patientId,
    settingsVersion: input.program?.version ?? 0,
    stage: 'scheduled',
    summary: 'Enrolled: appointment scheduled',
    eventSchema: appointmentReminderEvent,
    describeEvent: (event) =>
      event.type === 'appointment-rescheduled'
        ? `Appointment moved to ${event.appointmentAt}`
        : `Event: ${event.type}`,
    applyEvent: (event) => {
      switch (event.type) {
        case 'appointment-cancelled':
          journey.finish('completed', 'appointment-cancelled', 'Journey ended: appointment cancelled');
          break;
        case 'appointment-rescheduled':
          appointmentAt = Date.parse(event.appointmentAt);
          if (journey.currentStage !== 'scheduled') journey.enterStage('scheduled', 'Waiting to remind');
          planTimers();
          break;
        case 'appointment-attended':
          journey.finish('completed', 'attended', 'Journey ended: appointment attended');
          break;
      }
    },
  });

  const reminderOwed = () => remindedForAppointmentAt !== appointmentAt;
  const remindAt = () => appointmentAt - leadHours * HOUR_MS;
  // Recomputed after every change, so an update's answer already shows the new plan.
  const planTimers = () =>
    journey.expect([
      ...(reminderOwed()
        ? [{ id: 'reminder', label: 'Send reminder', dueAt: new Date(remindAt()).toISOString() }]
        : []),
      { id: 'appointment', label: 'Appointment time', dueAt: new Date(appointmentAt).toISOString() },
    ]);

  // HZ-35: what the EHR said before the enrolment reaches the journey before its first step.
  if (input.keptEvents && !(await journey.receiveKeptEvents(input.keptEvents))) return journey.result();

  while (journey.isOpen) {
    const now = Date.now();
    if (now >= appointmentAt) {
      // The journey first ran after the appointment (a late start, a long outage): say so, not nothing.
      if (reminderOwed() && remindedForAppointmentAt === undefined) {
        journey.record(
          'message',
          'Reminder not sent: the appointment time had passed before it could go out',
        );
      }
      journey.finish('completed', 'appointment-time', 'Journey ended: appointment time reached');
      break;
    }
    if (journey.isPaused) {
      // A paused journey sends nothing, but the appointment's time still ends it.
      await journey.sleepUntil(appointmentAt, 'Appointment time (paused)', () => !journey.isPaused);
      continue;
    }
    if (reminderOwed() && now >= remindAt()) {
      const sentFor = appointmentAt;
      await sendReminder(journey, input, sentFor, settings);
      remindedForAppointmentAt = sentFor;
      continue;
    }

    planTimers();
    const seen = journey.changes;
    await journey.sleepUntil(
      reminderOwed() ? remindAt() : appointmentAt,
      reminderOwed() ? 'Reminder before the appointment' : 'Appointment time',
      () => journey.changes !== seen,
    );
  }

  return journey.result();
}

async function sendReminder(
  journey: Journey<AppointmentReminderEvent>,
  input: AppointmentReminderInput,
  appointmentAt: number,
  settings: AppointmentReminderSettings | undefined,
): Promise<void> {
  // One reminder per appointment time: the step key makes retries and replays idempotent.
  const step = `reminder:${new Date(appointmentAt).toISOString()}`;
  const values = { appointmentAt: new Date(appointmentAt).toISOString(), timeZone: input.params.timeZone };
  // Released journeys scheduled `sendPortalMessage` here; replaying them must see the same command.
  if (patched('appointment-reminder-send-message')) {
    const channel = settings?.channel ?? 'portal';
    const sent = await journey.notify(step, {
      channel,
      template: 'appointment-reminder',
      values,
      // The delivery loop words each outcome: "… sent by sms", "… reached no channel (…)".
      summary: 'Appointment reminder',
    });
    if (!sent) return;
    if (!sent.delivered) {
      // The same stage as a sent reminder (a stage change is a command replays must see), told truly.
      journey.enterStage('reminded', 'No channel reached the patient: a staff call is queued instead');
      return;
    }
  } else {
    const result = await journeyActivities.sendPortalMessage({
      idempotencyKey: `${journey.workflowId}/${step}`,
      journeyId: journey.workflowId,
      patientRef: input.patientRef,
      template: 'appointment-reminder',
      values,
    });
    journey.record('message', `Reminder sent to the patient portal (message ${result.messageId})`, step);
  }
  journey.enterStage('reminded', 'Reminder sent; waiting for the appointment');
}

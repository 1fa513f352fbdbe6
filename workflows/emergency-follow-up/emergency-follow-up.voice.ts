import type { JourneyInput } from '../../contracts/journey-contract';
import type { BookingCare } from '../outreach-escalation/booked-appointment';
import type { EscalationVoice } from '../outreach-escalation/escalation-runner';
import type { EmergencyFollowUpParams } from './emergency-follow-up.contract';
import type { EmergencyFollowUpValues, EmergencyFollowUpWording } from './emergency-follow-up.messages';
import type { EmergencyFollowUpSettings } from './emergency-follow-up.settings';

/** What the follow-up says to the patient and asks of staff. */
export function emergencyFollowUpVoice(
  input: JourneyInput<EmergencyFollowUpParams, EmergencyFollowUpSettings>,
) {
  const { params } = input;
  const { settings } = input.program;
  const values: EmergencyFollowUpValues = {
    schedulingUrl: params.schedulingUrl ?? settings.schedulingUrl,
    timeZone: params.timeZone,
  };

  const escalation: EscalationVoice<EmergencyFollowUpWording> = {
    defaultChannel: settings.firstChannel,
    message: (step) => ({ template: step.wording, values }),
    call: (step) => ({
      title: 'Call the patient to book a follow-up visit after their emergency visit',
      details: {
        dischargedAt: params.dischargedAt,
        schedulingUrl: values.schedulingUrl,
        dueWithinHours: step.dueWithinHours,
      },
    }),
  };

  const bookingCare: BookingCare = {
    reminderLeadHours: settings.reminderLeadHours,
    outcomeCheckAfterHours: settings.outcomeCheckAfterHours,
    reminder: (booking) => ({
      channel: settings.firstChannel,
      template: settings.appointmentReminderWording,
      values: { ...values, appointmentAt: new Date(booking.appointmentAt).toISOString() },
      summary: `Follow-up visit reminder sent (${settings.firstChannel})`,
    }),
    outcomeCheck: (booking) => ({
      title: 'Record whether the patient attended their follow-up visit after an emergency visit',
      details: {
        appointmentAt: new Date(booking.appointmentAt).toISOString(),
        appointmentId: booking.appointmentId,
      },
    }),
  };

  return { escalation, bookingCare };
}

import type { FactValue, JourneyInput } from '../journey-contract';
import type { BookingCare } from '../outreach-escalation/booked-appointment';
import type { EscalationVoice } from '../outreach-escalation/escalation-runner';
import type { PreventiveOutreachParams } from './preventive-outreach.contract';
import type { OutreachWordingRole, PreventiveOutreachValues } from './preventive-outreach.messages';
import type { PreventiveOutreachSettings } from './preventive-outreach.settings';
import { monthsOverdue } from './screening-due';

/**
 * What preventive outreach says and to whom on staff: the item's wording and values, the call
 * tasks' titles, the appointment reminder. Values are computed once at enrolment (how overdue the
 * item is then), so every message of the journey tells the same story.
 */
export function preventiveOutreachVoice(
  input: JourneyInput<PreventiveOutreachParams, PreventiveOutreachSettings>,
  enrolledAtMs: number,
) {
  const { params } = input;
  const { settings } = input.program;
  const item = settings.items[params.item];
  const overdue = monthsOverdue(params.lastDoneAt, item.intervalMonths, enrolledAtMs);
  const values: PreventiveOutreachValues = {
    item: item.label,
    schedulingUrl: params.schedulingUrl ?? item.schedulingUrl,
    locations: item.locations,
    monthsOverdue: overdue === undefined ? '' : String(overdue),
    timeZone: params.timeZone,
  };
  const wordingFor = (role: OutreachWordingRole) =>
    role === 'call-to-action' ? item.callToAction : settings.wording[role];
  const facts: Record<string, FactValue> = overdue === undefined ? {} : { monthsOverdue: overdue };

  const escalation = (kind: 'outreach' | 'rebooking'): EscalationVoice<OutreachWordingRole> => ({
    defaultChannel: item.firstChannel,
    message: (step) => ({ template: wordingFor(step.wording), values }),
    call: (step) => ({
      title:
        kind === 'rebooking'
          ? `Call the patient to rebook their missed ${item.label}`
          : `Call the patient to help them book their ${item.label}`,
      details: {
        item: params.item,
        outreach: kind,
        schedulingUrl: values.schedulingUrl,
        dueWithinHours: step.dueWithinHours,
      },
    }),
  });

  const bookingCare: BookingCare = {
    reminderLeadHours: settings.reminderLeadHours,
    outcomeCheckAfterHours: settings.outcomeCheckAfterHours,
    reminder: (booking) => ({
      channel: item.firstChannel,
      template: settings.wording.appointmentReminder,
      values: { ...values, appointmentAt: new Date(booking.appointmentAt).toISOString() },
      summary: `Appointment reminder sent (${item.firstChannel})`,
    }),
    outcomeCheck: (booking) => ({
      title: `Record whether the patient attended their ${item.label} appointment`,
      details: {
        item: params.item,
        appointmentAt: new Date(booking.appointmentAt).toISOString(),
        appointmentId: booking.appointmentId,
      },
    }),
  };

  return { escalation, bookingCare, facts };
}

import type { FactValue, JourneyInput } from '../../contracts/journey-contract';
import type { BookingCare } from '../outreach-escalation/booked-appointment';
import { defaultText, localizedValues } from '../outreach-escalation/localized-text';
import type { EscalationVoice } from '../outreach-escalation/escalation-runner';
import type { PreventiveOutreachParams } from './preventive-outreach.contract';
import type { OutreachWordingRole, PreventiveOutreachValues } from './preventive-outreach.messages';
import type { PreventiveOutreachSettings } from './preventive-outreach.settings';
import { localDate, monthsOverdue } from './screening-due';
import { screeningTests } from './screening-value-sets';

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
  // Staff read the default language; the patient's message picks theirs at render time.
  const itemName = defaultText(item.label);
  const overdue = monthsOverdue(
    params.lastDoneAt,
    overdueIntervalMonths(input),
    localDate(enrolledAtMs, params.timeZone),
  );
  const values: PreventiveOutreachValues = {
    item: itemName,
    ...localizedValues('item', item.label),
    schedulingUrl: params.schedulingUrl ?? item.schedulingUrl,
    locations: defaultText(item.locations),
    ...localizedValues('locations', item.locations),
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
          ? `Call the patient to rebook their missed ${itemName}`
          : `Call the patient to help them book their ${itemName}`,
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
      title: `Record whether the patient attended their ${itemName} appointment`,
      details: {
        item: params.item,
        appointmentAt: new Date(booking.appointmentAt).toISOString(),
        appointmentId: booking.appointmentId,
      },
    }),
  };

  return { escalation, bookingCare, facts };
}

/**
 * The interval "overdue" is counted from: the interval of the test actually done (a colonoscopy
 * covers 10 years, a FIT 1: USPSTF 2021), else the item's interval for an unknown test, which
 * defaults to its longest test's so the wording never claims more overdue time than there is.
 */
export function overdueIntervalMonths(
  input: Pick<JourneyInput<PreventiveOutreachParams, PreventiveOutreachSettings>, 'params' | 'program'>,
): number {
  const { params } = input;
  const { settings } = input.program;
  if (!params.lastTest) return settings.items[params.item].intervalMonths;
  // Journeys started before the setting existed carry settings without it: the test's default.
  return settings.testIntervalMonths?.[params.lastTest] ?? screeningTests[params.lastTest].validForMonths;
}

import { z } from 'zod';
import { channelSetting, escalationPlanSchema } from '../outreach-escalation/escalation-settings';
import { emergencyFollowUpWordingKeys } from './emergency-follow-up.messages';
import { emergencyFollowUpTriggers, FOLLOW_UP_VISITS } from './emergency-follow-up.triggers';

const declaredFollowUpVisits = emergencyFollowUpTriggers.valueSets[FOLLOW_UP_VISITS]!.codes.map((set) => ({
  system: set.system,
  codes: [...set.codes],
}));

/*
 * Program settings of emergency-visit follow-up. The 48-72 h nudge window is from the brief's
 * seeds ("follow-up nudge within 48-72 h", a tunable default); every other number is a tunable
 * default too. The scheduling link is a demo placeholder every program replaces.
 */

const wordingKey = z.enum(emergencyFollowUpWordingKeys);

export const emergencyFollowUpSettings = z
  .object({
    followUpDelayHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(48)
      .meta({ title: 'First nudge after discharge', unit: 'hours' })
      .describe(
        'Hours after discharge before the first nudge; counted on the wall clock from discharge (tunable default: ' +
          'nudge within 48-72 h, brief).',
      ),
    firstChannel: channelSetting
      .default('sms')
      .meta({ title: 'First channel' })
      .describe(
        "Channel of escalation steps on the 'default' channel: a text reaches a recovering patient soonest (tunable default).",
      ),
    schedulingUrl: z
      .url({ protocol: /^https$/ })
      .default('https://scheduling.example.org/follow-up-visit')
      .meta({ title: 'Scheduling link' })
      .describe(
        "Online scheduling link for a follow-up visit (demo default: replace with the program's own).",
      ),
    escalation: escalationPlanSchema(emergencyFollowUpWordingKeys)
      .default({
        steps: [
          { afterDays: 0, action: 'message', channel: 'default', wording: 'emergency-follow-up.nudge' },
          {
            afterDays: 2,
            action: 'message',
            channel: 'email',
            wording: 'emergency-follow-up.booking-prompt',
          },
          { afterDays: 4, action: 'staff-call', priority: 'routine', dueWithinHours: 24 },
        ],
        closeAfterDays: 14,
      })
      .meta({ title: 'Escalation plan' })
      .describe(
        'From the nudge on, until a follow-up visit is booked: the nudge with a booking link, a booking prompt, then a ' +
          'staff phone call for those who do not respond (tunable default; digital first, a call only for non-responders, brief).',
      ),
    followUpVisits: z
      .array(
        z
          .object({
            system: z
              .string()
              .min(1)
              .max(200)
              .meta({ title: 'Code system' })
              .describe('Code system URI, e.g. http://snomed.info/sct.'),
            codes: z
              .array(z.string().min(1).max(64))
              .min(1)
              .max(200)
              .meta({ title: 'Codes', description: 'Codes of that system that count.' }),
          })
          .strict(),
      )
      .min(1)
      .default(declaredFollowUpVisits)
      .meta({ title: 'Visits that count as the follow-up' })
      .describe(
        'Appointment types and service types that count as the follow-up visit: only these book, move or complete the ' +
          'follow-up (tunable default: HL7 v2-0276 FOLLOWUP, SNOMED CT follow-up visit, CPT established-patient office ' +
          'visits and transitional care, service type general practice). A screening or a physiotherapy visit never does.',
      ),
    appointmentReminderWording: wordingKey
      .default('emergency-follow-up.appointment-reminder')
      .meta({ title: 'Appointment reminder wording' })
      .describe('Wording of the reminder before the booked follow-up visit (tunable default).'),
    reminderLeadHours: z
      .number()
      .int()
      .min(24)
      .max(72)
      .default(24)
      .meta({ title: 'Reminder lead time', unit: 'hours' })
      .describe(
        'Hours before the follow-up visit that the reminder goes out (tunable default: 24/48/72 h made no difference).',
      ),
    outcomeCheckAfterHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(48)
      .meta({ title: 'Attendance check after the visit', unit: 'hours' })
      .describe(
        'Hours after the visit, with no attended or no-show news, before staff are asked to check (tunable default).',
      ),
  })
  .strict();

export type EmergencyFollowUpSettings = z.output<typeof emergencyFollowUpSettings>;

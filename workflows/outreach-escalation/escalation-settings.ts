import { z } from 'zod';
import type { Channel } from '../../activities/outreach/send-message';

/** Every channel the outreach activity accepts; `satisfies` keeps the list in step with its type. */
export const messageChannels = ['portal', 'email', 'sms', 'letter'] as const satisfies readonly Channel[];

export const channelSetting = z.enum(messageChannels);

const afterDays = z
  .number()
  .min(0)
  .max(365)
  .meta({ title: 'After', unit: 'days' })
  .describe('Days after the round started (on the active clock: time paused does not count).');

/**
 * The settings schema of an escalation plan whose message steps name one of `wordings`: each
 * journey decides what a step's `wording` means (a wording key, or a role resolved per item).
 */
export function escalationPlanSchema<const Wording extends readonly [string, ...string[]]>(
  wordings: Wording,
) {
  const messageStep = z
    .object({
      afterDays,
      action: z.literal('message').meta({ title: 'Action' }),
      channel: z
        .enum(['default', ...messageChannels])
        .meta({ title: 'Channel' })
        .describe(
          "The channel; 'default' is the journey's first channel (per screening item, or the program's).",
        ),
      wording: z.enum(wordings).meta({ title: 'Wording' }).describe('Which wording the message uses.'),
      respondWithinHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14)
        .optional()
        .meta({ title: 'Respond within', unit: 'hours' })
        .describe(
          "Hours to wait for a response (a booking, a reply, a read portal message) before the message goes out on the patient's next channel too.",
        ),
    })
    .strict();
  const staffCallStep = z
    .object({
      afterDays,
      action: z.literal('staff-call').meta({ title: 'Action' }),
      priority: z
        .enum(['routine', 'urgent'])
        .meta({ title: 'Call priority' })
        .describe('Priority of the phone-call task in the staff queue.'),
      dueWithinHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 14)
        .meta({ title: 'Call due within', unit: 'hours' })
        .describe('Hours staff have to make the call once the task is raised.'),
    })
    .strict();
  return z
    .object({
      steps: z
        .array(z.discriminatedUnion('action', [messageStep, staffCallStep]))
        .min(1)
        .max(20)
        .refine(
          (steps) =>
            steps.every((step, index) => index === 0 || steps[index - 1]!.afterDays <= step.afterDays),
          'Steps must be in order of their "After (days)": a step cannot come before the one above it.',
        )
        .meta({ title: 'Steps' })
        .describe('What happens, and when, while the patient has not booked.'),
      closeAfterDays: z
        .number()
        .min(1)
        .max(365)
        .meta({ title: 'Close as unresponsive after', unit: 'days' })
        .describe('Days after the round started when a patient who never booked is closed as unresponsive.'),
    })
    .strict()
    .refine((plan) => plan.closeAfterDays > (plan.steps.at(-1)?.afterDays ?? 0), {
      message: 'Close as unresponsive after (days) must be later than the last step.',
      path: ['closeAfterDays'],
    });
}

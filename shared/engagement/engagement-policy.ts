import { z } from 'zod';
import { DEFAULT_ORGANISATION_TIME_ZONE } from '../../config/env-values';
import { isTimeZone } from '../../contracts/contract-fields';
import { deliveryChannels, type DeliveryChannel } from '../../contracts/delivery-channels';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 21:00');

/** A daily window in the patient's local time when nothing is sent; may span midnight (21:00-08:00). */
export const quietWindowSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine((window) => window.start !== window.end, 'start and end must differ');
export type QuietWindow = z.infer<typeof quietWindowSchema>;

const channel = z.enum(deliveryChannels);
const evening: QuietWindow = { start: '21:00', end: '08:00' };
const defaultQuietHours: Record<DeliveryChannel, QuietWindow | null> = {
  email: evening,
  sms: evening,
  portal: evening,
  call: null,
  letter: null,
};
const defaultConsentWithoutRecord: Record<DeliveryChannel, boolean> = {
  email: false,
  sms: false,
  portal: true,
  letter: true,
  call: true,
};

/**
 * The rules every send follows, whatever the journey: quiet hours per channel, the daily cap on
 * non-urgent messages across all of a patient's journeys, and the consent assumed when a patient
 * has no record for a channel. Opt-in channels (email, SMS) need a recorded grant; the portal is
 * the patient's own inbox, and letters and calls go through staff.
 */
export const engagementPolicySchema = z.object({
  quietHours: z
    .partialRecord(channel, quietWindowSchema.nullable())
    .default({})
    .transform((given) => ({ ...defaultQuietHours, ...given }))
    .describe('Quiet hours per channel in the patient time zone; null: none (work for staff).'),
  dailyMessageCap: z.number().int().min(1).max(50).default(3),
  // Never UTC by default: a patient whose zone nobody knows gets the organisation's zone
  // (ORGANISATION_TIME_ZONE, config/app-config.ts), which the process passes in at start.
  defaultTimeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone')
    .default(DEFAULT_ORGANISATION_TIME_ZONE)
    .describe(
      "Zone of quiet hours for a patient with no zone of their own and no journey zone; the organisation's zone unless set.",
    ),
  defaultChannelOrder: z.array(channel).min(1).default(['portal', 'email', 'sms']),
  urgentTaskDueWithinHours: z
    .number()
    .positive()
    .max(24)
    .default(4)
    .describe(
      'When an urgent staff task is due if the journey gave no deadline (tunable default 4 h: a critical value reaches a clinician the same day).',
    ),
  consentWithoutRecord: z
    .partialRecord(channel, z.boolean())
    .default({})
    .transform((given) => ({ ...defaultConsentWithoutRecord, ...given })),
});
export type EngagementPolicy = z.infer<typeof engagementPolicySchema>;

export const defaultEngagementPolicy: EngagementPolicy = engagementPolicySchema.parse({});

export function quietWindowFor(
  policy: EngagementPolicy,
  channel: DeliveryChannel,
  override?: Partial<Record<string, QuietWindow | null>> | null,
): QuietWindow | null {
  if (override && channel in override) return override[channel] ?? null;
  // A channel registered at runtime has no policy entry: no quiet hours unless the contact gives some.
  return policy.quietHours[channel] ?? null;
}

/**
 * Reads `ENGAGEMENT_POLICY` (JSON, any subset of the fields); a bad value stops the process at
 * start. `organisationTimeZone` (ORGANISATION_TIME_ZONE) is the default zone unless the policy
 * names one.
 */
export function loadEngagementPolicy(
  env: NodeJS.ProcessEnv,
  organisationTimeZone?: string,
): EngagementPolicy {
  const raw = env.ENGAGEMENT_POLICY;
  const zone = organisationTimeZone ? { defaultTimeZone: organisationTimeZone } : {};
  if (!raw) return { ...defaultEngagementPolicy, ...zone };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('ENGAGEMENT_POLICY: must be JSON');
  }
  const parsed = engagementPolicySchema.safeParse(
    json && typeof json === 'object' && !Array.isArray(json) ? { ...zone, ...json } : json,
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`ENGAGEMENT_POLICY: ${problems.join('; ')}`);
  }
  return parsed.data;
}

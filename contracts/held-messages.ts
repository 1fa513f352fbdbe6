import type { TimelineEntry } from './journey-contract';

/**
 * A message the journey holds back (quiet hours, the daily cap) is not in the outreach log: a row
 * is written only when a send is attempted. The journey's timeline says it, in the line below;
 * the workflow writes it and the API reads it back, so both use these two functions.
 */
export type HoldReason = 'quiet-hours' | 'daily-cap';

export const HOLD_REASONS: Record<HoldReason, string> = {
  'quiet-hours': "the patient's quiet hours",
  'daily-cap': "the patient's daily message limit is reached",
};

export function heldLine(label: string, until: string, reason: HoldReason): string {
  return `${label} held until ${until}: ${HOLD_REASONS[reason]}`;
}

export interface HeldMessage {
  /** The journey step the message belongs to. */
  step: string;
  /** What the journey calls the message (its summary or template). */
  label: string;
  /** When it will be tried again (ISO 8601). */
  until: string;
  reason: HoldReason;
  heldAt: string;
}

const HELD = /^(.*) held until (\S+): (.*)$/;

/**
 * The messages still held: a step's latest message line is a hold. Any later line for the step
 * (sent, refused, unreachable) means the hold is over.
 */
export function heldMessages(timeline: readonly TimelineEntry[]): HeldMessage[] {
  const latest = new Map<string, HeldMessage | null>();
  for (const entry of timeline) {
    if (entry.kind !== 'message' || !entry.ref) continue;
    const match = HELD.exec(entry.summary);
    const reason =
      match && (Object.keys(HOLD_REASONS) as HoldReason[]).find((key) => HOLD_REASONS[key] === match[3]);
    latest.set(
      entry.ref,
      match && reason
        ? { step: entry.ref, label: match[1]!, until: match[2]!, reason, heldAt: entry.at }
        : null,
    );
  }
  return [...latest.values()].filter((held): held is HeldMessage => held !== null);
}

import { DateTime } from 'luxon';
import type { PatientContact } from '../../persistence/entities/patient-contact.entity';
import { isTimeZone } from '../../contracts/contract-fields';
import { quietWindowFor, type EngagementPolicy } from './engagement-policy';

/*
 * How a staff member should call a patient: the number the patient wants calls on and the times
 * they said they can take them, in their own time zone. The EHR holds them on the phone
 * ContactPoint (rank, and the contactpoint-availabletime extension of the HL7 directory IGs:
 * VhDir, Da Vinci Plan-Net, NDH); the contact record adds Carepath's own quiet hours for calls.
 * A staff call task carries them and its due time honours them (product invariants 2 and 9:
 * nothing inside the patient's quiet hours, every time in the patient's zone).
 */

export const daysOfWeek = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayOfWeek = (typeof daysOfWeek)[number];

/** A weekly window the patient can take calls in, local time; `end` before `start` runs past midnight. */
export interface CallTime {
  days: DayOfWeek[];
  start: string;
  end: string;
}

export interface CallPreferences {
  /** The number to call (E.164), which may be a landline: calls do not need a mobile. */
  phone?: string;
  times?: CallTime[];
}

/** What a staff call task tells the person who calls, and when it is due. */
export interface CallPlan {
  phone: string | null;
  timeZone: string;
  /** `patient` when the record names the zone; else the organisation's default, said so. */
  zoneSource: 'patient' | 'organisation default';
  /** The windows as the patient gave them, e.g. `mon-fri 17:00-19:00`. */
  preferredTimes: string[];
  /** The next window the patient can be called in (instants), when any constraint applies. */
  nextWindow?: { from: string; until: string };
  /** One sentence for the task, in the patient's local time with the zone named. */
  instructions: string;
  /** The task's due time, moved to the end of the first window when no window opens before it. */
  dueAt?: string;
}

const SEARCH_DAYS = 8;

export function callPlanFor(input: {
  contact:
    | (Pick<PatientContact, 'phone' | 'timeZone' | 'quietHours'> & {
        callPreferences?: CallPreferences | null;
      })
    | null;
  policy: EngagementPolicy;
  now: Date;
  dueAt?: Date;
  urgent: boolean;
}): CallPlan {
  const { contact, policy, now, dueAt, urgent } = input;
  const ownZone = contact?.timeZone && isTimeZone(contact.timeZone) ? contact.timeZone : undefined;
  const timeZone = ownZone ?? policy.defaultTimeZone;
  const zoneSource = ownZone ? 'patient' : 'organisation default';
  const phone = contact?.callPreferences?.phone ?? contact?.phone ?? null;
  const times = callTimesOf(contact, policy);
  const preferredTimes = times.map(describeTime);
  const window = times.length ? nextWindow(times, now, timeZone) : undefined;
  const zoneWords =
    zoneSource === 'patient' ? timeZone : `${timeZone}, the organisation's zone: the patient's is unknown`;
  if (!window) {
    return {
      phone,
      timeZone,
      zoneSource,
      preferredTimes,
      instructions: `${phone ? `Call ${phone}` : 'No phone number on file'}; no preferred call times recorded (${zoneWords}).`,
      ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
    };
  }
  const from = DateTime.fromJSDate(window.from, { zone: timeZone });
  const until = DateTime.fromJSDate(window.until, { zone: timeZone });
  // A routine call waits for the patient's window; an urgent one keeps its deadline, with the times shown.
  const movedDue = dueAt && !urgent && window.from.getTime() >= dueAt.getTime() ? window.until : dueAt;
  return {
    phone,
    timeZone,
    zoneSource,
    preferredTimes,
    nextWindow: { from: window.from.toISOString(), until: window.until.toISOString() },
    instructions:
      `${phone ? `Call ${phone}` : 'No phone number on file'} between ${from.toFormat('HH:mm')} and ` +
      `${until.toFormat('HH:mm')} on ${from.toFormat('cccc d LLLL')} (${zoneWords}); ` +
      `the patient takes calls ${preferredTimes.join(', ')}.`,
    ...(movedDue ? { dueAt: movedDue.toISOString() } : {}),
  };
}

/** The patient's own call times; else the hours outside Carepath's quiet hours for calls; else none. */
function callTimesOf(
  contact: { quietHours?: PatientContact['quietHours']; callPreferences?: CallPreferences | null } | null,
  policy: EngagementPolicy,
): CallTime[] {
  const own = contact?.callPreferences?.times?.filter((time) => time.days.length > 0) ?? [];
  if (own.length) return own;
  const quiet = quietWindowFor(policy, 'call', contact?.quietHours);
  return quiet ? [{ days: [...daysOfWeek], start: quiet.end, end: quiet.start }] : [];
}

/** The first window (or the rest of one open now) at or after `now`, in the patient's zone. */
export function nextWindow(
  times: readonly CallTime[],
  now: Date,
  timeZone: string,
): { from: Date; until: Date } | undefined {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  let best: { from: Date; until: Date } | undefined;
  for (let offset = -1; offset <= SEARCH_DAYS; offset += 1) {
    const day = local.plus({ days: offset }).startOf('day');
    const weekday = daysOfWeek[day.weekday - 1]!;
    for (const time of times.filter((candidate) => candidate.days.includes(weekday))) {
      const start = atClock(day, time.start);
      let end = atClock(day, time.end);
      if (end <= start) end = end.plus({ days: 1 });
      if (end <= local) continue;
      const from = (start < local ? local : start).toJSDate();
      if (!best || from < best.from) best = { from, until: end.toJSDate() };
    }
  }
  return best;
}

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function describeTime(time: CallTime): string {
  const days = time.days.length === 7 ? 'every day' : time.days.join(', ');
  return `${days} ${time.start}-${time.end}`;
}

import type {
  Address,
  CodeableConcept,
  Condition,
  ContactPoint,
  HumanName,
  Patient,
  Period,
} from '@medplum/fhirtypes';
import { isTimeZone } from '../../contracts/contract-fields';
import {
  daysOfWeek,
  type CallPreferences,
  type CallTime,
  type DayOfWeek,
} from '../engagement/call-preferences';
import { timeZoneOfAddress } from './address-time-zone';
import { toE164 } from './phone-number';

/*
 * How a FHIR record becomes what personalization needs. Pure functions: the I/O is in
 * ehr-activities.ts. Each picks what is current (no `old` use, no period that has ended) and
 * what the patient prefers (rank, `preferred`, `usual`) the way the FHIR spec defines them.
 */

/** What the patient's own record says about reaching them. */
export interface PatientContactFields {
  /** For greetings only: the name they go by. */
  givenName: string | undefined;
  email: string | undefined;
  /** A mobile number in E.164. */
  phone: string | undefined;
  /** BCP 47 (`es-MX`). */
  language: string | undefined;
  /** IANA zone, from the tz-code extension or else the home address. */
  timeZone: string | undefined;
  /** The number staff should call and the times the patient takes calls, when the record says. */
  callPreferences?: CallPreferences | undefined;
}

export const TIME_ZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/tz-code';

export function contactFieldsOf(patient: Patient, now: Date = new Date()): PatientContactFields {
  const home = homeAddressOf(patient, now);
  return {
    givenName: givenNameOf(patient, now),
    email: emailOf(patient, now),
    phone: mobilePhoneOf(patient, now, home?.country),
    language: preferredLanguageOf(patient),
    timeZone: timeZoneOf(patient, home),
    callPreferences: callPreferencesOf(patient, now, home?.country),
  };
}

/** The contactpoint-availabletime extension, as the HL7 directory IGs publish it. */
export const AVAILABLE_TIME_EXTENSIONS = [
  'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/contactpoint-availabletime',
  'http://hl7.org/fhir/uv/vhdir/StructureDefinition/contactpoint-availabletime',
  'http://hl7.org/fhir/us/ndh/StructureDefinition/base-ext-contactpoint-availabletime',
];

/**
 * The number to call: the patient's most preferred current phone (rank), landlines included;
 * and the weekly times they take calls on it, from its availableTime extension.
 */
export function callPreferencesOf(
  patient: Patient,
  now: Date = new Date(),
  country: string | undefined = homeAddressOf(patient, now)?.country,
): CallPreferences | undefined {
  const point = currentContactPoints(patient, now, (candidate) => candidate.system === 'phone')[0];
  if (!point) return undefined;
  const phone = toE164(point.value!, country);
  const times = (point.extension ?? [])
    .filter((extension) => AVAILABLE_TIME_EXTENSIONS.includes(extension.url))
    .map(callTimeOf)
    .filter((time): time is CallTime => time !== undefined);
  if (!phone && times.length === 0) return undefined;
  return { ...(phone ? { phone } : {}), ...(times.length ? { times } : {}) };
}

function callTimeOf(extension: NonNullable<ContactPoint['extension']>[number]): CallTime | undefined {
  const parts = extension.extension ?? [];
  const days = parts
    .filter((part) => part.url === 'daysOfWeek')
    .map((part) => part.valueCode as DayOfWeek)
    .filter((day) => (daysOfWeek as readonly string[]).includes(day));
  const allDay = parts.find((part) => part.url === 'allDay')?.valueBoolean === true;
  const start = parts.find((part) => part.url === 'availableStartTime')?.valueTime?.slice(0, 5);
  const end = parts.find((part) => part.url === 'availableEndTime')?.valueTime?.slice(0, 5);
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  const window = allDay
    ? { start: '00:00', end: '23:59' }
    : start && end && clock.test(start) && clock.test(end)
      ? { start, end }
      : undefined;
  if (!window || start === end) return undefined;
  return { days: days.length ? days : [...daysOfWeek], ...window };
}

/** The name used in greetings: the `usual` name (what they go by), else the official one, else any. */
export function givenNameOf(patient: Patient, now: Date = new Date()): string | undefined {
  const names = (patient.name ?? []).filter((name) => name.use !== 'old' && isCurrent(name.period, now));
  const order: Array<HumanName['use']> = ['usual', 'official', undefined, 'nickname'];
  const best = [...names].sort((a, b) => rankOf(order, a.use) - rankOf(order, b.use))[0];
  return best?.given?.find((given) => given.trim())?.trim();
}

export function emailOf(patient: Patient, now: Date = new Date()): string | undefined {
  return currentContactPoints(patient, now, (point) => point.system === 'email')
    .map((point) => point.value!.trim())
    .find((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));
}

/**
 * A number that can take an SMS: a `mobile` phone or an `sms` contact point first, then a
 * phone whose use is unstated. Home and work numbers are landlines until the EHR says otherwise.
 */
export function mobilePhoneOf(
  patient: Patient,
  now: Date = new Date(),
  country?: string,
): string | undefined {
  const phones = currentContactPoints(
    patient,
    now,
    (point) => point.system === 'phone' || point.system === 'sms',
  );
  const textable = [
    ...phones.filter((point) => point.use === 'mobile' || point.system === 'sms'),
    ...phones.filter((point) => point.use === undefined && point.system === 'phone'),
  ];
  for (const point of textable) {
    const e164 = toE164(point.value!, country);
    if (e164) return e164;
  }
  return undefined;
}

/** The `preferred` communication language, else the first listed, as a canonical BCP 47 tag. */
export function preferredLanguageOf(patient: Patient): string | undefined {
  const languages = patient.communication ?? [];
  const chosen = languages.find((entry) => entry.preferred) ?? languages[0];
  const coding = chosen?.language.coding ?? [];
  const tag = (coding.find((candidate) => candidate.system === 'urn:ietf:bcp:47') ?? coding[0])?.code;
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

export function timeZoneOf(
  patient: Patient,
  home: Address | undefined = homeAddressOf(patient),
): string | undefined {
  const extension = patient.extension?.find((candidate) => candidate.url === TIME_ZONE_EXTENSION)?.valueCode;
  if (extension && isTimeZone(extension)) return extension;
  return home ? timeZoneOfAddress(home) : undefined;
}

/** Where the patient lives now: a current `home` address, else any current one that is not for billing. */
export function homeAddressOf(patient: Patient, now: Date = new Date()): Address | undefined {
  const current = (patient.address ?? []).filter(
    (address) => address.use !== 'old' && address.use !== 'billing' && isCurrent(address.period, now),
  );
  return current.find((address) => address.use === 'home') ?? current[0];
}

/** A condition the patient has now: not resolved or in remission, not refuted or entered in error. */
export function isCurrentCondition(condition: Condition): boolean {
  const clinical = codeOf(condition.clinicalStatus);
  const verification = codeOf(condition.verificationStatus);
  const present = clinical === undefined || ['active', 'recurrence', 'relapse'].includes(clinical);
  const believed = verification === undefined || !['refuted', 'entered-in-error'].includes(verification);
  return present && believed;
}

function currentContactPoints(
  patient: Patient,
  now: Date,
  wanted: (point: ContactPoint) => boolean,
): ContactPoint[] {
  return (
    (patient.telecom ?? [])
      .filter(
        (point) =>
          wanted(point) && point.value?.trim() && point.use !== 'old' && isCurrent(point.period, now),
      )
      .map((point, index) => ({ point, index }))
      // rank 1 is the most preferred; unranked points keep their order after ranked ones.
      .sort((a, b) => (a.point.rank ?? Infinity) - (b.point.rank ?? Infinity) || a.index - b.index)
      .map(({ point }) => point)
  );
}

function isCurrent(period: Period | undefined, now: Date): boolean {
  if (period?.end && new Date(period.end).getTime() < now.getTime()) return false;
  if (period?.start && new Date(period.start).getTime() > now.getTime()) return false;
  return true;
}

function rankOf<T>(order: T[], value: T): number {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}

function codeOf(concept: CodeableConcept | undefined): string | undefined {
  return concept?.coding?.find((coding) => coding.code)?.code;
}

import type { Address } from '@medplum/fhirtypes';

/*
 * The time zone an address implies, for patients whose record has no tz-code extension. Quiet
 * hours depend on it, so the table answers only where the answer is sure enough: countries with
 * one zone, and the states or provinces of the large countries that have several. A state
 * split between zones gets its most populous zone (the extension, when the EHR sends it,
 * always wins). Anything else is undefined: the caller keeps what it had.
 */

/** Countries (ISO 3166-1 alpha-2) that keep one time zone. */
const singleZoneCountries: Record<string, string> = {
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  CO: 'America/Bogota',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KE: 'Africa/Nairobi',
  KR: 'Asia/Seoul',
  NG: 'Africa/Lagos',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PE: 'America/Lima',
  PH: 'Asia/Manila',
  PL: 'Europe/Warsaw',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  SK: 'Europe/Bratislava',
  ZA: 'Africa/Johannesburg',
};

/** US states and territories by USPS code (US Core binds Address.state to them). */
// prettier-ignore
const usStates: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage', AZ: 'America/Phoenix', AR: 'America/Chicago',
  CA: 'America/Los_Angeles', CO: 'America/Denver', CT: 'America/New_York', DE: 'America/New_York',
  DC: 'America/New_York', FL: 'America/New_York', GA: 'America/New_York', HI: 'Pacific/Honolulu',
  ID: 'America/Boise', IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis', IA: 'America/Chicago',
  KS: 'America/Chicago', KY: 'America/New_York', LA: 'America/Chicago', ME: 'America/New_York',
  MD: 'America/New_York', MA: 'America/New_York', MI: 'America/Detroit', MN: 'America/Chicago',
  MS: 'America/Chicago', MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago',
  NV: 'America/Los_Angeles', NH: 'America/New_York', NJ: 'America/New_York', NM: 'America/Denver',
  NY: 'America/New_York', NC: 'America/New_York', ND: 'America/Chicago', OH: 'America/New_York',
  OK: 'America/Chicago', OR: 'America/Los_Angeles', PA: 'America/New_York', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago', TN: 'America/Chicago', TX: 'America/Chicago',
  UT: 'America/Denver', VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles',
  WV: 'America/New_York', WI: 'America/Chicago', WY: 'America/Denver', PR: 'America/Puerto_Rico',
  GU: 'Pacific/Guam', VI: 'America/St_Thomas', AS: 'Pacific/Pago_Pago', MP: 'Pacific/Saipan',
};

// prettier-ignore
const canadianProvinces: Record<string, string> = {
  AB: 'America/Edmonton', BC: 'America/Vancouver', MB: 'America/Winnipeg', NB: 'America/Moncton',
  NL: 'America/St_Johns', NS: 'America/Halifax', NT: 'America/Yellowknife', NU: 'America/Iqaluit',
  ON: 'America/Toronto', PE: 'America/Halifax', QC: 'America/Toronto', SK: 'America/Regina',
  YT: 'America/Whitehorse',
};

// prettier-ignore
const australianStates: Record<string, string> = {
  ACT: 'Australia/Sydney', NSW: 'Australia/Sydney', NT: 'Australia/Darwin', QLD: 'Australia/Brisbane',
  SA: 'Australia/Adelaide', TAS: 'Australia/Hobart', VIC: 'Australia/Melbourne', WA: 'Australia/Perth',
};

/** Mexico keeps Central time except these states (by code and by name). */
// prettier-ignore
const mexicanStatesOutsideCentral: Record<string, string> = {
  BC: 'America/Tijuana', 'BAJA CALIFORNIA': 'America/Tijuana',
  BCS: 'America/Mazatlan', 'BAJA CALIFORNIA SUR': 'America/Mazatlan',
  SIN: 'America/Mazatlan', SINALOA: 'America/Mazatlan',
  NAY: 'America/Mazatlan', NAYARIT: 'America/Mazatlan',
  SON: 'America/Hermosillo', SONORA: 'America/Hermosillo',
  CHIH: 'America/Chihuahua', CHIHUAHUA: 'America/Chihuahua',
  ROO: 'America/Cancun', QROO: 'America/Cancun', 'QUINTANA ROO': 'America/Cancun',
};

// prettier-ignore
const countryAliases: Record<string, string> = {
  USA: 'US', 'UNITED STATES': 'US', 'UNITED STATES OF AMERICA': 'US',
  UK: 'GB', GBR: 'GB', 'UNITED KINGDOM': 'GB',
  POL: 'PL', POLAND: 'PL', POLSKA: 'PL',
  MEX: 'MX', MEXICO: 'MX', 'MÉXICO': 'MX',
  CAN: 'CA', CANADA: 'CA',
  AUS: 'AU', AUSTRALIA: 'AU',
};

export function timeZoneOfAddress(address: Address): string | undefined {
  const state = address.state?.trim().toUpperCase().replace(/\./g, '');
  const country = countryOf(address.country, state);
  switch (country) {
    case 'US':
      return state ? usStates[state] : undefined;
    case 'CA':
      return state ? canadianProvinces[state] : undefined;
    case 'AU':
      return state ? australianStates[state] : undefined;
    case 'MX':
      return (state && mexicanStatesOutsideCentral[state]) || 'America/Mexico_City';
    default:
      return country ? singleZoneCountries[country] : undefined;
  }
}

/** US records often leave the country out: a USPS state code then stands for it. */
function countryOf(country: string | undefined, state: string | undefined): string | undefined {
  const given = country?.trim().toUpperCase();
  if (given) return countryAliases[given] ?? given;
  return state && usStates[state] ? 'US' : undefined;
}

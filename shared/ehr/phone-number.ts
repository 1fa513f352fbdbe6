/*
 * EHRs store phone numbers as people typed them; SMS providers need E.164. A number already in
 * international form is kept; a national one is completed only for countries whose numbering
 * is known here. Anything else is undefined: better no SMS than one to a wrong number.
 */

interface NationalNumbering {
  callingCode: string;
  /** The digit dialled before national numbers that international form drops (UK, Australia). */
  trunkPrefix?: string;
  /** Digits of a national number without its trunk prefix. */
  digits: number;
}

const numberingByCountry: Record<string, NationalNumbering> = {
  US: { callingCode: '1', digits: 10 },
  CA: { callingCode: '1', digits: 10 },
  GB: { callingCode: '44', trunkPrefix: '0', digits: 10 },
  AU: { callingCode: '61', trunkPrefix: '0', digits: 9 },
  PL: { callingCode: '48', digits: 9 },
  MX: { callingCode: '52', digits: 10 },
};

const E164 = /^\+[1-9]\d{7,14}$/;

/** `value` in E.164 (`+48601000101`), using the patient's country (ISO alpha-2) for national numbers. */
export function toE164(value: string, country: string | undefined): string | undefined {
  // Extensions cannot receive SMS.
  if (/(?:ext|x|#)/i.test(value)) return undefined;
  const compact = value.replace(/[\s\-().\u00a0/]/g, '');
  if (compact.startsWith('+')) return E164.test(compact) ? compact : undefined;
  if (compact.startsWith('00')) return E164.test(`+${compact.slice(2)}`) ? `+${compact.slice(2)}` : undefined;
  if (!/^\d+$/.test(compact)) return undefined;

  const numbering = country ? numberingByCountry[country.toUpperCase()] : undefined;
  if (!numbering) return undefined;
  let national = compact;
  if (numbering.trunkPrefix && national.startsWith(numbering.trunkPrefix)) {
    national = national.slice(numbering.trunkPrefix.length);
  } else if (national.length === numbering.digits + numbering.callingCode.length) {
    // Dialled with the country code but without the plus (US "1 202 555 0123").
    if (!national.startsWith(numbering.callingCode)) return undefined;
    national = national.slice(numbering.callingCode.length);
  }
  if (national.length !== numbering.digits) return undefined;
  const international = `+${numbering.callingCode}${national}`;
  return E164.test(international) ? international : undefined;
}

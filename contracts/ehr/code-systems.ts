import type { CodeableConcept, Coding } from '@medplum/fhirtypes';

/** The terminologies inbound rules are written in, by their canonical FHIR system URIs. */
export const CODE_SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  cpt: 'http://www.ama-assn.org/go/cpt',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  hcpcs: [
    'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  ],
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationMode: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode',
  contactPointSystem: 'http://hl7.org/fhir/contact-point-system',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  /** Carepath's own codes, for facts no public terminology names (a DiLO card, a channel). */
  carepathOncology: 'https://carepath.dev/fhir/CodeSystem/oncology-pathway',
  carepathChannel: 'https://carepath.dev/fhir/CodeSystem/channel',
  /** The DiLO card number (karta diagnostyki i leczenia onkologicznego) as a ServiceRequest identifier. */
  diloCardNumber: 'https://carepath.dev/fhir/NamingSystem/dilo-card',
} as const;

/** Codes of one system; with `prefix`, a code also matches its children (ICD-10 `C50` matches `C50.912`). */
export interface CodeMatch {
  system: string;
  codes: readonly string[];
  prefix?: boolean;
}

// ICD-10 codes travel with and without the dot (R73.03, R7303); compare them without it.
const dotless = new Set<string>([CODE_SYSTEMS.icd10cm, CODE_SYSTEMS.icd10]);

function canonical(system: string, code: string): string {
  const trimmed = code.trim();
  return dotless.has(system) ? trimmed.replace('.', '').toUpperCase() : trimmed;
}

export function codingMatches(coding: Coding, match: CodeMatch): boolean {
  if (coding.system !== match.system || !coding.code) return false;
  const code = canonical(match.system, coding.code);
  return match.codes.some((candidate) => {
    const wanted = canonical(match.system, candidate);
    return match.prefix ? code.startsWith(wanted) : code === wanted;
  });
}

export type Concepts = CodeableConcept | readonly CodeableConcept[] | undefined;

export function codingsOf(concepts: Concepts): Coding[] {
  if (!concepts) return [];
  const list: readonly CodeableConcept[] = Array.isArray(concepts) ? concepts : [concepts as CodeableConcept];
  return list.flatMap((concept) => concept.coding ?? []);
}

/** The first coding among the concepts that any of the matches accepts, with the match it met. */
export function findCoding(
  concepts: Concepts,
  matches: readonly CodeMatch[],
): { coding: Coding; match: CodeMatch } | undefined {
  for (const coding of codingsOf(concepts)) {
    const match = matches.find((candidate) => codingMatches(coding, candidate));
    if (match) return { coding, match };
  }
  return undefined;
}

/** How a coding reads in an outcome: `http://loinc.org|4548-4`. Codes are not PHI; values are. */
export function describeCodings(concepts: Concepts): string {
  const codings = codingsOf(concepts).filter((coding) => coding.code);
  if (codings.length === 0) return 'no coded concept';
  return codings.map((coding) => `${coding.system ?? '(no system)'}|${coding.code}`).join(', ');
}

import type {
  CodeableConcept,
  Coding,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Observation,
  Patient,
  Procedure,
  Reference,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { CLOCK_START_EXTENSIONS } from '../../workflows/oncology-fast-track/oncology-fast-track.starts';
import { DAY_MS } from '../../contracts/durations';

/*
 * The demo EHR that `npm start` and the tests serve from the local FHIR sandbox: patients whose
 * records exercise each journey, the contact patients of demo-contacts.ts, and patients due
 * (and one not due) for screenings. Dates are relative to the moment of seeding, so a
 * "55-year-old whose mammogram was three years ago" stays one whenever the stack starts.
 * Names, numbers and addresses are fictional: reserved test domains and phone ranges.
 */

const { loinc, snomed, icd10cm, icd10, cpt, cvx, actCode, ucum } = CODE_SYSTEMS;
const MRN_SYSTEM = 'https://ehr.carepath.dev/fhir/NamingSystem/mrn';
const TIME_ZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/tz-code';
const BCP47 = 'urn:ietf:bcp:47';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const DIAGNOSTIC_SECTION = CODE_SYSTEMS.diagnosticServiceSection;

const coding = (system: string, code: string, display: string): Coding => ({ system, code, display });
const concept = (text: string, ...codings: Coding[]): CodeableConcept => ({ coding: codings, text });

/** Every clinical code the demo records use, in one place. */
export const demoCodes = {
  prediabetes: concept(
    'Prediabetes',
    coding(icd10cm, 'R73.03', 'Prediabetes'),
    coding(snomed, '714628002', 'Prediabetes'),
  ),
  hypertension: concept(
    'Essential hypertension',
    coding(icd10cm, 'I10', 'Essential (primary) hypertension'),
    coding(snomed, '59621000', 'Essential hypertension'),
  ),
  asthma: concept(
    'Asthma',
    coding(icd10cm, 'J45.909', 'Unspecified asthma, uncomplicated'),
    coding(snomed, '195967001', 'Asthma'),
  ),
  asthmaExacerbation: concept(
    'Asthma exacerbation',
    coding(icd10cm, 'J45.901', 'Unspecified asthma with (acute) exacerbation'),
    coding(snomed, '281239006', 'Exacerbation of asthma'),
  ),
  breastLump: concept(
    'Lump in breast',
    coding(icd10, 'N63', 'Unspecified lump in breast'),
    coding(snomed, '89164003', 'Breast lump'),
  ),
  hba1c: concept('HbA1c', coding(loinc, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood')),
  fastingGlucose: concept(
    'Fasting glucose',
    coding(loinc, '1558-6', 'Fasting glucose [Mass/volume] in Serum or Plasma'),
  ),
  bodyWeight: concept('Body weight', coding(loinc, '29463-7', 'Body weight')),
  bmi: concept('BMI', coding(loinc, '39156-5', 'Body mass index (BMI) [Ratio]')),
  bloodPressure: concept(
    'Blood pressure',
    coding(loinc, '85354-9', 'Blood pressure panel with all children optional'),
  ),
  systolic: concept('Systolic blood pressure', coding(loinc, '8480-6', 'Systolic blood pressure')),
  diastolic: concept('Diastolic blood pressure', coding(loinc, '8462-4', 'Diastolic blood pressure')),
  screeningMammogram: concept(
    'Screening mammogram',
    coding(cpt, '77067', 'Screening mammography, bilateral (2-view study of each breast)'),
    coding(snomed, '71651007', 'Mammography'),
  ),
  mammogramReport: concept('Screening mammogram report', coding(loinc, '24606-6', 'MG Breast Screening')),
  colonoscopy: concept(
    'Colonoscopy',
    coding(cpt, '45378', 'Colonoscopy, flexible; diagnostic'),
    coding(snomed, '73761001', 'Colonoscopy'),
  ),
  cervicalScreening: concept(
    'Cervical screening',
    coding(snomed, '171149006', 'Screening for malignant neoplasm of cervix'),
  ),
  cervicalCytology: concept(
    'Cervical cytology',
    coding(
      loinc,
      '10524-7',
      'Microscopic observation [Identifier] in Cervical or vaginal smear or scraping by Cyto stain',
    ),
  ),
  fluVaccine: concept(
    'Influenza vaccine',
    coding(cvx, '150', 'Influenza, injectable, quadrivalent, preservative free'),
  ),
  preventiveVisit: concept(
    'Preventive visit',
    coding(cpt, '99396', 'Periodic comprehensive preventive medicine reevaluation, 40-64 years'),
  ),
  referral: concept('Referral', coding(snomed, '3457005', 'Patient referral')),
  diloCard: concept(
    'DiLO card',
    coding(CODE_SYSTEMS.carepathOncology, 'dilo-card', 'DiLO card (fast oncology track)'),
  ),
  emergencyVisit: concept(
    'Emergency department visit',
    coding(snomed, '4525004', 'Emergency department patient visit'),
  ),
  emergencyClass: coding(actCode, 'EMER', 'emergency'),
  ambulatoryClass: coding(actCode, 'AMB', 'ambulatory'),
  laboratory: concept('Laboratory', coding(OBSERVATION_CATEGORY, 'laboratory', 'Laboratory')),
  vitalSigns: concept('Vital Signs', coding(OBSERVATION_CATEGORY, 'vital-signs', 'Vital Signs')),
  problemList: concept(
    'Problem list item',
    coding(CONDITION_CATEGORY, 'problem-list-item', 'Problem List Item'),
  ),
  radiology: concept('Radiology', coding(DIAGNOSTIC_SECTION, 'RAD', 'Radiology')),
  cytopathology: concept('Cytopathology', coding(DIAGNOSTIC_SECTION, 'CP', 'Cytopathology')),
} as const;

// --- dates relative to the seeding moment ------------------------------------------------------

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);
const dateOnly = (at: Date) => at.toISOString().slice(0, 10);
/** `years` whole years before now, minus `days` more: an exact age, with a birthday already past. */
function yearsAgo(now: Date, years: number, days = 0): Date {
  const at = new Date(now.getTime() - days * DAY_MS);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at;
}
/** A date in the current flu season (from 1 August), never in the future. */
function thisFluSeason(now: Date): Date {
  const seasonYear = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const shot = new Date(Date.UTC(seasonYear, 8, 20, 10));
  return shot < now ? shot : daysAgo(now, 1);
}

// --- resource builders ---------------------------------------------------------------------------

interface DemoPerson {
  id: string;
  family: string;
  given: string;
  gender: 'female' | 'male';
  age: number;
  email?: string;
  mobile?: string;
  language: { code: string; display: string };
  otherLanguages?: Array<{ code: string; display: string }>;
  address: { city: string; state?: string; postalCode: string; country: string; line: string };
  /** Given as the tz-code extension; without it the time zone comes from the address. */
  timeZone?: string;
}

function patient(now: Date, person: DemoPerson): Patient {
  return {
    resourceType: 'Patient',
    id: person.id,
    ...(person.timeZone ? { extension: [{ url: TIME_ZONE_EXTENSION, valueCode: person.timeZone }] } : {}),
    identifier: [{ system: MRN_SYSTEM, value: `MRN-${person.id.slice(4)}` }],
    active: true,
    name: [{ use: 'official', family: person.family, given: [person.given] }],
    telecom: [
      ...(person.mobile
        ? [{ system: 'phone' as const, value: person.mobile, use: 'mobile' as const, rank: 1 }]
        : []),
      ...(person.email ? [{ system: 'email' as const, value: person.email, use: 'home' as const }] : []),
    ],
    gender: person.gender,
    birthDate: dateOnly(yearsAgo(now, person.age, 45)),
    address: [
      {
        use: 'home',
        line: [person.address.line],
        city: person.address.city,
        ...(person.address.state ? { state: person.address.state } : {}),
        postalCode: person.address.postalCode,
        country: person.address.country,
      },
    ],
    communication: [
      {
        language: concept(
          person.language.display,
          coding(BCP47, person.language.code, person.language.display),
        ),
        preferred: true,
      },
      ...(person.otherLanguages ?? []).map((language) => ({
        language: concept(language.display, coding(BCP47, language.code, language.display)),
      })),
    ],
  };
}

const subject = (patientId: string): Reference<Patient> => ({ reference: `Patient/${patientId}` });

function condition(id: string, patientId: string, code: CodeableConcept, onset: Date): Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: concept('Active', coding(CODE_SYSTEMS.conditionClinical, 'active', 'Active')),
    verificationStatus: concept(
      'Confirmed',
      coding(CODE_SYSTEMS.conditionVerification, 'confirmed', 'Confirmed'),
    ),
    category: [demoCodes.problemList],
    code,
    subject: subject(patientId),
    onsetDateTime: onset.toISOString(),
    recordedDate: onset.toISOString(),
  };
}

function measurement(
  id: string,
  patientId: string,
  code: CodeableConcept,
  at: Date,
  value: number,
  unit: { code: string; text: string },
  category: CodeableConcept = demoCodes.laboratory,
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [category],
    code,
    subject: subject(patientId),
    effectiveDateTime: at.toISOString(),
    valueQuantity: { value, unit: unit.text, system: ucum, code: unit.code },
  };
}

function bloodPressure(
  id: string,
  patientId: string,
  at: Date,
  systolic: number,
  diastolic: number,
): Observation {
  const mmHg = { unit: 'mmHg', system: ucum, code: 'mm[Hg]' };
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [demoCodes.vitalSigns],
    code: demoCodes.bloodPressure,
    subject: subject(patientId),
    effectiveDateTime: at.toISOString(),
    component: [
      { code: demoCodes.systolic, valueQuantity: { value: systolic, ...mmHg } },
      { code: demoCodes.diastolic, valueQuantity: { value: diastolic, ...mmHg } },
    ],
  };
}

function procedure(id: string, patientId: string, code: CodeableConcept, at: Date): Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    code,
    subject: subject(patientId),
    performedDateTime: at.toISOString(),
  };
}

function report(
  id: string,
  patientId: string,
  code: CodeableConcept,
  category: CodeableConcept,
  at: Date,
  conclusion: string,
): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id,
    status: 'final',
    category: [category],
    code,
    subject: subject(patientId),
    effectiveDateTime: at.toISOString(),
    issued: at.toISOString(),
    conclusion,
  };
}

function fluShot(id: string, patientId: string, at: Date): Immunization {
  return {
    resourceType: 'Immunization',
    id,
    status: 'completed',
    vaccineCode: demoCodes.fluVaccine,
    patient: subject(patientId),
    occurrenceDateTime: at.toISOString(),
    primarySource: true,
  };
}

function preventiveVisit(id: string, patientId: string, at: Date): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: demoCodes.ambulatoryClass,
    type: [demoCodes.preventiveVisit],
    subject: subject(patientId),
    period: { start: at.toISOString(), end: new Date(at.getTime() + 40 * 60_000).toISOString() },
  };
}

/** A screening mammogram as EHRs record it: the procedure and the radiology report. */
function mammogram(patientId: string, at: Date): Resource[] {
  return [
    procedure(`${patientId}-mammogram`, patientId, demoCodes.screeningMammogram, at),
    report(
      `${patientId}-mammogram-report`,
      patientId,
      demoCodes.mammogramReport,
      demoCodes.radiology,
      at,
      'BI-RADS 1: negative',
    ),
  ];
}

/** A cervical screening: the procedure and the cytology report. */
function cervicalScreening(patientId: string, at: Date): Resource[] {
  return [
    procedure(`${patientId}-cervical`, patientId, demoCodes.cervicalScreening, at),
    report(
      `${patientId}-cytology`,
      patientId,
      demoCodes.cervicalCytology,
      demoCodes.cytopathology,
      at,
      'Negative for intraepithelial lesion or malignancy',
    ),
  ];
}

// --- the demo patients -----------------------------------------------------------------------------

export interface DemoEhrPatient {
  id: string;
  /** One line for the README and the start banner. */
  story: string;
  records(now: Date): Resource[];
}

const english = { code: 'en', display: 'English' };

/** The demo patients, by id, each with the story its records tell. */
export const demoEhrPatients: DemoEhrPatient[] = [
  {
    id: 'pat-1001',
    story: 'Maria Nowak, 41, Warsaw (tz extension); SMS and email; mammogram last year',
    records: (now) => [
      patient(now, {
        id: 'pat-1001',
        family: 'Nowak',
        given: 'Maria',
        gender: 'female',
        age: 41,
        email: 'maria@patients.example',
        mobile: '+48601000101',
        language: english,
        otherLanguages: [{ code: 'pl', display: 'Polish' }],
        address: { line: 'ul. Marszałkowska 10', city: 'Warszawa', postalCode: '00-590', country: 'PL' },
        timeZone: 'Europe/Warsaw',
      }),
      ...mammogram('pat-1001', daysAgo(now, 330)),
      ...cervicalScreening('pat-1001', daysAgo(now, 700)),
    ],
  },
  {
    id: 'pat-1002',
    story: 'Lucía Hernández, 34, Spanish, Mexico City (time zone from the address)',
    records: (now) => [
      patient(now, {
        id: 'pat-1002',
        family: 'Hernández',
        given: 'Lucía',
        gender: 'female',
        age: 34,
        email: 'lucia@patients.example',
        mobile: '+525512340102',
        language: { code: 'es', display: 'Spanish' },
        address: {
          line: 'Av. Insurgentes Sur 1000',
          city: 'Ciudad de México',
          state: 'CDMX',
          postalCode: '03100',
          country: 'MX',
        },
      }),
      ...cervicalScreening('pat-1002', daysAgo(now, 400)),
    ],
  },
  {
    id: 'pat-1003',
    story: 'John Miller, 38, New York; no email or phone on file (portal only)',
    records: (now) => [
      patient(now, {
        id: 'pat-1003',
        family: 'Miller',
        given: 'John',
        gender: 'male',
        age: 38,
        language: english,
        address: { line: '350 W 42nd St', city: 'New York', state: 'NY', postalCode: '10036', country: 'US' },
      }),
    ],
  },
  {
    id: 'pat-1004',
    story: 'Ade Okafor, 47, London; hypertension with a recent blood pressure reading',
    records: (now) => [
      patient(now, {
        id: 'pat-1004',
        family: 'Okafor',
        given: 'Ade',
        gender: 'male',
        age: 47,
        email: 'ade@patients.example',
        mobile: '+447700900104',
        language: english,
        address: { line: '1 Example Road', city: 'London', postalCode: 'SE1 7PB', country: 'GB' },
        timeZone: 'Europe/London',
      }),
      condition('pat-1004-hypertension', 'pat-1004', demoCodes.hypertension, daysAgo(now, 900)),
      bloodPressure('pat-1004-bp', 'pat-1004', daysAgo(now, 12), 142, 91),
      procedure('pat-1004-colonoscopy', 'pat-1004', demoCodes.colonoscopy, daysAgo(now, 3 * 365)),
    ],
  },
  {
    id: 'pat-2001',
    story: 'Robert Evans, 52, Chicago: prediabetes (R73.03) with HbA1c 6.1 % two weeks ago',
    records: (now) => [
      patient(now, {
        id: 'pat-2001',
        family: 'Evans',
        given: 'Robert',
        gender: 'male',
        age: 52,
        email: 'robert.evans@patients.example',
        mobile: '+13125550171',
        language: english,
        address: {
          line: '233 S Wacker Dr',
          city: 'Chicago',
          state: 'IL',
          postalCode: '60606',
          country: 'US',
        },
      }),
      condition('pat-2001-prediabetes', 'pat-2001', demoCodes.prediabetes, daysAgo(now, 14)),
      measurement('pat-2001-hba1c', 'pat-2001', demoCodes.hba1c, daysAgo(now, 14), 6.1, {
        code: '%',
        text: '%',
      }),
      measurement('pat-2001-fpg', 'pat-2001', demoCodes.fastingGlucose, daysAgo(now, 14), 112, {
        code: 'mg/dL',
        text: 'mg/dL',
      }),
      measurement(
        'pat-2001-weight',
        'pat-2001',
        demoCodes.bodyWeight,
        daysAgo(now, 14),
        94.2,
        { code: 'kg', text: 'kg' },
        demoCodes.vitalSigns,
      ),
      measurement(
        'pat-2001-bmi',
        'pat-2001',
        demoCodes.bmi,
        daysAgo(now, 14),
        30.8,
        { code: 'kg/m2', text: 'kg/m2' },
        demoCodes.vitalSigns,
      ),
      procedure('pat-2001-colonoscopy', 'pat-2001', demoCodes.colonoscopy, daysAgo(now, 5 * 365)),
    ],
  },
  {
    id: 'pat-2002',
    story: 'Katarzyna Wiśniewska, 58, Kraków, Polish: DiLO card DILO-DEMO-2002 issued two days ago',
    records: (now): Resource[] => [
      patient(now, {
        id: 'pat-2002',
        family: 'Wiśniewska',
        given: 'Katarzyna',
        gender: 'female',
        age: 58,
        email: 'katarzyna@patients.example',
        mobile: '+48601000202',
        language: { code: 'pl', display: 'Polish' },
        address: { line: 'ul. Floriańska 5', city: 'Kraków', postalCode: '31-019', country: 'PL' },
      }),
      {
        resourceType: 'ServiceRequest',
        id: 'pat-2002-dilo-card',
        identifier: [{ system: CODE_SYSTEMS.diloCardNumber, value: 'DILO-DEMO-2002' }],
        status: 'active',
        intent: 'order',
        priority: 'urgent',
        category: [demoCodes.diloCard],
        code: demoCodes.referral,
        subject: subject('pat-2002'),
        authoredOn: daysAgo(now, 2).toISOString(),
        // The DiLO clock starts when the hospital entered the card on its waiting list, not at authoredOn.
        extension: [
          { url: CLOCK_START_EXTENSIONS.waitingListEntry, valueDateTime: daysAgo(now, 1).toISOString() },
        ],
        requester: { display: 'Dr Anna Zielińska (GP)' },
        reasonCode: [demoCodes.breastLump],
      } satisfies ServiceRequest,
      ...mammogram('pat-2002', daysAgo(now, 400)),
    ],
  },
  {
    id: 'pat-2003',
    story: 'Aisha Rahman, 29, Houston: emergency visit (asthma) ended yesterday',
    records: (now): Resource[] => [
      patient(now, {
        id: 'pat-2003',
        family: 'Rahman',
        given: 'Aisha',
        gender: 'female',
        age: 29,
        email: 'aisha@patients.example',
        mobile: '+17135550183',
        language: english,
        address: {
          line: '1515 Holcombe Blvd',
          city: 'Houston',
          state: 'TX',
          postalCode: '77030',
          country: 'US',
        },
      }),
      condition('pat-2003-asthma', 'pat-2003', demoCodes.asthma, daysAgo(now, 3000)),
      {
        resourceType: 'Encounter',
        id: 'pat-2003-emergency',
        status: 'finished',
        class: demoCodes.emergencyClass,
        type: [demoCodes.emergencyVisit],
        subject: subject('pat-2003'),
        period: { start: hoursAgo(now, 30).toISOString(), end: hoursAgo(now, 26).toISOString() },
        reasonCode: [demoCodes.asthmaExacerbation],
        hospitalization: {
          dischargeDisposition: concept(
            'Home',
            coding('http://terminology.hl7.org/CodeSystem/discharge-disposition', 'home', 'Home'),
          ),
        },
      } satisfies Encounter,
      ...cervicalScreening('pat-2003', daysAgo(now, 700)),
    ],
  },
  {
    id: 'pat-3001',
    story: 'Linda Johnson, 55, Boston: last screening mammogram three years ago (due)',
    records: (now) => [
      patient(now, {
        id: 'pat-3001',
        family: 'Johnson',
        given: 'Linda',
        gender: 'female',
        age: 55,
        email: 'linda.johnson@patients.example',
        mobile: '+16175550191',
        language: english,
        address: { line: '1 Cambridge St', city: 'Boston', state: 'MA', postalCode: '02114', country: 'US' },
      }),
      ...mammogram('pat-3001', yearsAgo(now, 3)),
      procedure('pat-3001-colonoscopy', 'pat-3001', demoCodes.colonoscopy, yearsAgo(now, 4)),
      ...cervicalScreening('pat-3001', yearsAgo(now, 2)),
    ],
  },
  {
    id: 'pat-3002',
    story: 'James Wilson, 60, Phoenix: never screened for colorectal cancer (due)',
    records: (now) => [
      patient(now, {
        id: 'pat-3002',
        family: 'Wilson',
        given: 'James',
        gender: 'male',
        age: 60,
        email: 'james.wilson@patients.example',
        mobile: '+16025550192',
        language: english,
        address: {
          line: '200 W Washington St',
          city: 'Phoenix',
          state: 'AZ',
          postalCode: '85003',
          country: 'US',
        },
      }),
    ],
  },
  {
    id: 'pat-3003',
    story: 'Emily Clark, 30, Seattle: cervical screening four years ago (due)',
    records: (now) => [
      patient(now, {
        id: 'pat-3003',
        family: 'Clark',
        given: 'Emily',
        gender: 'female',
        age: 30,
        email: 'emily.clark@patients.example',
        mobile: '+12065550193',
        language: english,
        address: { line: '600 4th Ave', city: 'Seattle', state: 'WA', postalCode: '98104', country: 'US' },
      }),
      ...cervicalScreening('pat-3003', yearsAgo(now, 4)),
    ],
  },
  {
    id: 'pat-3004',
    story: 'Patricia Brown, 50, Denver: every screening up to date (not due)',
    records: (now) => [
      patient(now, {
        id: 'pat-3004',
        family: 'Brown',
        given: 'Patricia',
        gender: 'female',
        age: 50,
        email: 'patricia.brown@patients.example',
        mobile: '+13035550194',
        language: english,
        address: { line: '1437 Bannock St', city: 'Denver', state: 'CO', postalCode: '80202', country: 'US' },
      }),
      ...mammogram('pat-3004', daysAgo(now, 300)),
      procedure('pat-3004-colonoscopy', 'pat-3004', demoCodes.colonoscopy, yearsAgo(now, 2)),
      ...cervicalScreening('pat-3004', daysAgo(now, 400)),
      fluShot('pat-3004-flu', 'pat-3004', thisFluSeason(now)),
      preventiveVisit('pat-3004-wellness', 'pat-3004', daysAgo(now, 90)),
    ],
  },
];

/** Every demo record, dated from `now`. */
export function demoEhrResources(now: Date): Resource[] {
  return demoEhrPatients.flatMap((patientEntry) => patientEntry.records(now));
}

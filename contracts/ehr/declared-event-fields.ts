import type { CodeableConcept, Coding, Resource } from '@medplum/fhirtypes';

/*
 * The fields a journey definition declares for an EHR event, filled from the resource that
 * brought it. A designer names fields; the names below are the well-known ones each resource
 * type offers (an Appointment's `start`, an Observation's `value` and `unit`), with a few aliases
 * a designer is likely to pick (`appointmentAt`). A declared field no path fills, or whose value
 * is not of the declared type, is left out: the interpreter's event schema has every declared
 * field optional, so a missing one reads as unknown rather than as a wrong value. Pure: no I/O.
 */

export type DeclaredFieldType = 'string' | 'number' | 'boolean' | 'date';

type Read = (resource: Record<string, unknown>) => unknown;

const at =
  (...path: string[]): Read =>
  (resource) =>
    path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], resource);
const first =
  (...reads: Read[]): Read =>
  (resource) =>
    reads.map((read) => read(resource)).find((value) => value !== undefined);
const codeIn =
  (field: string): Read =>
  (resource) => {
    const value = resource[field] as CodeableConcept | CodeableConcept[] | Coding | undefined;
    const concept = Array.isArray(value) ? value[0] : value;
    if (concept && 'code' in concept) return (concept as Coding).code;
    return (concept as CodeableConcept | undefined)?.coding?.[0]?.code;
  };

const observationValue = first(
  at('valueQuantity', 'value'),
  at('valueInteger'),
  at('valueString'),
  at('valueBoolean'),
  codeIn('valueCodeableConcept'),
);
const observationTime = first(
  at('effectiveDateTime'),
  at('effectiveInstant'),
  at('effectivePeriod', 'start'),
);

/** Per resource type: field name -> where its value is. */
export const DECLARED_FIELD_PATHS: Readonly<Record<string, Readonly<Record<string, Read>>>> = {
  Appointment: {
    status: at('status'),
    start: at('start'),
    end: at('end'),
    appointmentAt: at('start'),
    appointmentType: codeIn('appointmentType'),
    serviceType: codeIn('serviceType'),
  },
  Observation: {
    status: at('status'),
    code: codeIn('code'),
    value: observationValue,
    unit: at('valueQuantity', 'unit'),
    effective: observationTime,
    effectiveAt: observationTime,
    measuredAt: observationTime,
  },
  Encounter: {
    status: at('status'),
    class: codeIn('class'),
    start: at('period', 'start'),
    end: at('period', 'end'),
    dischargeDisposition: (resource) =>
      codeIn('dischargeDisposition')((resource.hospitalization ?? {}) as Record<string, unknown>),
  },
  DiagnosticReport: {
    status: at('status'),
    code: codeIn('code'),
    conclusion: at('conclusion'),
    conclusionCode: codeIn('conclusionCode'),
    issued: at('issued'),
    effective: first(at('effectiveDateTime'), at('effectivePeriod', 'start')),
  },
  Procedure: {
    status: at('status'),
    code: codeIn('code'),
    performed: first(at('performedDateTime'), at('performedPeriod', 'start')),
    performedAt: first(at('performedDateTime'), at('performedPeriod', 'start')),
  },
  ServiceRequest: {
    status: at('status'),
    code: codeIn('code'),
    authoredOn: at('authoredOn'),
  },
  Task: {
    status: at('status'),
    businessStatus: codeIn('businessStatus'),
    completedAt: first(at('executionPeriod', 'end'), at('lastModified')),
    lastModified: at('lastModified'),
  },
  QuestionnaireResponse: {
    status: at('status'),
    authored: at('authored'),
    authoredAt: at('authored'),
  },
};

function ofType(value: unknown, type: DeclaredFieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}

/** The declared fields the resource fills, each of its declared type. */
export function declaredFieldsOf(
  resource: Resource,
  fields: Readonly<Record<string, DeclaredFieldType>> | undefined,
): Record<string, string | number | boolean> {
  const paths = DECLARED_FIELD_PATHS[resource.resourceType] ?? {};
  const filled: Record<string, string | number | boolean> = {};
  for (const [field, type] of Object.entries(fields ?? {})) {
    const value = paths[field]?.(resource as unknown as Record<string, unknown>);
    if (ofType(value, type)) filled[field] = value as string | number | boolean;
  }
  return filled;
}

import type { Coding, Reference, Resource } from '@medplum/fhirtypes';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { codingsOf, type Concepts } from '../../contracts/ehr/code-systems';
import { declaredFieldsOf } from '../../contracts/ehr/declared-event-fields';
import { patientIdOf, referenceKey } from '../../contracts/ehr/fhir-references';
import { requestKey } from '../../contracts/journey-definitions/definition-request';
import type {
  EventDeclaration,
  JourneyDefinition,
} from '../../contracts/journey-definitions/definition-schema';
import { FINAL_RESULT_STATUSES } from './routing-rules';

/*
 * EHR resources for journeys defined by designers: what each published definition declares of
 * its events (`source`: resource types, an optional value set, the link that ties a resource to
 * one journey) decides, with no journey-specific code. Pure: the I/O (finding the journeys a
 * link names, sending the event) is shared/ehr-inbound/definition-journey-router.ts.
 *
 * Links (product safety invariant 8: an event moves only the journey it is linked to):
 * - `based-on-request`: the resource's `basedOn` names the request the journey was enrolled for
 *   (the enrolment value `requestId`, which is also the journey's instance key);
 * - `answers-task`: it is, or is `basedOn`/`partOf`, a Task the journey created in the EHR;
 * - `value-set`: its code is in the declared set; every running journey of the definition for
 *   the resource's patient takes it. Without a declared set nothing is linked this way.
 */

export type DefinitionLink = NonNullable<EventDeclaration['source']>['link'];

/** One declared event of one published definition version that the resource may be, and what links it. */
export interface DefinitionCandidate {
  definitionId: string;
  /** The version that declares it: only a journey pinned to that version takes it (HZ-34). */
  definitionVersion: number;
  link: DefinitionLink;
  event: JourneyEvent;
  /** based-on-request: the request keys (`Type/id`) the resource is based on. */
  requests: string[];
  /** answers-task: the Task keys the resource is or answers. */
  tasks: string[];
}

export type DefinitionReading =
  | { kind: 'none'; reason: string }
  | { kind: 'candidates'; patientId: string; candidates: DefinitionCandidate[] };

/** Which of the published definitions' declared events the resource may be (every version given is read). */
export function readForDefinitions(
  resource: Resource,
  definitions: readonly JourneyDefinition[],
): DefinitionReading {
  const declared = definitions.flatMap((definition) =>
    definition.events
      .filter((event) => event.source?.resourceTypes.includes(resource.resourceType))
      .map((event) => ({ definition, event })),
  );
  if (declared.length === 0) return { kind: 'none', reason: 'no journey definition declares it' };
  const notCurrent = notCurrentReason(resource);
  if (notCurrent) return { kind: 'none', reason: notCurrent };
  const patientId = patientOf(resource);
  if (!patientId) return { kind: 'none', reason: `the ${resource.resourceType} names no patient` };

  const codings = codingsOfResource(resource);
  const requests = requestsOf(resource);
  const tasks = tasksOf(resource);
  const candidates: DefinitionCandidate[] = [];
  for (const { definition, event } of declared) {
    const source = event.source!;
    const codes = source.codes;
    if (
      codes &&
      !codings.some((coding) => codes.some((c) => c.system === coding.system && c.code === coding.code))
    )
      continue;
    if (source.link === 'value-set' && !codes) continue;
    if (isClosingStatus(resource) && !event.fields?.status) continue;
    candidates.push({
      definitionId: definition.id,
      definitionVersion: definition.version,
      link: source.link,
      event: { type: event.type, ...declaredFieldsOf(resource, event.fields) },
      requests: source.link === 'based-on-request' ? requests : [],
      tasks: source.link === 'answers-task' ? tasks : [],
    });
  }
  if (candidates.length === 0) {
    return { kind: 'none', reason: 'its codes or status are not what any journey definition declares' };
  }
  return { kind: 'candidates', patientId, candidates };
}

/**
 * Candidates of one definition through one link, over its versions: one lookup finds the journeys
 * the link names; the version the chosen journey is pinned to then says which of them it takes.
 */
export function byDefinitionLink(candidates: readonly DefinitionCandidate[]): DefinitionCandidate[][] {
  const groups = new Map<string, DefinitionCandidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.definitionId} ${candidate.link}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  return [...groups.values()];
}

/**
 * What a journey pinned to `version` takes of a group: only the events that version itself
 * declares for the resource. A later version's codes or links never move a journey still on an
 * earlier one, nor does an earlier version's move one migrated past it (HZ-34).
 */
export function candidatesOfVersion(
  group: readonly DefinitionCandidate[],
  version: number,
): DefinitionCandidate[] {
  return group.filter((candidate) => candidate.definitionVersion === version);
}

/** What a candidate's link found: the journeys it names (at most one may take it). */
export type CandidateChoice =
  { kind: 'journey'; id: string } | { kind: 'none'; reason: string } | { kind: 'ambiguous'; reason: string };

/**
 * A candidate moves exactly one journey: none found is held; several found (two running
 * journeys of one definition for the patient, or a resource based on two tracked requests) is
 * ambiguous and held too, never guessed.
 */
export function chooseJourney(candidate: DefinitionCandidate, found: readonly string[]): CandidateChoice {
  const ids = [...new Set(found)];
  const what = `${candidate.definitionId} (${candidate.link})`;
  if (ids.length === 1) return { kind: 'journey', id: ids[0]! };
  if (ids.length === 0) return { kind: 'none', reason: `no running ${what} journey is linked to it` };
  return {
    kind: 'ambiguous',
    reason: `${ids.length} running ${what} journeys could take it: held, not guessed`,
  };
}

function patientOf(resource: Resource): string | undefined {
  const r = resource as Resource & {
    subject?: Reference;
    patient?: Reference;
    for?: Reference;
    participant?: Array<{ actor?: Reference }>;
  };
  if (resource.resourceType === 'Patient') return resource.id;
  return (
    patientIdOf(r.subject) ??
    patientIdOf(r.patient) ??
    patientIdOf(r.for) ??
    r.participant?.map((participant) => patientIdOf(participant.actor)).find((id) => id !== undefined)
  );
}

/** Every coding a resource is classified by, on the fields each type codes it in. */
function codingsOfResource(resource: Resource): Coding[] {
  const r = resource as unknown as Record<string, Concepts | Coding>;
  const fields = [
    'code',
    'serviceType',
    'appointmentType',
    'serviceCategory',
    'type',
    'vaccineCode',
    'category',
  ];
  const concepts = fields.flatMap((field) => codingsOf(r[field] as Concepts));
  const encounterClass = resource.resourceType === 'Encounter' ? [r.class as Coding | undefined] : [];
  return [...concepts, ...encounterClass.filter((coding): coding is Coding => coding !== undefined)];
}

function requestsOf(resource: Resource): string[] {
  const basedOn = (resource as { basedOn?: Reference[] }).basedOn ?? [];
  return basedOn
    .map((reference) => (reference.reference ? requestKey(reference.reference) : undefined))
    .filter((key): key is string => key !== undefined && !key.startsWith('Task/'));
}

function tasksOf(resource: Resource): string[] {
  const r = resource as { basedOn?: Reference[]; partOf?: Reference[] };
  const own = resource.resourceType === 'Task' && resource.id ? [`Task/${resource.id}`] : [];
  const referenced = [...(r.basedOn ?? []), ...(r.partOf ?? [])]
    .map((reference) => referenceKey(reference.reference))
    .filter((key): key is string => key?.startsWith('Task/') === true);
  return [...new Set([...own, ...referenced])];
}

/** Records in error never move a journey; results move one only when final. */
function notCurrentReason(resource: Resource): string | undefined {
  const status = (resource as { status?: string }).status;
  if (status === 'entered-in-error') return `a ${resource.resourceType} entered in error moves no journey`;
  if (
    (resource.resourceType === 'Observation' || resource.resourceType === 'DiagnosticReport') &&
    !(FINAL_RESULT_STATUSES as readonly string[]).includes(status ?? '')
  ) {
    return `a ${status ?? 'status-less'} result is not final: it moves no journey`;
  }
  return undefined;
}

/**
 * An Appointment cancelled, missed or not yet booked is not the event "it happened": it reaches
 * only an event that declares a `status` field, so the definition can tell which it was.
 */
function isClosingStatus(resource: Resource): boolean {
  const status = (resource as { status?: string }).status;
  return (
    resource.resourceType === 'Appointment' &&
    ['cancelled', 'noshow', 'proposed', 'pending', 'waitlist'].includes(status ?? '')
  );
}

import type { Appointment, DiagnosticReport, Encounter, Patient, Resource } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  appointment,
  diloReferral,
  emergencyEncounter,
  pathologyReport,
} from '../../shared/ehr-inbound/inbound.test-support';
import { routeResource } from '../../shared/ehr-inbound/route-resource';
import type { RoutingDecision } from '../../shared/ehr-inbound/routing-decision';
import { pickTargets, type TargetJourney } from '../../shared/ehr-inbound/journey-targets';
import {
  checkVisitEvent,
  dispositionPlan,
} from '../../workflows/emergency-follow-up/emergency-follow-up.disposition';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { findJourneyType, type JourneyType } from '../../workflows/journey-types';
import { checkAppointmentEvent } from '../../workflows/outreach-escalation/appointment-events';
import { drillSize } from '../helpers/drills/drill-size';
import { HOUR_MS } from '../../contracts/durations';

/*
 * Random EHR event sequences (shuffled, duplicated, late, early, unrelated) and operator actions
 * for one patient, through the real router (`routeResource`), the real target choice
 * (`pickTargets`) and the journeys' real event guards, against a model of the dispatcher and the
 * journeys' state. Each generated resource knows which journey it is truly about (or none): the
 * invariants compare what the product did with that truth. 1,000 sequences in `npm test`,
 * 10,000 with CAREPATH_DRILLS=full.
 */

const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR_MS).toISOString();
const PATIENT = 'pat-prop';
const { snomed } = CODE_SYSTEMS;

/** What a resource or journey is about; a reminder is about its own appointment (`Appointment/<id>`). */
type About = 'mammogram' | 'flu-shot' | 'emergency-follow-up' | 'card' | `Appointment/${string}` | null;

/** The appointments of the patient: each always means the same thing, whatever its status. */
const appointmentPool: Array<{
  id: string;
  about: About;
  make: (status: Appointment['status'], start: string, version: string) => Appointment;
}> = [
  {
    id: 'appt-mammo',
    about: 'mammogram',
    make: (s, t, v) =>
      appointment(PATIENT, s, t, {
        id: 'appt-mammo',
        version: v,
        serviceType: { system: snomed, code: '71651007' },
      }),
  },
  {
    id: 'appt-flu',
    about: 'flu-shot',
    make: (s, t, v) =>
      appointment(PATIENT, s, t, {
        id: 'appt-flu',
        version: v,
        serviceType: { system: snomed, code: '86198006' },
      }),
  },
  {
    id: 'appt-follow-up',
    about: 'emergency-follow-up',
    make: (s, t, v) =>
      appointment(PATIENT, s, t, {
        id: 'appt-follow-up',
        version: v,
        appointmentType: { system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP' },
      }),
  },
  {
    id: 'appt-physio',
    about: null,
    make: (s, t, v) =>
      appointment(PATIENT, s, t, {
        id: 'appt-physio',
        version: v,
        serviceType: { system: snomed, code: '91251008' },
      }),
  },
  {
    id: 'appt-uncoded',
    about: null,
    make: (s, t, v) => appointment(PATIENT, s, t, { id: 'appt-uncoded', version: v }),
  },
  {
    id: 'appt-specialist',
    about: 'card',
    make: (s, t, v) =>
      appointment(PATIENT, s, t, { id: 'appt-specialist', version: v, basedOn: 'ServiceRequest/sr-CARD-1' }),
  },
  {
    id: 'appt-other-referral',
    about: null,
    make: (s, t, v) =>
      appointment(PATIENT, s, t, {
        id: 'appt-other-referral',
        version: v,
        basedOn: 'ServiceRequest/sr-OTHER-9',
      }),
  },
];

/** The truth the router is held to (brief: HL7 discharge-disposition): these never get a follow-up nudge. */
const NEVER_NUDGED = new Set(['exp', 'hosp', 'other-hcf', 'snf']);
const dispositions = [
  'home',
  'alt-home',
  'aadvice',
  'exp',
  'hosp',
  'other-hcf',
  'snf',
  'oth',
  null,
  'made-up',
] as const;

type Step =
  | { kind: 'appointment'; pool: number; status: Appointment['status']; startHour: number }
  | { kind: 'discharge'; encounter: number; hour: number; disposition: (typeof dispositions)[number] }
  | { kind: 'admission'; encounter: number; startHour: number }
  | { kind: 'withdrawn'; encounter: number; hour: number }
  | { kind: 'report'; linked: 'card' | 'none' | 'other'; hour: number; outcome: 'confirmed' | 'ruled-out' }
  | { kind: 'referral'; hour: number }
  | { kind: 'deceased' }
  | { kind: 'operator-start'; item: 'mammogram' | 'flu-shot' }
  | { kind: 'operator-cancel'; pick: number }
  | { kind: 'operator-reminder'; pool: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('appointment' as const),
      pool: fc.nat(appointmentPool.length - 1),
      status: fc.constantFrom<Appointment['status']>(
        'booked',
        'cancelled',
        'noshow',
        'arrived',
        'fulfilled',
        'proposed',
        'pending',
      ),
      startHour: fc.integer({ min: 24, max: 24 * 40 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('discharge' as const),
      encounter: fc.nat(3),
      hour: fc.integer({ min: 0, max: 24 * 30 }),
      disposition: fc.constantFrom(...dispositions),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('admission' as const),
      encounter: fc.nat(3),
      startHour: fc.integer({ min: -48, max: 24 * 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      linked: fc.constantFrom('card' as const, 'none' as const, 'other' as const),
      hour: fc.integer({ min: 0, max: 24 * 30 }),
      outcome: fc.constantFrom('confirmed' as const, 'ruled-out' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('referral' as const),
      hour: fc.integer({ min: -24 * 5, max: 0 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'deceased' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('withdrawn' as const),
      encounter: fc.nat(3),
      hour: fc.integer({ min: 0, max: 24 * 30 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('operator-start' as const),
      item: fc.constantFrom('mammogram' as const, 'flu-shot' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('operator-cancel' as const), pick: fc.nat(10) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('operator-reminder' as const),
      pool: fc.nat(appointmentPool.length - 1),
    }),
  },
);

/** Sequences with duplicates (a step sent twice) and shuffles (fast-check orders them at random). */
const sequence = fc
  .array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 30 })
  .map((steps) => steps.flatMap(([one, twice]) => (twice ? [one, one] : [one])));

interface ModelJourney extends TargetJourney {
  params: Record<string, unknown>;
  about: About;
  booking?: { appointmentAt: number };
  dischargedAtMs?: number;
  encounterId?: string;
  awaitingDisposition?: boolean;
  /** Resources applied to (or that started) it: the inbox's links. */
  linked: Set<string>;
}

/** The dispatcher and the journeys, modelled: what the invariants are checked against. */
class PatientModel {
  journeys: ModelJourney[] = [];
  dead = false;
  private serial = 0;
  /** The last event applied per resource (the inbox's `previous`), and each resource's version. */
  private previous = new Map<string, JourneyEvent>();
  private versions = new Map<string, number>();
  readonly violations: string[] = [];

  version(key: string): string {
    const next = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, next);
    return String(next);
  }

  running(type?: string): ModelJourney[] {
    return this.journeys.filter((journey) => journey.running && (!type || journey.type.id === type));
  }

  start(
    typeId: string,
    params: Record<string, unknown>,
    about: About,
    resourceKey?: string,
    whenRunning?: JourneyEvent,
  ): void {
    const type = findJourneyType(typeId)!;
    // Deterministic ids: the journey type's instance key (none = one per patient).
    const instance = `${type.id}:${type.instanceKey?.(params as never) ?? ''}`;
    const existing = this.running(type.id).find((journey) => journey.id.startsWith(`${instance}#`));
    if (existing) {
      if (whenRunning) this.apply(existing, whenRunning, resourceKey);
      return;
    }
    if (this.dead) return; // the dispatcher reads the Patient before enrolling
    const journey: ModelJourney = {
      id: `${instance}#${++this.serial}`,
      type,
      running: true,
      params,
      about,
      linked: new Set(resourceKey ? [resourceKey] : []),
    };
    if (type.id === 'emergency-follow-up') {
      journey.dischargedAtMs = Date.parse(params.dischargedAt as string);
      journey.encounterId = params.encounterId as string;
      const disposition = params.dischargeDisposition as string | undefined;
      const plan = disposition === undefined ? 'nudge' : dispositionPlan(disposition).plan;
      if (plan === 'no-follow-up') journey.running = false;
      journey.awaitingDisposition = plan === 'staff-check';
    }
    this.journeys.push(journey);
  }

  dispatch(decision: RoutingDecision, resourceKey: string | undefined, about: About): void {
    switch (decision.kind) {
      case 'ignore':
      case 'consent':
        return;
      case 'start': {
        const disposition = decision.params.dischargeDisposition as string | undefined;
        if (decision.journey === 'emergency-follow-up' && NEVER_NUDGED.has(disposition ?? '')) {
          this.violations.push(`the router started a follow-up after a discharge ${disposition}`);
        }
        return this.start(decision.journey, decision.params, about, resourceKey, decision.whenRunning);
      }
      case 'event':
      case 'cancel': {
        const takes = (type: JourneyType) =>
          decision.kind === 'cancel' ? decision.journeys.includes(type.id) : type.id in decision.events;
        const linked = this.journeys.filter((journey) =>
          decision.target.linkedTo.some((key) => journey.linked.has(key)),
        );
        const instances = decision.target.instances.flatMap((wanted) =>
          this.running(wanted.journey).filter((journey) =>
            Object.entries(wanted.params).every(([k, v]) => journey.params[k] === v),
          ),
        );
        const running = decision.target.running
          ? this.journeys.filter(
              (journey) => journey.running && decision.target.running!.journeys.includes(journey.type.id),
            )
          : [];
        const choice = pickTargets(decision.target, { linked, instances, running }, takes);
        if ('none' in choice) return;
        for (const target of choice.targets as ModelJourney[]) {
          if (!target.running) continue;
          if (decision.kind === 'cancel') {
            target.running = false;
            continue;
          }
          this.apply(target, decision.events[target.type.id]!, resourceKey, about, decision.rule);
        }
      }
    }
  }

  /** The journey's update: its schema and validators, then its state change; refusals leave no trace. */
  apply(
    journey: ModelJourney,
    event: JourneyEvent,
    resourceKey?: string,
    about?: About,
    rule?: string,
  ): void {
    if (!journey.type.eventSchema.safeParse(event).success) return;
    try {
      if (journey.type.id === 'preventive-outreach' || journey.type.id === 'emergency-follow-up') {
        checkAppointmentEvent(event, journey.booking as never);
      }
      if (journey.type.id === 'emergency-follow-up') {
        checkVisitEvent(
          event as never,
          journey.dischargedAtMs!,
          journey.awaitingDisposition ?? false,
          journey.encounterId,
        );
      }
    } catch {
      return;
    }
    // Invariant: an appointment or a report moves only the journey it is about.
    const isAbout = about === journey.about || resourceKey === journey.about;
    if (rule && (rule === 'appointment-status' || rule.startsWith('malignancy')) && !isAbout) {
      this.violations.push(`${rule} about ${about ?? 'nothing'} moved ${journey.id}`);
    }
    if (resourceKey) journey.linked.add(resourceKey);
    if (resourceKey) this.previous.set(resourceKey, event);
    switch (event.type) {
      case 'appointment-booked':
        journey.booking = { appointmentAt: Date.parse(event.appointmentAt as string) };
        break;
      case 'appointment-cancelled':
      case 'appointment-no-show':
        journey.booking = undefined;
        // A reminder is for one appointment: its cancellation ends it.
        if (journey.type.id === 'appointment-reminder') journey.running = false;
        break;
      case 'appointment-attended':
      case 'readmitted':
      case 'emergency-visit-withdrawn':
        journey.running = false;
        break;
      case 'emergency-visit': {
        const plan = dispositionPlan(event.dischargeDisposition as string).plan;
        if (plan === 'no-follow-up') journey.running = false;
        if (journey.running && NEVER_NUDGED.has(event.dischargeDisposition as string)) {
          this.violations.push(
            `a follow-up goes on after a later discharge ${String(event.dischargeDisposition)}`,
          );
        }
        journey.dischargedAtMs = Date.parse(event.dischargedAt as string);
        journey.encounterId = event.encounterId as string;
        journey.awaitingDisposition = plan === 'staff-check';
        break;
      }
    }
  }

  previousOf(key: string): JourneyEvent | undefined {
    return this.previous.get(key);
  }
}

function run(steps: Step[]): PatientModel {
  const model = new PatientModel();
  for (const one of steps) {
    let resource: Resource;
    let about: About = null;
    switch (one.kind) {
      case 'operator-start':
        model.start('preventive-outreach', { item: one.item }, one.item);
        continue;
      case 'operator-reminder': {
        const id = appointmentPool[one.pool]!.id;
        model.start('appointment-reminder', { appointmentId: id }, `Appointment/${id}`);
        continue;
      }
      case 'operator-cancel': {
        const running = model.running();
        if (running.length) running[one.pick % running.length]!.running = false;
        continue;
      }
      case 'appointment': {
        const entry = appointmentPool[one.pool]!;
        resource = entry.make(one.status, at(one.startHour), model.version(entry.id));
        about = entry.about;
        break;
      }
      case 'discharge': {
        const encounter: Encounter = emergencyEncounter(
          PATIENT,
          `enc-${one.encounter}`,
          at(one.hour),
          'finished',
          one.disposition,
        );
        resource = encounter;
        about = 'emergency-follow-up';
        break;
      }
      case 'withdrawn':
        resource = emergencyEncounter(PATIENT, `enc-${one.encounter}`, at(one.hour), 'entered-in-error');
        about = 'emergency-follow-up';
        break;
      case 'admission':
        resource = {
          ...emergencyEncounter(PATIENT, `adm-${one.encounter}`, at(one.startHour + 4), 'in-progress'),
          class: { system: CODE_SYSTEMS.actCode, code: 'IMP' },
          period: { start: at(one.startHour) },
        } satisfies Encounter;
        about = 'emergency-follow-up';
        break;
      case 'report': {
        const basedOn =
          one.linked === 'card'
            ? 'ServiceRequest/sr-CARD-1'
            : one.linked === 'other'
              ? 'ServiceRequest/sr-OTHER-9'
              : undefined;
        const report: DiagnosticReport = pathologyReport(
          PATIENT,
          one.outcome === 'confirmed'
            ? { system: snomed, code: '363346000' }
            : { system: CODE_SYSTEMS.carepathOncology, code: 'malignancy-ruled-out' },
          at(one.hour),
          { id: `dr-${one.linked}-${one.hour}`, ...(basedOn ? { basedOn } : {}) },
        );
        resource = report;
        about = one.linked === 'card' ? 'card' : null;
        break;
      }
      case 'referral':
        resource = diloReferral(PATIENT, 'CARD-1', at(one.hour));
        about = 'card';
        break;
      case 'deceased':
        resource = { resourceType: 'Patient', id: PATIENT, deceasedBoolean: true } satisfies Patient;
        break;
    }
    const key = resource.id ? `${resource.resourceType}/${resource.id}` : undefined;
    const decision = routeResource(resource, key ? { previous: model.previousOf(key) } : {});
    // The reminder started for this appointment must hear that it was cancelled or attended.
    const reminders =
      one.kind === 'appointment' && ['cancelled', 'arrived', 'fulfilled'].includes(one.status)
        ? model.running('appointment-reminder').filter((journey) => journey.about === key)
        : [];
    if (
      (one.kind === 'deceased' || (one.kind === 'discharge' && one.disposition === 'exp')) &&
      decision.kind === 'cancel'
    ) {
      model.dead = true;
    }
    model.dispatch(decision, resource.resourceType === 'Patient' ? undefined : key, about);
    if (one.kind === 'withdrawn') {
      const stale = model
        .running('emergency-follow-up')
        .filter((j) => j.encounterId === `enc-${one.encounter}`);
      if (stale.length)
        model.violations.push(`a follow-up goes on for enc-${one.encounter}, entered in error`);
    }
    for (const reminder of reminders.filter((journey) => journey.running)) {
      model.violations.push(
        `${reminder.id} kept reminding after its appointment was ${one.kind === 'appointment' ? one.status : ''}`,
      );
    }
    // Invariants after every step.
    if (model.running('emergency-follow-up').length > 1)
      model.violations.push('two emergency follow-ups run at once');
    if (model.dead && model.running().length > 0)
      model.violations.push('a journey runs for a patient recorded as deceased');
  }
  return model;
}

const runs = drillSize({ reduced: 1_000, full: 10_000 });

describe('[HZ-20] [HZ-22] [HZ-23] [HZ-26] [HZ-29] [HZ-30] [HZ-31] EHR routing under random event sequences (pure decision code)', () => {
  test(`${runs} seeded sequences: no journey moved by an event not about it; one follow-up at a time; nothing runs after death`, () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const model = run(steps);
        expect(model.violations).toEqual([]);
      }),
      { seed: 20261207, numRuns: runs },
    );
  });

  test('the model catches what it should: a sequence that once moved the wrong journey is clean now', () => {
    // A screening mammogram booked while an emergency follow-up runs: the fallback booked the follow-up.
    const model = run([
      { kind: 'discharge', encounter: 1, hour: 0, disposition: 'home' },
      { kind: 'appointment', pool: 0, status: 'booked', startHour: 100 },
      { kind: 'appointment', pool: 3, status: 'fulfilled', startHour: 100 },
    ]);
    expect(model.violations).toEqual([]);
    expect(model.running('emergency-follow-up')).toHaveLength(1);
    expect(model.running('emergency-follow-up')[0]!.booking).toBeUndefined();
  });
});

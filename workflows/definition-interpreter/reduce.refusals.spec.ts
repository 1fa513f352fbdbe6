import { HOUR_MS } from '../../contracts/durations';
import type { JourneyEvent } from '../../contracts/journey-contract';
import { journeyDefinitionSchema } from '../../contracts/journey-definitions/definition-schema';
import { validateDefinition } from '../../contracts/journey-definitions/validate-definition';
import { emergencyFollowUpDefinition as definition } from '../../test/helpers/definition-examples';
import type { InterpreterInput, InterpreterState } from './interpreter-types';
import { eventRefusal, initialState, reduce } from './reduce';

/*
 * Events refused by the definition's own rules (`refuseWhen`), read against the event, the
 * journey's facts and where the patient is: what the coded emergency follow-up refuses in code.
 */

const T0 = Date.parse('2026-03-06T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function at(inputs: InterpreterInput[], facts: Record<string, string>): InterpreterState {
  let state = initialState(definition, { timeZone: 'Europe/London', facts });
  for (const input of inputs) state = reduce(definition, state, input).state;
  return state;
}

const discharged = { dischargedAt: iso(T0 - HOUR_MS), disposition: 'home', encounterId: 'enc-42' };
const started: InterpreterInput = { type: 'started', at: T0 };

describe('the definition interpreter on refusal rules', () => {
  it('refuses an attendance, a move or a no-show with nothing booked, and a second booking', () => {
    const waiting = at([started], discharged);
    expect(waiting.node).toBe('wait-nudge');
    for (const type of ['appointment-attended', 'appointment-no-show', 'appointment-cancelled']) {
      expect(eventRefusal(definition, waiting, { type })).toBe(
        `No appointment is booked, so ${type} does not apply.`,
      );
    }
    const booking: JourneyEvent = { type: 'appointment-booked', appointmentAt: iso(T0 + 96 * HOUR_MS) };
    expect(eventRefusal(definition, waiting, booking)).toBeUndefined();
    const booked = at([started, { type: 'event', event: booking, at: T0 + HOUR_MS }], discharged);
    expect(booked.node).toBe('booked');
    expect(eventRefusal(definition, booked, { type: 'appointment-attended' })).toBeUndefined();
    expect(eventRefusal(definition, booked, booking)).toMatch(/already booked/);
  });

  it('compares dates with the facts, whatever offset the EHR wrote them in', () => {
    const waiting = at([started], discharged);
    const before = new Date(T0 - 3 * HOUR_MS).toISOString().replace('Z', '+00:00');
    expect(eventRefusal(definition, waiting, { type: 'readmitted', at: before })).toMatch(
      /not a readmission/,
    );
    expect(eventRefusal(definition, waiting, { type: 'readmitted' })).toBeUndefined();
    expect(eventRefusal(definition, waiting, { type: 'readmitted', at: iso(T0) })).toBeUndefined();
    const visit = (ms: number): JourneyEvent => ({
      type: 'emergency-visit',
      encounterId: 'enc-43',
      dischargedAt: iso(ms),
      dischargeDisposition: 'home',
    });
    expect(eventRefusal(definition, waiting, visit(T0 - 2 * HOUR_MS))).toMatch(/ended before the one/);
    expect(eventRefusal(definition, waiting, visit(T0))).toBeUndefined();
  });

  it('takes a withdrawal of the visit followed up only, and a confirmation only while one is awaited and decisive', () => {
    const waiting = at([started], discharged);
    expect(
      eventRefusal(definition, waiting, { type: 'emergency-visit-withdrawn', encounterId: 'enc-1' }),
    ).toMatch(/not the one this follow-up is for/);
    expect(
      eventRefusal(definition, waiting, { type: 'emergency-visit-withdrawn', encounterId: 'enc-42' }),
    ).toBeUndefined();
    const confirm = (code: string): JourneyEvent => ({
      type: 'disposition-confirmed',
      dischargeDisposition: code,
    });
    expect(eventRefusal(definition, waiting, confirm('home'))).toMatch(/No discharge disposition is waiting/);
    const unconfirmed = at([started], { ...discharged, disposition: 'unknown' });
    expect(unconfirmed.node).toBe('wait-disposition');
    expect(eventRefusal(definition, unconfirmed, confirm('oth'))).toMatch(
      /does not say how the patient left/,
    );
    expect(eventRefusal(definition, unconfirmed, confirm('other-hcf'))).toBeUndefined();
  });

  it('finds a refusal rule that reads outside the event and the journey', () => {
    const broken = journeyDefinitionSchema.parse(structuredClone(definition));
    broken.events[0]!.refuseWhen = [{ when: { '==': [{ var: 'patient.name' }, 'x'] }, because: 'No.' }];
    expect(validateDefinition(broken)).toEqual([
      expect.objectContaining({
        code: 'invalid-condition',
        message: expect.stringContaining('"patient.name" reads nothing'),
      }),
    ]);
  });
});

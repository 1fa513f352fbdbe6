import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { appointment } from './inbound.test-support';
import { routeResource } from './route-resource';
import type { JourneyTarget } from './routing-decision';
import { emergencyFollowUpSettings } from '../../workflows/emergency-follow-up/emergency-follow-up.settings';
import { runningTypesFor } from './journey-targets';

/* Which running journeys an appointment may reach once each program's published value sets apply. */
describe(runningTypesFor.name, () => {
  const targetOf = (code: { system: string; code: string }, field: 'serviceType' | 'appointmentType') => {
    const decision = routeResource(appointment('pat-1', 'booked', '2026-05-04T09:00:00Z', { [field]: code }));
    if (decision.kind !== 'event') throw new Error(`not routed: ${JSON.stringify(decision)}`);
    return decision.target as JourneyTarget;
  };
  const followUp = { system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP' };
  const localUrgentCare = { system: 'https://ehr.example/appointment-type', code: 'ED-RECHECK' };
  const mammography = { system: CODE_SYSTEMS.snomed, code: '71651007' };

  test('[HZ-20] with the default settings, a follow-up visit reaches the follow-up; a mammogram or a local code does not', () => {
    const defaults = { 'emergency-follow-up': emergencyFollowUpSettings.parse({}) };
    expect(runningTypesFor(targetOf(followUp, 'appointmentType'), defaults)).toEqual(['emergency-follow-up']);
    expect(runningTypesFor(targetOf(mammography, 'serviceType'), defaults)).toEqual([]);
    expect(runningTypesFor(targetOf(localUrgentCare, 'appointmentType'), defaults)).toEqual([]);
  });

  test("[HZ-20] a program's own follow-up visit codes replace the default: its code counts, a dropped one no longer does", () => {
    const own = {
      'emergency-follow-up': emergencyFollowUpSettings.parse({
        followUpVisits: [{ system: localUrgentCare.system, codes: [localUrgentCare.code] }],
      }),
    };
    expect(runningTypesFor(targetOf(localUrgentCare, 'appointmentType'), own)).toEqual([
      'emergency-follow-up',
    ]);
    expect(runningTypesFor(targetOf(followUp, 'appointmentType'), own)).toEqual([]);
    expect(runningTypesFor(targetOf(mammography, 'serviceType'), own)).toEqual([]);
  });

  test('settings published before the value set existed keep the declared default', () => {
    expect(runningTypesFor(targetOf(followUp, 'appointmentType'), { 'emergency-follow-up': {} })).toEqual([
      'emergency-follow-up',
    ]);
  });
});

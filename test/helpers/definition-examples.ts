import emergencyFollowUp from '../../contracts/journey-definitions/examples/emergency-follow-up.json';
import screeningBooking from '../../contracts/journey-definitions/examples/screening-booking.json';
import { journeyDefinitionSchema } from '../../contracts/journey-definitions/definition-schema';

/*
 * The definitions the interpreter's property tests run: the two published examples, and a
 * clinical deadline (which neither example has) so breaches and warnings come up too.
 */

export const screeningBookingDefinition = journeyDefinitionSchema.parse(screeningBooking);
export const emergencyFollowUpDefinition = journeyDefinitionSchema.parse(emergencyFollowUp);

/**
 * The screening example as it was before it checked for a booking first (HZ-35): it invites at
 * once, and a booking kept from before the enrolment reaches its wait after the invitation. Raw,
 * as the designer publishes it; `id` names the copy.
 */
export function screeningSendingFirst(id: string) {
  return {
    ...screeningBooking,
    id,
    start: 'invite',
    nodes: screeningBooking.nodes.filter((node) => node.id !== 'booked-already'),
  };
}

/** A clinical deadline in working days with a warning, so breaches come up among the random sequences. */
export const resultDeadlineDefinition = journeyDefinitionSchema.parse({
  id: 'result-deadline',
  version: 1,
  title: 'Result within a deadline',
  languages: ['en'],
  settings: {},
  events: [{ type: 'result', label: 'Result received' }],
  stages: [{ id: 'waiting', label: 'Waiting for the result' }],
  start: 'tell',
  nodes: [
    {
      id: 'tell',
      kind: 'message',
      label: 'Tell the patient',
      message: { key: 'result-pending', wording: { en: { plain: { any: 'Your result is on its way.' } } } },
      next: 'wait-result',
    },
    {
      id: 'wait-result',
      kind: 'wait',
      label: 'Wait for the result',
      events: [{ event: 'result', next: 'done' }],
      timeout: {
        deadline: { label: 'Result due', within: 3, count: 'working', warnBefore: 1 },
        next: 'tell',
      },
    },
    { id: 'done', kind: 'end', label: 'Done', summary: 'Result received', dropOff: false },
  ],
});

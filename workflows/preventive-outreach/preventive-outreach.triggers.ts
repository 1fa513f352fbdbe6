import type { JourneyTriggers } from '../journey-triggers';
import { APPOINTMENT_STATUS_EVENTS } from '../outreach-escalation/appointment-events';
import { PREVENTIVE_OUTREACH } from './preventive-outreach.contract';
import { preventiveOutreachEvents } from './preventive-outreach.ehr-events';
import { screeningItemCodes } from './screening-value-sets';

/**
 * Preventive outreach hears of the appointments for its own screening item: an appointment coded
 * with the item (a mammography appointment for the mammogram outreach), or one applied to it
 * before. A visit for anything else (a physiotherapy session) never books or ends it.
 */
export const preventiveOutreachTriggers: JourneyTriggers = {
  journey: PREVENTIVE_OUTREACH,
  starts: [],
  events: preventiveOutreachEvents,
  takes: [
    {
      resource: 'Appointment',
      events: APPOINTMENT_STATUS_EVENTS,
      links: [
        { kind: 'resource', via: ['self', 'basedOn'] },
        {
          kind: 'instance',
          param: 'item',
          values: screeningItemCodes,
          fields: ['serviceType', 'appointmentType', 'reasonCode'],
        },
      ],
      description:
        "An appointment for the journey's screening item (by its code) is booked, moved, cancelled, missed or attended.",
    },
  ],
  valueSets: {},
  closes: [
    'The screening appointment is attended.',
    'The patient declines.',
    'The outreach window closes with nothing booked.',
  ],
};

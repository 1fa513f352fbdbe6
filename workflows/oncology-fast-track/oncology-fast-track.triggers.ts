import type { JourneyTriggers } from '../journey-triggers';
import { ONCOLOGY_FAST_TRACK } from './oncology-fast-track.contract';
import { oncologyFastTrackEvents } from './oncology-fast-track.ehr-events';
import { oncologyFastTrackStarts } from './oncology-fast-track.starts';

/**
 * The oncology card listens to its own referral and what is based on it. A report, a diagnosis or
 * a visit moves the card only when it is linked to the card's referral: `basedOn` the referral
 * (ServiceRequest), or a resource already applied to the card. A cancer diagnosis for a patient
 * with one card is not enough: it may be about another cancer, which is a new card (brief
 * journeys.md: "recurrence or a second cancer = a new card").
 */
export const oncologyFastTrackTriggers: JourneyTriggers = {
  journey: ONCOLOGY_FAST_TRACK,
  starts: oncologyFastTrackStarts,
  events: oncologyFastTrackEvents,
  takes: [
    {
      resource: 'Appointment',
      events: { fulfilled: 'specialist-visit-done' },
      // The milestone is met when the visit is over, not when the EHR reports it.
      dated: ['specialist-visit-done'],
      links: [{ kind: 'resource', via: ['self', 'basedOn'] }],
      description: "The specialist visit based on the card's referral took place.",
    },
    {
      resource: 'DiagnosticReport',
      events: {},
      links: [{ kind: 'resource', via: ['self', 'basedOn'] }],
      description:
        "A pathology or imaging report based on the card's referral confirms, rules out or stages cancer.",
    },
    {
      resource: 'Condition',
      events: {},
      links: [{ kind: 'resource', via: ['self', 'evidence'] }],
      description:
        'A cancer diagnosis whose evidence names a report already applied to the card confirms or rules out cancer.',
    },
    {
      resource: 'ServiceRequest',
      events: {},
      links: [{ kind: 'resource', via: ['self'] }],
      description: 'Its referral withdrawn or entered in error cancels the card.',
    },
  ],
  valueSets: {},
  closes: ['Cancer is ruled out.', 'Treatment finishes.', 'The referral is withdrawn.'],
};

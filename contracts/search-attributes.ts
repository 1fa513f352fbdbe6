import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that make journeys findable in the Temporal Web UI and the API.
 * Values are opaque: a journey type, a stage id, a status, a pseudonymous patient reference, a
 * deadline's due time; never a name, a birth date or a clinical value.
 */
export const journeyTypeKey = defineSearchAttributeKey('CarepathJourney', SearchAttributeType.KEYWORD);
export const journeyStageKey = defineSearchAttributeKey('CarepathStage', SearchAttributeType.KEYWORD);
export const journeyStatusKey = defineSearchAttributeKey('CarepathStatus', SearchAttributeType.KEYWORD);
export const patientRefKey = defineSearchAttributeKey('CarepathPatientRef', SearchAttributeType.KEYWORD);
/**
 * When the journey's open deadline due first falls due (a breached one still owed included);
 * absent when none is open or the journey has ended. The patients list sorts by it across pages,
 * as SQL visibility cannot ORDER BY a custom attribute.
 */
export const nextDeadlineKey = defineSearchAttributeKey('CarepathNextDeadline', SearchAttributeType.DATETIME);

export const carepathSearchAttributes = [
  journeyTypeKey,
  journeyStageKey,
  journeyStatusKey,
  patientRefKey,
  nextDeadlineKey,
];

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that make journeys findable in the Temporal Web UI and the API.
 * Values are opaque: a journey type, a stage id, a status, a pseudonymous patient reference;
 * never a name, a birth date or a clinical value.
 */
export const journeyTypeKey = defineSearchAttributeKey('CarepathJourney', SearchAttributeType.KEYWORD);
export const journeyStageKey = defineSearchAttributeKey('CarepathStage', SearchAttributeType.KEYWORD);
export const journeyStatusKey = defineSearchAttributeKey('CarepathStatus', SearchAttributeType.KEYWORD);
export const patientRefKey = defineSearchAttributeKey('CarepathPatientRef', SearchAttributeType.KEYWORD);

export const carepathSearchAttributes = [journeyTypeKey, journeyStageKey, journeyStatusKey, patientRefKey];

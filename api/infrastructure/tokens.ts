/** Injection tokens for what the API receives from process start rather than constructs itself. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
/** The EHR's FHIR API (shared/ehr/fhir-client.ts), or undefined when no FHIR_BASE_URL is configured. */
export const FHIR_CLIENT = Symbol('FHIR_CLIENT');

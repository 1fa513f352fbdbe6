/** Injection tokens for what the API receives from process start rather than constructs itself. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const DATA_SOURCE = Symbol('DATA_SOURCE');

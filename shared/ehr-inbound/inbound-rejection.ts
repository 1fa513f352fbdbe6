/** One thing wrong with an inbound body: where (a FHIRPath-like location, when known) and what. */
export interface InboundProblem {
  field?: string;
  message: string;
}

/**
 * A body the FHIR webhook refuses as a whole (not JSON, not FHIR, a notification without its
 * status): the API answers 400 (415 for a content type it does not read) with these reasons and
 * stores nothing.
 */
export class InboundRejection extends Error {
  constructor(
    message: string,
    readonly problems: InboundProblem[] = [],
    readonly status: 400 | 415 = 400,
  ) {
    super(message);
    this.name = 'InboundRejection';
  }
}

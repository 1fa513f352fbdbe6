import type { components } from './generated/openapi';

export type Role = components['schemas']['SessionView']['role'];
export type Section = 'journeys' | 'patients' | 'queue' | 'audit';

/** Where each section lives and what the navigation calls it. */
export const SECTION_LINKS: Record<Section, { path: string; label: string }> = {
  journeys: { path: '/journeys', label: 'Journeys' },
  patients: { path: '/patients', label: 'Patients' },
  queue: { path: '/queue', label: 'Staff queue' },
  audit: { path: '/audit', label: 'Audit' },
};

/**
 * The screens each role works in (the API enforces the same split regardless). Designers work on
 * programs; patients are for operators and auditors; the trail is the auditor's. Integration keys
 * are for machines: the console has nothing for them.
 */
export const SECTIONS_OF: Record<Role, Section[]> = {
  designer: ['journeys'],
  operator: ['journeys', 'patients', 'queue'],
  auditor: ['journeys', 'patients', 'audit'],
  integration: [],
};

export const NO_SCREEN_NOTICE =
  'This is an integration key: it is for EHR systems and other machines calling the API, and the console has no screen for it. Sign in with a designer, operator or auditor key.';

import type { components } from './generated/openapi';

export type Role = components['schemas']['SessionView']['role'];
export type Section = 'journeys' | 'definitions' | 'patients' | 'queue' | 'audit';

/** Where each section lives and what the navigation calls it. */
export const SECTION_LINKS: Record<Section, { path: string; label: string }> = {
  journeys: { path: '/journeys', label: 'Journeys' },
  definitions: { path: '/definitions', label: 'Journey definitions' },
  patients: { path: '/patients', label: 'Patients' },
  queue: { path: '/queue', label: 'Staff queue' },
  audit: { path: '/audit', label: 'Audit' },
};

/**
 * The screens each role works in (the API enforces the same split regardless). Designers work on
 * programs, and only they author journey definitions (an operator or auditor would get an editor
 * whose every save is refused; auditors read each publish in the trail); patients are for
 * operators and auditors; the trail is the auditor's. Integration keys are for machines: the
 * console has nothing for them.
 */
export const SECTIONS_OF: Record<Role, Section[]> = {
  designer: ['journeys', 'definitions'],
  operator: ['journeys', 'patients', 'queue'],
  auditor: ['journeys', 'patients', 'audit'],
  integration: [],
};

export const NO_SCREEN_NOTICE =
  'This is an integration key: it is for EHR systems and other machines calling the API, and the console has no screen for it. Sign in with a designer, operator or auditor key.';

/**
 * Wording keys of the patient messages: the settings pick from these and the template files in
 * workflows/oncology-fast-track/wording/ word exactly these (a test checks both ways).
 * Every wording is plain language and names no diagnosis, because any of them may go out by SMS.
 */
export const ONCOLOGY_MESSAGE_KEYS = [
  'oncology-fast-track-waiting-list',
  'oncology-fast-track-initial-diagnostics',
  'oncology-fast-track-in-depth-diagnostics',
  'oncology-fast-track-treatment-planning',
  'oncology-fast-track-awaiting-treatment',
  'oncology-fast-track-in-treatment',
  'oncology-fast-track-ruled-out',
  'oncology-fast-track-treatment-finished',
] as const;

export type OncologyMessageKey = (typeof ONCOLOGY_MESSAGE_KEYS)[number];

/**
 * Values a stage message may use: `lastDayAt` (ISO) is the last instant the step the patient waits
 * for is on time (templates show its day), absent when the profile sets no target still ahead;
 * `coordinator` once the consilium named one.
 */
export type OncologyMessageValues = {
  timeZone: string;
  lastDayAt?: string;
  coordinator?: string;
};

import type { z } from 'zod';
import type { PinnedProgram } from '../../contracts/journey-contract';
import type { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { CatalogueJourney } from './catalogue-journey';

export type PinnableJourney = Pick<CatalogueJourney, 'id' | 'settingsSchema' | 'definition'>;

/** The program a new journey is pinned to, or why the current settings version cannot be. */
export type ProgramToPin =
  | { fits: true; program: PinnedProgram<Record<string, unknown>> }
  | { fits: false; settingsVersion: number; issues: z.core.$ZodIssue[] };

/**
 * The program settings current now, for a new journey to keep for life. A definition's settings
 * version was checked against the definition version current when it was published; a later
 * definition version may declare other settings (renamed, retyped, narrower bounds), so the
 * version is checked again against the declarations of the version the patient is enrolled on.
 * A version that no longer fits is never pinned and never swapped for the declared defaults: the
 * enrolment is refused, naming the settings, until a designer publishes settings that fit (the
 * clinical-safety officer's choice: a silent change of a reviewed interval is worse than a
 * refused enrolment the operator sees; hazard HZ-72). Settings the new version adds take their
 * declared defaults, which were reviewed with that version.
 */
export async function programToPin(
  store: ProgramSettingsStore,
  type: PinnableJourney,
): Promise<ProgramToPin> {
  const { version, settings } = await store.current(type);
  // Coded journeys' versions were resolved against the same code's schema: pinned as stored.
  if (!type.definition || version === 0) return { fits: true, program: { version, settings } };
  const refit = type.settingsSchema.safeParse(settings);
  if (!refit.success) return { fits: false, settingsVersion: version, issues: refit.error.issues };
  return { fits: true, program: { version, settings: refit.data as Record<string, unknown> } };
}

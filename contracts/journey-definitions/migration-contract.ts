import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { JourneyStatus } from '../journey-contract';
import type { MigrationPlan, NodeMapping } from '../../workflows/definition-interpreter/migrate';
import type { JourneyDefinition } from './definition-schema';

/*
 * How the API moves a running interpreted journey to a newer definition version: the dry run is
 * a read-only query and the apply an update, and both run the same pure planner inside the
 * workflow on the same state, so what the dry run shows is what the apply does.
 */

export interface MigrationRequest {
  /** The published version to move to, whole, as journeys are pinned to it. */
  definition: JourneyDefinition;
  mapping?: NodeMapping;
}

export interface MigrateRequest extends MigrationRequest {
  /** Who moved it and why: the journey's timeline says "Moved to version N by <by>: <note>". */
  by: string;
  note: string;
}

/** Where an interpreted journey is, by node, and its timers as due times; no patient data. */
export interface DefinitionJourneyStatus {
  definition: { id: string; version: number };
  status: JourneyStatus;
  node: string | null;
  stage: string;
  /** Due times in ISO; an active-clock timer has none while the journey is paused. */
  timers: Array<{ id: string; label: string; clock: 'active' | 'wall'; dueAt: string | null }>;
}

export const migrationPlanQuery = defineQuery<MigrationPlan, [MigrationRequest]>('migrationPlan');
export const migrateDefinitionUpdate = defineUpdate<MigrationPlan, [MigrateRequest]>('migrateDefinition');
export const definitionStatusQuery = defineQuery<DefinitionJourneyStatus>('definitionStatus');

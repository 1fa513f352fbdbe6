import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ServiceError } from '@temporalio/client';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import {
  migrateDefinitionUpdate,
  migrationPlanQuery,
} from '../../../contracts/journey-definitions/migration-contract';
import { journeyTypeKey } from '../../../contracts/search-attributes';
import { JourneyDefinitionStore } from '../../../persistence/journey-definition-store';
import { DEFINITION_JOURNEY_WORKFLOW } from '../../../workflows/definition-interpreter/definition-journey.workflow';
import {
  STRANDING_REFUSALS,
  type MigrationPlan,
  type NodeMapping,
} from '../../../workflows/definition-interpreter/migrate';
import { AuditTrail, type AuditActor } from '../../audit/audit-trail.service';
import { badRequest, type FieldError } from '../../errors/api-error';
import { TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import type {
  MigrationAppliedJourneyView,
  MigrationApplyView,
  MigrationDryRunView,
  MigrationJourneyPlanView,
} from './dto/migration-views';

/** How many journeys are asked at once for their plan. */
const QUERY_CONCURRENCY = 8;
const DEFAULT_BATCH_SIZE = 10;
const NODE_ID = /^[a-z][a-z0-9-]{0,62}$/;

export interface MigrationSelection {
  fromVersion: number;
  toVersion: number;
  mapping?: Record<string, string>;
  journeyIds?: string[];
}

export interface MigrationOrder extends MigrationSelection {
  all?: true;
  batchSize?: number;
  note: string;
  actor: AuditActor;
  route: string;
}

/**
 * Moving running interpreted journeys to a newer definition version. Each journey plans its own
 * move (the workflow's `migrationPlan` query runs the pure planner on its state), so the dry run
 * shows what the `migrateDefinition` update then does; the apply goes in batches, and is refused
 * whole when the mapping would strand any selected patient.
 */
@Injectable()
export class DefinitionMigrationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly store: JourneyDefinitionStore,
    private readonly audit: AuditTrail,
  ) {}

  async dryRun(definitionId: string, selection: MigrationSelection): Promise<MigrationDryRunView> {
    const { to, mapping } = await this.versions(definitionId, selection);
    const journeys = await this.plans(definitionId, selection, to, mapping);
    return {
      definitionId,
      fromVersion: selection.fromVersion,
      toVersion: selection.toVersion,
      counts: {
        journeys: journeys.length,
        migrate: journeys.filter((row) => row.outcome === 'migrate').length,
        refused: journeys.filter((row) => row.outcome === 'refused').length,
        stranded: journeys.filter((row) => row.refusal?.strands).length,
        sendingMessages: journeys.filter(sendsMessages).length,
      },
      journeys,
    };
  }

  async apply(definitionId: string, order: MigrationOrder): Promise<MigrationApplyView> {
    if ((order.all === undefined) === (order.journeyIds === undefined)) {
      throw badRequest('Say which journeys to move: all: true, or their ids in journeyIds (not both).', [
        { field: 'all', message: 'must be true when journeyIds is absent, and absent when it is given' },
      ]);
    }
    const { to, mapping } = await this.versions(definitionId, order);
    const plans = await this.plans(definitionId, order, to, mapping);
    const stranded = plans.filter((row) => row.refusal?.strands);
    if (stranded.length > 0) {
      throw new ConflictException({
        message: `The mapping would leave ${stranded.length} of the selected patients at a node or in a stage version ${order.toVersion} no longer has; nothing was changed.`,
        errors: stranded.map((row) => ({ field: `journeys.${row.journeyId}`, message: row.refusal!.reason })),
      });
    }
    const results: MigrationAppliedJourneyView[] = [];
    const batchSize = order.batchSize ?? DEFAULT_BATCH_SIZE;
    await forEachBounded(plans, batchSize, async (row) => {
      const result =
        row.outcome === 'refused'
          ? { journeyId: row.journeyId, outcome: 'refused', reason: row.refusal!.reason }
          : await this.migrateOne(row.journeyId, to, mapping, order);
      results.push(result);
      await this.audit.record(
        {
          actor: order.actor,
          patientRefs: [],
          action: 'journey.definition-migrate',
          method: 'POST',
          route: order.route,
          journeyId: row.journeyId,
          patientId: null,
          definitionId,
        },
        result.outcome === 'applied' ? 200 : result.outcome === 'refused' ? 409 : 500,
      );
    });
    const position = new Map(plans.map((row, index) => [row.journeyId, index]));
    results.sort((a, b) => position.get(a.journeyId)! - position.get(b.journeyId)!);
    return {
      definitionId,
      fromVersion: order.fromVersion,
      toVersion: order.toVersion,
      applied: results.filter((row) => row.outcome === 'applied').length,
      refused: results.filter((row) => row.outcome === 'refused').length,
      failed: results.filter((row) => row.outcome === 'failed').length,
      journeys: results,
    };
  }

  private async migrateOne(
    journeyId: string,
    to: JourneyDefinition,
    mapping: NodeMapping | undefined,
    order: MigrationOrder,
  ): Promise<MigrationAppliedJourneyView> {
    try {
      const plan = await this.temporal.workflow.getHandle(journeyId).executeUpdate(migrateDefinitionUpdate, {
        args: [
          { definition: to, ...(mapping ? { mapping } : {}), by: order.actor.name, note: order.note.trim() },
        ],
      });
      return { journeyId, outcome: 'applied', plan: planRow(journeyId, plan) };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        // The journey's validator turned it down: it changed since the dry run (paused, ended).
        return { journeyId, outcome: 'refused', reason: error.cause?.message ?? error.message };
      }
      return {
        journeyId,
        outcome: 'failed',
        reason: 'The journey could not be reached; it stays on its version.',
      };
    }
  }

  /** Both versions, published; a bad pair or mapping is a 400, an unknown one a 404. */
  private async versions(definitionId: string, selection: MigrationSelection) {
    const problems: FieldError[] = [];
    if (selection.toVersion <= selection.fromVersion) {
      problems.push({ field: 'toVersion', message: 'must be newer than fromVersion' });
    }
    for (const [from, to] of Object.entries(selection.mapping ?? {})) {
      if (!NODE_ID.test(from) || typeof to !== 'string' || !NODE_ID.test(to)) {
        problems.push({ field: `mapping.${from}`, message: 'must map a node id to a node id' });
      }
    }
    if (problems.length > 0)
      throw badRequest('The migration request is not valid; nothing was changed.', problems);
    const [from, to] = await Promise.all([
      this.store.publishedVersion(definitionId, selection.fromVersion),
      this.store.publishedVersion(definitionId, selection.toVersion),
    ]);
    if (!from || !to) {
      throw new NotFoundException({
        message: `Journey definition "${definitionId}" has no published version ${from ? selection.toVersion : selection.fromVersion}.`,
        errors: [{ field: from ? 'toVersion' : 'fromVersion', message: 'names no published version' }],
      });
    }
    const mapping =
      selection.mapping && Object.keys(selection.mapping).length > 0 ? selection.mapping : undefined;
    return { to, mapping };
  }

  /** Each selected running journey's own plan, in the order visibility lists them (ids: as asked). */
  private async plans(
    definitionId: string,
    selection: MigrationSelection,
    to: JourneyDefinition,
    mapping: NodeMapping | undefined,
  ): Promise<MigrationJourneyPlanView[]> {
    const running = await this.runningJourneys(definitionId);
    const ids = selection.journeyIds ? [...new Set(selection.journeyIds)] : running;
    const known = new Set(running);
    const rows: MigrationJourneyPlanView[] = new Array(ids.length);
    await forEachBounded(
      ids.map((id, index) => ({ id, index })),
      QUERY_CONCURRENCY,
      async ({ id, index }) => {
        rows[index] = known.has(id)
          ? await this.planOf(id, to, mapping, selection.fromVersion)
          : notOnVersion(id, `Not a running journey of "${definitionId}".`, selection.fromVersion);
      },
    );
    return rows.filter((row) => row.refusal?.code !== 'not-on-version' || selection.journeyIds !== undefined);
  }

  private async planOf(
    journeyId: string,
    to: JourneyDefinition,
    mapping: NodeMapping | undefined,
    fromVersion: number,
  ): Promise<MigrationJourneyPlanView> {
    let plan: MigrationPlan;
    try {
      plan = await this.temporal.workflow
        .getHandle(journeyId)
        .query(migrationPlanQuery, { definition: to, ...(mapping ? { mapping } : {}) });
    } catch (error) {
      if (error instanceof ServiceError)
        throw new ServiceUnavailableException({
          message: 'No worker answered: is the worker running?',
          errors: [],
        });
      throw error;
    }
    if (plan.fromVersion !== fromVersion) {
      return notOnVersion(
        journeyId,
        `The journey runs version ${plan.fromVersion}.`,
        fromVersion,
        plan.from.stage,
      );
    }
    return planRow(journeyId, plan);
  }

  private async runningJourneys(definitionId: string): Promise<string[]> {
    const ids: string[] = [];
    const query = `WorkflowType = '${DEFINITION_JOURNEY_WORKFLOW}' AND ${journeyTypeKey.name} = '${definitionId}' AND ExecutionStatus = 'Running'`;
    for await (const execution of this.temporal.workflow.list({ query })) ids.push(execution.workflowId);
    return ids;
  }
}

/** A plan as the API shows it: the workflow id and stage, never the patient. */
function planRow(journeyId: string, plan: MigrationPlan): MigrationJourneyPlanView {
  const base = {
    journeyId,
    label: `${journeyId} · ${plan.from.stage}`,
    stage: plan.from.stage,
    node: plan.from.node,
  };
  if (plan.outcome === 'refused') {
    return {
      ...base,
      outcome: 'refused',
      refusal: { code: plan.code, reason: plan.reason, strands: STRANDING_REFUSALS.includes(plan.code) },
    };
  }
  return {
    ...base,
    outcome: 'migrate',
    landsAt: plan.landsAt,
    timers: plan.timers,
    messages: plan.messages,
    notes: plan.notes,
  };
}

function notOnVersion(
  journeyId: string,
  reason: string,
  version: number,
  stage = 'unknown',
): MigrationJourneyPlanView {
  return {
    journeyId,
    label: `${journeyId} · ${stage}`,
    stage,
    node: null,
    outcome: 'refused',
    refusal: {
      code: 'not-on-version',
      reason: `${reason} Only journeys on version ${version} move.`,
      strands: false,
    },
  };
}

export function sendsMessages(row: MigrationJourneyPlanView): boolean {
  return (row.messages ?? []).some((message) => message.action !== 'skip');
}

/** Runs `work` over `items`, at most `limit` at a time; the next starts when one ends. */
async function forEachBounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

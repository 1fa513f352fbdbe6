import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { CatalogueJourney } from '../../shared/journeys/catalogue-journey';
import { journeyStageKey, journeyStatusKey, journeyTypeKey } from '../../contracts/search-attributes';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import type { JourneyTypeStatsView, StageCountView } from './dto/journey-stats-views';
import { breachedJourneyIds, workflowIdIn } from './staff-task-journeys';

/** Visibility queries stay short: the breached ids are looked up this many at a time. */
const IDS_PER_QUERY = 200;
/** Counts taken this recently are answered again: every open catalogue polls them. */
const FRESH_FOR_MS = 5_000;
/** Count queries in flight at once: visibility is rate limited per namespace. */
const PARALLEL_COUNTS = 4;

/**
 * How many journeys of a type are where: Temporal visibility counts by status and stage (the
 * SQL visibility stores group by ExecutionStatus only, so one count per stage), the staff
 * queue says which journeys missed a deadline.
 */
@Injectable()
export class JourneyStatsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  private readonly recent = new Map<string, { at: number; stats: Promise<JourneyTypeStatsView> }>();

  /** The counts of a type, shared by every caller within a few seconds (and while being taken). */
  stats(type: Pick<CatalogueJourney, 'id' | 'blueprint'>): Promise<JourneyTypeStatsView> {
    const cached = this.recent.get(type.id);
    if (cached && Date.now() - cached.at < FRESH_FOR_MS) return cached.stats;
    const stats = this.count(type);
    this.recent.set(type.id, { at: Date.now(), stats });
    stats.catch(() => this.recent.delete(type.id));
    return stats;
  }

  private async count(type: Pick<CatalogueJourney, 'id' | 'blueprint'>): Promise<JourneyTypeStatsView> {
    const countedAt = new Date().toISOString();
    const ofType = `${journeyTypeKey.name} = '${type.id}'`;
    const running = `${ofType} AND ExecutionStatus = 'Running'`;
    const ended = `${ofType} AND ExecutionStatus = 'Completed'`;
    const places = type.blueprint.nodes.filter((node) => node.kind === 'stage' || node.kind === 'end');

    const queries = [
      running,
      `${running} AND ${journeyStatusKey.name} = 'paused'`,
      ended,
      `${ended} AND ${journeyStatusKey.name} = 'cancelled'`,
      ...places.map(
        (node) => `${node.kind === 'end' ? ended : running} AND ${journeyStageKey.name} = '${node.id}'`,
      ),
    ];
    const [counts, breachedAt] = await Promise.all([this.countEach(queries), this.breachedByStage(ofType)]);
    const [runningCount = 0, paused = 0, completed = 0, cancelled = 0, ...atPlaces] = counts;
    const droppedOff = places.reduce(
      (sum, node, index) => sum + (node.dropOff ? (atPlaces[index] ?? 0) : 0),
      0,
    );

    const stages = places.map((node, index): StageCountView => {
      const here = atPlaces[index] ?? 0;
      return {
        stage: node.id,
        now: node.dropOff ? 0 : here,
        droppedOff: node.dropOff ? here : 0,
        breached: breachedAt.get(node.id) ?? 0,
      };
    });
    const breached = [...breachedAt.values()].reduce((sum, n) => sum + n, 0);
    return {
      journey: type.id,
      running: runningCount,
      paused,
      completed,
      cancelled,
      droppedOff,
      breached,
      stages,
      countedAt,
    };
  }

  /** Each query's count, in order, a few at a time. */
  private async countEach(queries: string[]): Promise<number[]> {
    const counts: number[] = [];
    for (let start = 0; start < queries.length; start += PARALLEL_COUNTS) {
      const batch = queries.slice(start, start + PARALLEL_COUNTS);
      counts.push(
        ...(await Promise.all(batch.map(async (query) => (await this.temporal.workflow.count(query)).count))),
      );
    }
    return counts;
  }

  /** Where the journeys that missed a deadline are now, by stage. */
  private async breachedByStage(ofType: string): Promise<Map<string, number>> {
    const ids = await breachedJourneyIds(this.dataSource);
    const byStage = new Map<string, number>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      // A journey that continued as new lists once per run: only its latest run says where it is.
      const query = `${ofType} AND ExecutionStatus != 'ContinuedAsNew' AND ${workflowIdIn(ids.slice(start, start + IDS_PER_QUERY))}`;
      for await (const journey of this.temporal.workflow.list({ query })) {
        const stage = journey.typedSearchAttributes.get(journeyStageKey) ?? 'unknown';
        byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
      }
    }
    return byStage;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { JourneyType } from '../../workflows/journey-types';
import { journeyStageKey, journeyStatusKey, journeyTypeKey } from '../../workflows/search-attributes';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import type { JourneyTypeStatsView, StageCountView } from './dto/journey-stats-views';
import { breachedJourneyIds, workflowIdIn } from './staff-task-journeys';

/** Visibility queries stay short: the breached ids are looked up this many at a time. */
const IDS_PER_QUERY = 200;

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

  async stats(type: JourneyType): Promise<JourneyTypeStatsView> {
    const countedAt = new Date().toISOString();
    const ofType = `${journeyTypeKey.name} = '${type.id}'`;
    const running = `${ofType} AND ExecutionStatus = 'Running'`;
    const ended = `${ofType} AND ExecutionStatus = 'Completed'`;
    const ends = type.blueprint.nodes.filter((node) => node.kind === 'end');
    const dropOffEnds = ends.filter((node) => node.dropOff).map((node) => `'${node.id}'`);
    const places = type.blueprint.nodes.filter((node) => node.kind === 'stage' || node.kind === 'end');

    const [totals, atPlaces, breachedAt] = await Promise.all([
      Promise.all([
        this.count(running),
        this.count(`${running} AND ${journeyStatusKey.name} = 'paused'`),
        this.count(ended),
        this.count(`${ended} AND ${journeyStatusKey.name} = 'cancelled'`),
        dropOffEnds.length
          ? this.count(`${ended} AND ${journeyStageKey.name} IN (${dropOffEnds.join(', ')})`)
          : 0,
      ]),
      Promise.all(
        places.map((node) =>
          this.count(`${node.kind === 'end' ? ended : running} AND ${journeyStageKey.name} = '${node.id}'`),
        ),
      ),
      this.breachedByStage(ofType),
    ]);
    const [runningCount, paused, completed, cancelled, droppedOff] = totals;

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

  private async count(query: string): Promise<number> {
    return (await this.temporal.workflow.count(query)).count;
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

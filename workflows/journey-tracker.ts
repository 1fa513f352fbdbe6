import { upsertSearchAttributes } from '@temporalio/workflow';
import type { JourneyProgress, JourneyStatus, TimelineEntry, TimelineKind, UpcomingTimer } from './journey-contract';
import { journeyStageKey, journeyStatusKey } from './search-attributes';

/**
 * Keeps the part of a journey's state that the progress query reports, and mirrors stage and
 * status into search attributes so operators can filter on them in the Temporal Web UI.
 */
export class JourneyTracker {
  private status: JourneyStatus = 'active';
  private stage: string;
  private readonly timeline: TimelineEntry[] = [];
  private upcoming: UpcomingTimer[] = [];
  private readonly startedAt = new Date().toISOString();

  constructor(
    private readonly journey: string,
    initialStage: string,
    initialSummary: string,
  ) {
    this.stage = initialStage;
    this.record('stage', initialSummary, initialStage);
    upsertSearchAttributes([{ key: journeyStageKey, value: initialStage }]);
  }

  get isActive(): boolean {
    return this.status === 'active';
  }

  get currentStage(): string {
    return this.stage;
  }

  enterStage(stage: string, summary: string): void {
    this.stage = stage;
    this.record('stage', summary, stage);
    upsertSearchAttributes([{ key: journeyStageKey, value: stage }]);
  }

  finish(status: Exclude<JourneyStatus, 'active'>, stage: string, summary: string): void {
    this.status = status;
    this.upcoming = [];
    this.enterStage(stage, summary);
    upsertSearchAttributes([{ key: journeyStatusKey, value: status }]);
  }

  record(kind: TimelineKind, summary: string, ref?: string): void {
    this.timeline.push({ at: new Date().toISOString(), kind, summary, ...(ref ? { ref } : {}) });
  }

  expect(timers: UpcomingTimer[]): void {
    this.upcoming = timers;
  }

  progress(): JourneyProgress {
    return {
      journey: this.journey,
      status: this.status,
      stage: this.stage,
      startedAt: this.startedAt,
      timeline: [...this.timeline],
      upcoming: [...this.upcoming],
    };
  }
}

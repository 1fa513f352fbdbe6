import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { journeyStageKey } from '../../contracts/search-attributes';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { badRequest } from '../errors/api-error';
import { APP_CONFIG, DATA_SOURCE, FHIR_CLIENT, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { JOURNEY_ID } from '../journeys/journey-id.pipe';
import { workflowIdIn } from '../journeys/staff-task-journeys';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.decorator';
import { PageTokenSeal } from '../pagination/sealed-page-token';
import type { ListStaffTasksQuery, StaffTaskPage, StaffTaskView } from './dto/staff-task-views';
import { patientsFromEhr } from './staff-task-patients';
import { toStaffTaskView } from './staff-task-view';

/** Who asks: `mine` is theirs, and only operators see patients' names. */
export interface QueueReader {
  name: string;
  seesPatients: boolean;
}

/** How long the work list waits for the engine's stages before it answers without them. */
const STAGE_LOOKUP_MS = 2_000;

/**
 * The staff queue as a work list: filtered, sorted and paged in the database with the total, each
 * task with its journey's current stage (one visibility query per page) and, for operators, the
 * patient from the EHR (one read per patient per page).
 */
@Injectable()
export class StaffTaskListService {
  private readonly pageTokens: PageTokenSeal;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(FHIR_CLIENT) private readonly fhir: FhirClient | null,
  ) {
    this.pageTokens = new PageTokenSeal(config.pseudonymKey);
  }

  /** The page, and the patients (by opaque reference) whose names it shows, for the audit trail. */
  async list(
    query: ListStaffTasksQuery,
    reader: QueueReader,
  ): Promise<{ page: StaffTaskPage; patientRefsShown: string[] }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { pageToken, limit: _limit, ...filters } = query;
    // The page token is bound to the filters, the sort and who asks (`mine`).
    const pagedQuery = JSON.stringify({ filters, reader: filters.mine ? reader.name : null });
    const offset = pageToken ? this.offsetIn(pageToken, pagedQuery) : 0;
    const [tasks, total] = await this.selection(query, reader).skip(offset).take(limit).getManyAndCount();
    const [stages, patients] = await Promise.all([
      this.stagesOf(tasks.map((task) => task.journeyId)),
      reader.seesPatients
        ? patientsFromEhr(
            this.fhir,
            tasks.map((task) => task.patientId),
          )
        : undefined,
    ]);
    const now = Date.now();
    const items: StaffTaskView[] = tasks.map((task) => ({
      ...toStaffTaskView(task, now),
      stage: stages.get(task.journeyId) ?? null,
      ...(patients ? { patient: task.patientId ? (patients.get(task.patientId) ?? null) : null } : {}),
    }));
    const next = offset + tasks.length;
    const page: StaffTaskPage = {
      items,
      total,
      offset,
      ...(next < total ? { nextPageToken: this.pageTokens.seal(Buffer.from(String(next)), pagedQuery) } : {}),
    };
    const patientRefsShown = patients
      ? tasks.filter((task) => task.patientId && patients.get(task.patientId)).map((task) => task.patientRef)
      : [];
    return { page, patientRefsShown: [...new Set(patientRefsShown)] };
  }

  private selection(query: ListStaffTasksQuery, reader: QueueReader): SelectQueryBuilder<StaffTask> {
    const selection = this.dataSource
      .getRepository(StaffTask)
      .createQueryBuilder('task')
      .where('task.status IN (:...statuses)', { statuses: query.status ?? ['open'] });
    if (query.journeyId) selection.andWhere('task.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.journeyType) {
      // The type id is checked against `^[a-z][a-z0-9-]*$`: no pattern characters but a literal '-'.
      selection.andWhere("task.journey_id ~ ('^' || :journeyType || '-[0-9a-f]{32}$')", {
        journeyType: query.journeyType,
      });
    }
    if (query.mine) selection.andWhere('task.claimed_by = :me', { me: reader.name });
    if (query.unclaimed) selection.andWhere('task.claimed_by IS NULL');
    if (query.priority) selection.andWhere('task.priority = :priority', { priority: query.priority });
    if (query.overdue !== undefined) {
      selection.andWhere(
        query.overdue ? 'task.due_at < now()' : '(task.due_at IS NULL OR task.due_at >= now())',
      );
    }
    const urgentFirst = `CASE task.priority WHEN 'urgent' THEN 0 ELSE 1 END`;
    switch (query.sort ?? 'priority') {
      case 'priority':
        selection.orderBy(urgentFirst).addOrderBy('task.due_at', 'ASC', 'NULLS LAST');
        break;
      case 'due':
        selection.orderBy('task.due_at', 'ASC', 'NULLS LAST').addOrderBy(urgentFirst);
        break;
      case 'created':
        selection.orderBy('task.created_at', 'ASC');
        break;
    }
    // A total order, so pages neither repeat nor skip a task.
    return selection.addOrderBy('task.created_at', 'ASC').addOrderBy('task.id', 'ASC');
  }

  private offsetIn(pageToken: string, pagedQuery: string): number {
    const opened = this.pageTokens.open(pageToken, pagedQuery);
    const offset = opened ? Number(opened.toString()) : NaN;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw badRequest('The page token is not valid.', [
        { field: 'pageToken', message: 'is not a token this API issued for this query' },
      ]);
    }
    return offset;
  }

  /** Each journey's current stage from its search attributes; none when the engine does not answer in time. */
  private async stagesOf(journeyIds: string[]): Promise<Map<string, string>> {
    const stages = new Map<string, string>();
    // Only ids of the journey id pattern go near a visibility query (no quoting issue).
    const ids = [...new Set(journeyIds)].filter((id) => JOURNEY_ID.test(id));
    if (ids.length === 0) return stages;
    const read = (async () => {
      for await (const workflow of this.temporal.workflow.list({ query: workflowIdIn(ids) })) {
        const stage = workflow.typedSearchAttributes.get(journeyStageKey);
        if (stage && !stages.has(workflow.workflowId)) stages.set(workflow.workflowId, stage);
      }
    })();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STAGE_LOOKUP_MS).unref());
    await Promise.race([read.catch(() => undefined), timeout]);
    return new Map(stages);
  }
}

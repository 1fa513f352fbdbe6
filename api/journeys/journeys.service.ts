import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { journeyTypeSavedView, type SavedViewLink } from '../../shared/temporal-web-ui/saved-views';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
} from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import {
  cancelJourneyUpdate,
  journeyEventUpdate,
  pauseJourneyUpdate,
  JOURNEY_ENDED_FAILURE,
  previewEventQuery,
  progressQuery,
  resumeJourneyUpdate,
  type ControlRequest,
  type EventPreview,
  type JourneyEvent,
  type JourneyProgress,
} from '../../contracts/journey-contract';
import type { CatalogueJourney } from '../../shared/journeys/catalogue-journey';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import { badRequest, fromZodIssues } from '../errors/api-error';
import { PageTokenSeal } from '../pagination/sealed-page-token';
import { implausibleDates } from '../requests/plausible-dates';
import { APP_CONFIG, DATA_SOURCE, FHIR_CLIENT, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { OVERDUE_LIMIT, type ListJourneysQuery } from './dto/list-journeys.query';
import type {
  JourneyDetailView,
  JourneyPage,
  StartJourneyAccepted,
  StartJourneyResult,
} from './dto/journey-views';
import type { StartJourneyDto } from './dto/start-journey.dto';
import { JourneyCatalogue } from './journey-catalogue.service';
import { EhrEventApplier } from '../../shared/ehr-inbound/ehr-event-applier';
import { runningExecutionFacts, toDetailView, toSummaryView } from './journey-view';
import { RunningJourneyQuery } from './running-journey-query';
import { overdueJourneyIds, workflowIdIn } from './staff-task-journeys';
import { journeyWorkflowId, patientRefFor } from '../../shared/journeys/patient-ref';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.decorator';
import { withDeadlineFacts, withPatients } from './journey-list-facts';
import { NextDeadlineListing, type DeadlineCursor } from './next-deadline-listing';
import { JourneyStarter } from '../../shared/journeys/journey-starter';
import { CarepathMetrics } from '../../shared/telemetry/carepath-metrics';
import type { FhirClient } from '../../shared/ehr/fhir-client';
import { isRecordedDeceased } from '../../shared/ehr/patient-vital-status';
import type { Patient } from '@medplum/fhirtypes';

/** How long a read waits for a worker to answer a progress query before the API says so. */
const QUERY_TIMEOUT_MS = 10_000;
/** A read no worker answered in time: the journey is there, the answer is not; a retry finds it. */
const NO_WORKER_ANSWERED = 'No worker answered: is the worker running?';
/** How long a change (event, pause, resume, cancel) waits for a worker to take it. */
const UPDATE_TIMEOUT_MS = 15_000;

/** The journey controls that are updates answering with the new progress. */
const controlUpdates = {
  pause: pauseJourneyUpdate,
  resume: resumeJourneyUpdate,
  cancel: cancelJourneyUpdate,
};
export type JourneyControl = keyof typeof controlUpdates;

@Injectable()
export class JourneysService {
  private readonly pageTokens: PageTokenSeal;
  private readonly deadlineListing: NextDeadlineListing;
  private readonly runningJourneys: RunningJourneyQuery;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(FHIR_CLIENT) private readonly fhir: FhirClient | null,
    private readonly starter: JourneyStarter,
    private readonly metrics: CarepathMetrics,
    private readonly catalogue: JourneyCatalogue,
    private readonly ehrEvents: EhrEventApplier,
  ) {
    this.pageTokens = new PageTokenSeal(config.pseudonymKey);
    this.deadlineListing = new NextDeadlineListing(temporal.workflowService, config.temporal.namespace);
    this.runningJourneys = new RunningJourneyQuery(temporal, QUERY_TIMEOUT_MS);
  }

  /**
   * `recorded`: resolves once the enrolment's audit row exists; the start waits for it, so no
   * journey starts that the trail does not show (the row is written while the request is checked).
   */
  async start(request: StartJourneyDto, recorded: () => Promise<void>): Promise<StartJourneyResult> {
    const { created, workflowId } = await this.startWorkflow(request, recorded);
    return { created, ...(await this.get(workflowId)) };
  }

  /**
   * The same start, answered once Temporal has accepted it, without waiting for the journey's
   * first workflow task to read its state: the fast path for bulk enrolment.
   */
  async startAccepted(
    request: StartJourneyDto,
    recorded: () => Promise<void>,
  ): Promise<StartJourneyAccepted> {
    const { created, workflowId } = await this.startWorkflow(request, recorded);
    return { id: workflowId, journey: request.journey, created };
  }

  private async startWorkflow(
    request: StartJourneyDto,
    recorded: () => Promise<void>,
  ): Promise<{ created: boolean; workflowId: string }> {
    const type = await this.catalogue.forEnrolment(request.journey, request.definitionVersion);
    this.refuseImplausibleDates(request.params, 'params', `Invalid parameters for journey "${type.id}".`);
    const patientRef = this.starter.patientRefOf(request.patientId);
    // One read of the patient's EHR record serves the deceased check and the zone: one round trip
    // to the EHR, not two. It, the audit row and the count of kept events are asked only here,
    // where the starter awaits them (`admit`, `keptEvents`): a refusal before would leave them unawaited.
    const ehrRecord = this.fhir?.read<Patient>('Patient', request.patientId);
    const outcome = await this.starter.start({
      type,
      patientId: request.patientId,
      params: request.params,
      admit: Promise.all([this.refuseDeceased(ehrRecord), recorded()]).then(() => undefined),
      ...(ehrRecord ? { ehrRecord } : {}),
      keptEvents: this.ehrEvents.keptEventsFor(patientRef),
    });
    if (!outcome.started && outcome.reason === 'settings') {
      // HZ-72: never run a patient on settings published for other declarations, nor on defaults instead.
      throw new ConflictException({
        message:
          `Program settings version ${outcome.settingsVersion} of "${type.id}" do not fit definition version ` +
          `${type.definition?.version}: a designer must publish settings for it first. Nobody was enrolled.`,
        errors: fromZodIssues(outcome.issues, 'settings'),
      });
    }
    if (!outcome.started) {
      throw badRequest(
        `Invalid parameters for journey "${type.id}".`,
        fromZodIssues(outcome.issues, 'params'),
      );
    }
    // What the EHR said before the patient was enrolled (a booking, a result) reaches the new
    // journey before it is answered for, as it does when the EHR starts one (HZ-35); a journey
    // started holding for it takes its first step only then.
    if (outcome.created)
      await this.ehrEvents.deliverKeptEvents(patientRef, outcome.keptEvents ? [outcome.workflowId] : []);
    return { created: outcome.created, workflowId: outcome.workflowId };
  }

  /**
   * As for enrolments from the EHR (safety invariant 8): nobody recorded as deceased is enrolled.
   * A patient the EHR does not know is not judged deceased; an EHR outage refuses the enrolment.
   */
  private async refuseDeceased(ehrRecord: Promise<Patient | undefined> | undefined): Promise<void> {
    const patient = await ehrRecord;
    if (patient && isRecordedDeceased(patient)) {
      throw badRequest('The patient is not enrolled.', [
        { field: 'patientId', message: 'the EHR records this patient as deceased' },
      ]);
    }
  }

  async get(id: string): Promise<JourneyDetailView> {
    // A running journey answers for itself and its execution in one call.
    const read = await this.runningJourneys.read(id);
    if (read.kind === 'answered') {
      if (!this.catalogue.runsJourneys(read.execution.workflowType)) throw notFound(id);
      return toDetailView(runningExecutionFacts(id, read.execution), read.progress, this.temporalUiUrl(id));
    }
    // Otherwise Temporal's describe says what the journey is and how to read it. One after the
    // other, never together: a query asked beside a describe that fails (Temporal down, no such
    // journey) would retry on after the answer, and past the API's shutdown (the Temporal
    // restart drill caught it).
    const handle = this.temporal.workflow.getHandle(id);
    const description = await this.describe(handle);
    const running = description.status.name === 'RUNNING';
    // Asked again, a worker that did not answer in time would keep the caller as long once more.
    if (running && read.kind === 'no-worker') throw workerUnavailable(NO_WORKER_ANSWERED);
    const progress =
      running && read.kind === 'older-worker' ? read.progress : await this.progressOf(handle, description);
    return toDetailView(description, progress, this.temporalUiUrl(id));
  }

  /**
   * A page of journeys with their deadlines (running ones asked, bounded) and, for a reader who
   * sees patients, each patient from the EHR; returns the patients shown for the audit trail.
   */
  async list(
    query: ListJourneysQuery,
    reader: { seesPatients: boolean },
  ): Promise<{ page: JourneyPage; patientRefsShown: string[] }> {
    const clauses = [this.visibilityQuery(query, await this.catalogue.list())];
    if (query.overdue !== undefined) {
      const overdue = await overdueJourneyIds(this.dataSource, OVERDUE_LIMIT);
      if (query.overdue && overdue.length === 0) return { page: { items: [] }, patientRefsShown: [] };
      if (overdue.length) clauses.push(workflowIdIn(overdue, { not: !query.overdue }));
    }
    const visibilityQuery = clauses.join(' AND ');
    // The sort is part of what a token continues: a page sorted otherwise is another list.
    const tokenBinding = `${visibilityQuery}|${query.sort ?? 'started'}`;
    const pageToken = query.pageToken ? this.pageTokens.open(query.pageToken, tokenBinding) : undefined;
    if (query.pageToken && !pageToken) {
      throw badRequest('The page token is not valid.', [
        { field: 'pageToken', message: 'is not a token this API issued for this query' },
      ]);
    }
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { executions, next, truncated } =
      query.sort === 'next-deadline'
        ? await this.byNextDeadline(visibilityQuery, pageSize, pageToken)
        : await this.newestFirst(visibilityQuery, pageSize, pageToken);
    const rows = await Promise.all(
      executions.map(async (raw) => {
        const info = await executionInfoFromRaw(
          raw,
          this.temporal.options.loadedDataConverter,
          raw,
          this.config.temporal.namespace,
        );
        return {
          item: toSummaryView(info),
          runId: info.runId,
          patientRef: info.typedSearchAttributes.get(patientRefKey),
        };
      }),
    );
    const [dated, named] = await Promise.all([
      withDeadlineFacts(
        this.temporal,
        rows.map((row) => row.item),
      ),
      reader.seesPatients
        ? withPatients(this.temporal, this.config.temporal.namespace, this.fhir, rows)
        : undefined,
    ]);
    const items = dated.map((item, index) => ({
      ...item,
      ...(named ? { patient: named.items[index]!.patient ?? null } : {}),
    }));
    const token = next ? this.pageTokens.seal(next, tokenBinding) : undefined;
    return {
      page: { items, ...(token ? { nextPageToken: token } : {}), ...(truncated ? { truncated } : {}) },
      patientRefsShown: named?.patientRefsShown ?? [],
    };
  }

  /** Visibility's own order and page tokens: running journeys newest first, then the closed ones. */
  private async newestFirst(visibilityQuery: string, pageSize: number, pageToken: Buffer | undefined) {
    const response = await this.temporal.workflowService.listWorkflowExecutions({
      namespace: this.config.temporal.namespace,
      query: visibilityQuery,
      pageSize,
      nextPageToken: pageToken,
    });
    const next = response.nextPageToken?.length ? response.nextPageToken : undefined;
    return { executions: response.executions, next, truncated: false };
  }

  /** Sorted by `CarepathNextDeadline` across pages; the token is the listing's cursor, sealed. */
  private async byNextDeadline(visibilityQuery: string, pageSize: number, pageToken: Buffer | undefined) {
    const cursor = pageToken ? (JSON.parse(pageToken.toString('utf8')) as DeadlineCursor) : undefined;
    const page = await this.deadlineListing.page(visibilityQuery, pageSize, cursor);
    const next = page.next ? Buffer.from(JSON.stringify(page.next), 'utf8') : undefined;
    return { executions: page.executions, next, truncated: page.truncated };
  }

  /** `by`: who sent it, for the timeline (an operator's key name, or "EHR event" for an integration). */
  async sendEvent(id: string, event: unknown, by: string): Promise<JourneyDetailView> {
    const receivedAt = Date.now();
    this.metrics.eventsReceived.inc({ source: 'api' });
    try {
      const handle = this.temporal.workflow.getHandle(id);
      const description = await this.describe(handle);
      const parsed = this.validEvent(await this.typeOfRunning(description), event);
      await this.update(() => handle.executeUpdate(journeyEventUpdate, { args: [parsed, { by }] }));
      this.metrics.eventHandled('api', 'applied', receivedAt);
    } catch (error) {
      this.metrics.eventHandled('api', eventFailureOutcome(error), receivedAt);
      throw error;
    }
    // The update's own answer carries only the newest timeline entries (it is stored in the
    // journey's history); the API answers with the whole journey as it stands after the change.
    return this.get(id);
  }

  /**
   * What the journey would do with the event if it were sent now. The same checks as sending it
   * (a malformed event is a 400 either way), then the journey's own answer from its state: a
   * query runs the event update's validator and records nothing.
   */
  async previewEvent(id: string, event: unknown): Promise<EventPreview> {
    const handle = this.temporal.workflow.getHandle(id);
    const description = await this.describe(handle);
    if (description.status.name !== 'RUNNING') {
      return { outcome: 'refused', reason: 'The journey has already ended; it accepts no more changes.' };
    }
    const parsed = this.validEvent(await this.typeOf(description), event);
    try {
      return await this.temporal.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        handle.query(previewEventQuery, parsed),
      );
    } catch (error) {
      if (error instanceof ServiceError) throw workerUnavailable(NO_WORKER_ANSWERED);
      throw error;
    }
  }

  private validEvent(type: CatalogueJourney, event: unknown): JourneyEvent {
    this.refuseImplausibleDates(event, '', `Invalid event for journey "${type.id}".`);
    const parsed = type.eventSchema.safeParse(event);
    if (!parsed.success) {
      throw badRequest(`Invalid event for journey "${type.id}".`, fromZodIssues(parsed.error.issues, ''));
    }
    return parsed.data as JourneyEvent;
  }

  /** Pause, resume or cancel; the journey's own validator refuses a control that does not apply now. */
  async control(id: string, control: JourneyControl, request: ControlRequest): Promise<JourneyDetailView> {
    const handle = this.temporal.workflow.getHandle(id);
    const description = await this.describe(handle);
    await this.typeOfRunning(description);
    await this.update(() => handle.executeUpdate(controlUpdates[control], { args: [request] }));
    return this.get(id);
  }

  private refuseImplausibleDates(value: unknown, prefix: string, message: string): void {
    const problems = implausibleDates(value, this.config.api.plausibleDates, prefix);
    if (problems.length > 0) throw badRequest(message, problems);
  }

  private async describe(handle: WorkflowHandle): Promise<WorkflowExecutionDescription> {
    try {
      const description = await handle.describe();
      if (!this.catalogue.runsJourneys(description.type)) throw notFound(handle.workflowId);
      return description;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(handle.workflowId);
      throw error;
    }
  }

  private async typeOfRunning(description: WorkflowExecutionDescription): Promise<CatalogueJourney> {
    if (description.status.name !== 'RUNNING') throw journeyEnded();
    return this.typeOf(description);
  }

  /** The catalogue entry a journey runs: its coded module, or the definition version it is pinned to. */
  private async typeOf(description: WorkflowExecutionDescription): Promise<CatalogueJourney> {
    const type = await this.catalogue.ofExecution(description);
    if (!type) throw notFound(description.workflowId);
    return type;
  }

  /** A closed journey's progress is its result; a running one answers a query through a worker. */
  private async progressOf(
    handle: WorkflowHandle,
    description: WorkflowExecutionDescription,
  ): Promise<JourneyProgress> {
    if (description.status.name === 'COMPLETED') return (await handle.result()) as JourneyProgress;
    return this.queryProgress(handle);
  }

  private async queryProgress(handle: WorkflowHandle): Promise<JourneyProgress> {
    try {
      // A gRPC deadline rather than a timer beside the call: the query then ends with the
      // request, instead of retrying on after the API answered (and past its shutdown).
      return await this.temporal.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () =>
        handle.query(progressQuery),
      );
    } catch (error) {
      // No worker polling, or Temporal refusing the query meanwhile: the journey is there, the
      // answer is not; a retry of the same request finds it.
      if (error instanceof ServiceError) throw workerUnavailable(NO_WORKER_ANSWERED);
      throw error;
    }
  }

  /** A change under a deadline: a busy or absent worker gives a 503, never a request left hanging. */
  private async update(call: () => Promise<JourneyProgress>): Promise<JourneyProgress> {
    try {
      return await this.temporal.withDeadline(Date.now() + UPDATE_TIMEOUT_MS, call);
    } catch (error) {
      // It ended between the read that found it running and the change (a cancel just before).
      if (error instanceof WorkflowNotFoundError) throw journeyEnded();
      // It ended, and is still closing: refused by its validator, answered as a closed journey is.
      if (error instanceof WorkflowUpdateFailedError && endedFailure(error.cause)) throw journeyEnded();
      // The workflow's validator rejected the change before anything was recorded.
      if (error instanceof WorkflowUpdateFailedError) {
        throw badRequest(error.cause?.message ?? 'The journey rejected the change.');
      }
      // Temporal keeps an update it admitted: a worker that catches up may still apply it.
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || error instanceof ServiceError) {
        throw workerUnavailable(
          'No worker took the change in time. It may still be applied when one does: read the journey before sending it again.',
        );
      }
      throw error;
    }
  }

  private visibilityQuery(query: ListJourneysQuery, catalogue: readonly CatalogueJourney[]): string {
    // Every value below is checked against a strict pattern by the DTO, so quoting cannot be broken.
    const clauses = [
      query.journey
        ? `${journeyTypeKey.name} = '${query.journey}'`
        : `${journeyTypeKey.name} IN (${catalogue.map((type) => `'${type.id}'`).join(', ')})`,
    ];
    if (query.status) clauses.push(`${journeyStatusKey.name} = '${query.status}'`);
    // A worker that crashed mid-journey leaves status 'active'; only a running execution is active.
    if (query.status === 'active' || query.status === 'paused') clauses.push(`ExecutionStatus = 'Running'`);
    if (query.stage) clauses.push(`${journeyStageKey.name} = '${query.stage}'`);
    // A journey that continued as new (a year of prediabetes care) is listed once: its latest run.
    clauses.push(`ExecutionStatus != 'ContinuedAsNew'`);
    if (query.patientId) {
      clauses.push(`${patientRefKey.name} = '${patientRefFor(query.patientId, this.config.pseudonymKey)}'`);
    }
    if (query.instance) clauses.push(this.instanceClause(query.patientId, query.instance, catalogue));
    // No ORDER BY: SQL visibility (dev server, PostgreSQL clusters) rejects it and already lists newest first.
    return clauses.join(' AND ');
  }

  /**
   * A card, appointment or screening item names a journey only together with its patient: the id
   * is a keyed hash of both (no PHI in ids), so the journeys that could carry it are computed.
   */
  private instanceClause(
    patientId: string | undefined,
    instance: string,
    catalogue: readonly CatalogueJourney[],
  ): string {
    if (!patientId) {
      throw badRequest('A card or encounter id is searched within one patient.', [
        { field: 'instance', message: 'needs patientId' },
      ]);
    }
    const ids = catalogue
      .filter((type) => type.instanceKey)
      .map((type) => journeyWorkflowId(type.id, patientId, instance, this.config.pseudonymKey));
    return workflowIdIn(ids);
  }

  /** Journeys of one type in the Temporal Web UI, as a view link that saves itself there. */
  temporalUiViewOf(journeyType: string): SavedViewLink {
    const { webUiUrl, namespace } = this.config.temporal;
    return journeyTypeSavedView(webUiUrl, namespace, journeyType);
  }

  private temporalUiUrl(id: string): string {
    const { webUiUrl, namespace } = this.config.temporal;
    return `${webUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(id)}`;
  }
}

/** How a refused or failed event is counted: the answer the caller got, in words. */
function eventFailureOutcome(error: unknown): string {
  if (error instanceof BadRequestException) return 'refused';
  if (error instanceof NotFoundException) return 'not-found';
  if (error instanceof ConflictException) return 'ended';
  if (error instanceof ServiceUnavailableException) return 'unavailable';
  return 'failed';
}

function endedFailure(cause: Error | undefined): boolean {
  return cause instanceof ApplicationFailure && cause.type === JOURNEY_ENDED_FAILURE;
}

function journeyEnded(): ConflictException {
  return new ConflictException({
    message: 'The journey has already ended; it accepts no more changes.',
    errors: [],
  });
}

function workerUnavailable(message: string): ServiceUnavailableException {
  return new ServiceUnavailableException({ message, errors: [] });
}

function notFound(id: string): NotFoundException {
  return new NotFoundException({ message: `No journey with id "${id}".`, errors: [] });
}

import { continueAsNew, log, workflowInfo } from '@temporalio/workflow';
import type { BirthdateCursor } from '../../activities/cohort/birthdate-slices';
import type { CohortActivities } from '../../activities/cohort/cohort-activities';
import { summarisedActivities } from '../activity-summaries';
import { screeningItems, type ScreeningItem } from '../preventive-outreach/preventive-outreach.contract';

export interface CohortFinderInput {
  /** The screening items to look for; all of them by default (what the schedule runs). */
  items?: ScreeningItem[];
  /** Patients per page (the EHR search); 200 by default. */
  pageSize?: number;
  /** Carried over by continue-as-new: the run's clock, where it got to, and its counts so far. */
  asOf?: string;
  cursor?: BirthdateCursor;
  totals?: CohortFinderCounts;
}

/** What a run did, in counts only: the history and the logs name no patient. */
export interface CohortFinderCounts {
  pages: number;
  patientsChecked: number;
  /** Patient and item pairs found due. */
  found: number;
  /** Journeys this run started. */
  enrolled: number;
  /** Enrolled for the same due cycle by an earlier run (whether or not that journey still runs). */
  alreadyEnrolled: number;
  /** A journey for the item was already running (started by staff or an EHR event). */
  alreadyInJourney: number;
  /** The journey refused the parameters (see the worker log). */
  refused: number;
}

/** Pages per run before continuing as new: keeps the event history small whatever the EHR's size. */
const PAGES_PER_RUN = 100;

/*
 * The EHR may be slow or down for a while at night: reads are retried with backoff for about an
 * hour, then the run fails visibly in the Web UI; the next scheduled run starts afresh. Enrolment
 * is idempotent (one row per patient, item and due cycle), so a retried page enrols nobody twice.
 */
const cohort = summarisedActivities<CohortActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '5 minutes', maximumAttempts: 20 },
});

/**
 * Finds the patients due for preventive screenings in the EHR, page by page (slices of birth
 * dates), and enrols each in a preventive-outreach journey per due item, once per due cycle.
 */
export async function cohortFinderWorkflow(input: CohortFinderInput = {}): Promise<CohortFinderCounts> {
  const items = input.items ?? [...screeningItems];
  // Every page of one run, across continue-as-new, judges eligibility on the same day.
  const asOf = input.asOf ?? new Date().toISOString();
  const totals: CohortFinderCounts = { ...emptyCounts(), ...input.totals };
  let cursor = input.cursor;
  for (let page = 0; ; page += 1) {
    if (page > 0 && (page >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested)) {
      return continueAsNew<typeof cohortFinderWorkflow>({ ...input, items, asOf, cursor, totals });
    }
    const found = await cohort.findDuePatients({
      items,
      asOf,
      ...(cursor ? { cursor } : {}),
      ...(input.pageSize ? { pageSize: input.pageSize } : {}),
    });
    totals.pages += 1;
    totals.patientsChecked += found.patientsChecked;
    totals.found += found.due.length;
    if (found.due.length > 0) {
      const enrolment = await cohort.enrolDuePatients({ due: found.due });
      totals.enrolled += enrolment.enrolled;
      totals.alreadyEnrolled += enrolment.alreadyEnrolled;
      totals.alreadyInJourney += enrolment.alreadyInJourney;
      totals.refused += enrolment.refused;
    }
    if (!found.nextCursor) break;
    cursor = found.nextCursor;
  }
  log.info('Cohort finder finished', { ...totals });
  return totals;
}

function emptyCounts(): CohortFinderCounts {
  return {
    pages: 0,
    patientsChecked: 0,
    found: 0,
    enrolled: 0,
    alreadyEnrolled: 0,
    alreadyInJourney: 0,
    refused: 0,
  };
}

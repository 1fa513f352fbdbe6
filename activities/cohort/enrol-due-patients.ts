import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { preventiveOutreachJourney } from '../../workflows/preventive-outreach/preventive-outreach.journey';
import { CohortEnrolment } from '../../persistence/entities/cohort-enrolment.entity';
import type { JourneyStarter } from '../../shared/journeys/journey-starter';
import type { DuePatient } from './find-due-patients';
import type { KeptEhrEvents } from './kept-ehr-events';

export interface EnrolDuePatientsResult {
  enrolled: number;
  alreadyEnrolled: number;
  alreadyInJourney: number;
  refused: number;
}

export const NO_JOURNEY_STARTER = 'NoJourneyStarter';

/**
 * Enrols each due patient in preventive outreach for the item, at most once per due cycle. The
 * cycle is claimed in `cohort_enrolment` before the journey is started: a second run finds the
 * claim and does nothing, even after the journey ended; a run that crashed between claim and
 * start finishes the start (journey ids are deterministic, so that start cannot double either).
 *
 * What the EHR said about the patient before the run (a booking the inbox kept for want of a
 * journey, HZ-35) reaches the journey before its first step, as for the API's enrolments: the
 * start counts the kept events, the journey holds for them, and they are applied and the journey
 * released before the enrolment is recorded. A run retried after a crash applies only what is
 * still kept (the inbox row lock, the update ids) and releases its journey again.
 */
export function enrolDuePatientsActivity(
  dataSource: DataSource,
  starter: JourneyStarter | undefined,
  keptEvents?: KeptEhrEvents,
) {
  const enrolments = dataSource.getRepository(CohortEnrolment);

  return async function enrolDuePatients({ due }: { due: DuePatient[] }): Promise<EnrolDuePatientsResult> {
    if (!starter) {
      throw ApplicationFailure.nonRetryable(
        'This worker cannot start journeys (no JourneyStarter)',
        NO_JOURNEY_STARTER,
      );
    }
    const result: EnrolDuePatientsResult = {
      enrolled: 0,
      alreadyEnrolled: 0,
      alreadyInJourney: 0,
      refused: 0,
    };
    for (const { patientId, item, lastDoneAt, lastTest, dueSince } of due) {
      const patientRef = starter.patientRefOf(patientId);
      const claim = await dataSource
        .createQueryBuilder()
        .insert()
        .into(CohortEnrolment)
        .values({ patientRef, item, dueSince, status: 'starting' })
        .orIgnore()
        .returning(['id'])
        .execute();
      const claimedNow = (claim.raw as unknown[]).length > 0;
      const row = await enrolments.findOneByOrFail({ patientRef, item, dueSince });
      if (!claimedNow && row.status !== 'starting') {
        result.alreadyEnrolled += 1;
        continue;
      }
      const outcome = await starter.start({
        type: preventiveOutreachJourney,
        patientId,
        params: { item, ...(lastDoneAt ? { lastDoneAt } : {}), ...(lastTest ? { lastTest } : {}) },
        ...(keptEvents ? { keptEvents: keptEvents.keptEventsFor(patientRef) } : {}),
      });
      if (!outcome.started) {
        // Field paths and issue codes only: messages may quote the values. The claim goes, so a fixed record is enrolled next run.
        log.warn('Cohort enrolment refused by the journey parameters', {
          item,
          issues: outcome.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`),
        });
        await enrolments.delete({ id: row.id });
        result.refused += 1;
        continue;
      }
      // A retry after a crash finds its own journey already running: still this run's enrolment.
      const ours = outcome.created || !claimedNow;
      if (ours && keptEvents) {
        // A retry cannot tell whether the journey it found holds still: it releases it again (a
        // journey that never held refuses the release, and that is all).
        const held = outcome.keptEvents || !outcome.created ? [outcome.workflowId] : [];
        await keptEvents.deliverKeptEvents(patientRef, held);
      }
      await enrolments.update(
        { id: row.id },
        {
          status: ours ? 'enrolled' : 'already-in-journey',
          journeyId: outcome.workflowId,
          enrolledAt: new Date(),
        },
      );
      if (ours) result.enrolled += 1;
      else result.alreadyInJourney += 1;
    }
    return result;
  };
}

import { log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { EhrInbox } from '../../shared/ehr-inbound/ehr-inbox';
import { createEhrEventApplier, type EhrEventApplier } from '../../shared/ehr-inbound/ehr-event-applier';

/** What the cohort finder needs of the EHR inbox: the events kept from before its enrolments (HZ-35). */
export type KeptEhrEvents = Pick<EhrEventApplier, 'keptEventsFor' | 'deliverKeptEvents'>;

/**
 * The inbox's applier as the worker builds it: the same routing, inbox row lock and update ids as
 * the API's, so an event the API kept is applied once, by whichever process starts the journey
 * first. It logs (counts only) to the log of the activity it runs in.
 */
export function keptEhrEventsForWorker(
  deps: Omit<Parameters<typeof createEhrEventApplier>[0], 'inbox' | 'logger'> & { dataSource: DataSource },
): KeptEhrEvents {
  const { dataSource, ...rest } = deps;
  return createEhrEventApplier({
    ...rest,
    inbox: new EhrInbox(dataSource),
    logger: {
      log: (message) => log.info(message),
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    },
  });
}

import type { ServiceRequest } from '@medplum/fhirtypes';
import { toInstant } from '../../contracts/ehr/clinical-time';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { notStarted, type ServiceRequestStartRule, type StartReading } from '../journey-starts';
import type { ClockStart, DeadlineProfileId } from './oncology-fast-track.contract';

/**
 * Clock-start extensions an integration engine sets on the referral from the receiving provider's
 * record: DiLO, the entry on that provider's waiting list (pakietonkologiczny.gov.pl: the clock
 * starts there, not at card issue); NHS England, the receipt of the referral (CWT guidance v12.1).
 */
export const CLOCK_START_EXTENSIONS = {
  waitingListEntry: 'https://carepath.dev/fhir/StructureDefinition/waiting-list-entry',
  referralReceived: 'https://carepath.dev/fhir/StructureDefinition/referral-received',
  consultantUpgrade: 'https://carepath.dev/fhir/StructureDefinition/consultant-upgrade',
} as const;

/** Referral statuses that end the card: the referral was withdrawn or never valid. */
const WITHDRAWN_REFERRAL_STATUSES: readonly string[] = ['revoked', 'entered-in-error'];

interface Referral {
  id: string;
  label: string;
  description: string;
  /** Business identifier systems that name the card (its value becomes the card id). */
  identifierSystems?: readonly string[];
  code: string;
  profile: DeadlineProfileId;
  /**
   * The extension (valueDateTime) on the referral that carries the clock start the profile's
   * source defines; `authoredOn` (when the card or referral was written) never stands in for it.
   * Missing: the card starts without a clock and the coordinator gets a task to record it.
   */
  clockStart: string;
  /** What the referral is for the clock: absent, a referral. */
  startedBy?: ClockStart;
}

/**
 * An active referral (ServiceRequest) starts the card; one revoked or entered in error ends the
 * card it started. The card is told apart by its number, requisition or the request's id.
 */
function referralRule(referral: Referral): ServiceRequestStartRule {
  const identifierSystems = referral.identifierSystems ?? [];
  return {
    id: referral.id,
    resource: 'ServiceRequest',
    label: referral.label,
    description: referral.description,
    identifierSystems,
    codes: [{ system: CODE_SYSTEMS.carepathOncology, codes: [referral.code] }],
    read(request: ServiceRequest): StartReading {
      if (WITHDRAWN_REFERRAL_STATUSES.includes(request.status)) {
        const withdrawn = request.status === 'revoked' ? 'withdrawn' : 'entered in error';
        return { kind: 'withdrawn', reason: `The referral was ${withdrawn} in the EHR` };
      }
      if (request.status !== 'active') {
        return notStarted(`referral status ${request.status}: only an active referral starts the card`);
      }
      const cardId =
        request.identifier?.find((identifier) => identifierSystems.includes(identifier.system ?? ''))
          ?.value ??
        request.requisition?.value ??
        request.id;
      if (!cardId)
        return notStarted('the referral has no card number, requisition or id to tell cards apart');
      // The clock starts where the profile's source says (DiLO: waiting-list entry at the provider
      // that takes the card; NHS CWT v12.1: receipt of the referral), never at authoredOn. Without
      // it the card starts with no clock and the coordinator is asked to record it: no guessed date.
      const clockStartAt = toInstant(
        request.extension?.find((extension) => extension.url === referral.clockStart)?.valueDateTime,
      );
      return {
        kind: 'start',
        params: {
          cardId,
          profile: referral.profile,
          ...(referral.startedBy ? { startedBy: referral.startedBy } : {}),
          ...(clockStartAt ? { clockStartAt } : {}),
        },
      };
    },
  };
}

export const oncologyFastTrackStarts: readonly ServiceRequestStartRule[] = [
  referralRule({
    id: 'dilo-card',
    label: 'DiLO card (Polish fast oncology track)',
    description: 'An active DiLO card (referral); its clock starts at the waiting-list entry.',
    identifierSystems: [CODE_SYSTEMS.diloCardNumber],
    code: 'dilo-card',
    profile: 'dilo',
    clockStart: CLOCK_START_EXTENSIONS.waitingListEntry,
  }),
  referralRule({
    id: 'urgent-suspected-cancer-referral',
    label: 'urgent suspected cancer referral (NHS England)',
    description: 'An active NHS England urgent suspected cancer referral; its clock starts at its receipt.',
    code: 'urgent-suspected-cancer',
    profile: 'nhs-england',
    clockStart: CLOCK_START_EXTENSIONS.referralReceived,
  }),
  referralRule({
    // NHS CWT v12.1: a consultant upgrades a patient not referred urgently; the 62-day clock starts
    // at the upgrade (the FDS does not apply).
    id: 'consultant-upgrade',
    label: 'consultant upgrade to the suspected cancer pathway (NHS England)',
    description:
      'An active consultant upgrade to the suspected cancer pathway; its clock starts at the upgrade.',
    code: 'consultant-upgrade',
    profile: 'nhs-england',
    clockStart: CLOCK_START_EXTENSIONS.consultantUpgrade,
    startedBy: 'consultant-upgrade',
  }),
];

import type { CodeableConcept, Consent, ConsentProvision } from '@medplum/fhirtypes';
import { productChannels } from '../../../channels';
import type { DeliveryChannel } from '../../../contracts/delivery-channels';
import { toInstant } from '../../../contracts/ehr/clinical-time';
import { findCoding } from '../../../contracts/ehr/code-systems';
import { patientIdOf } from '../../../contracts/ehr/fhir-references';
import { ignore, type ConsentDecision, type RoutingDecision } from '../routing-decision';
import { isDefined, noPatient } from './route-helpers';

const channelNames = productChannels.map(({ name }) => name).join(', ');

/** A Consent naming messaging channels becomes per-channel grants and revocations. */
export function routeConsent(consent: Consent): RoutingDecision {
  const rule = 'channel-consent';
  const patientId = patientIdOf(consent.patient);
  const provisions = flattenProvisions(consent.provision);
  const changes = provisions.flatMap(({ concepts, type }) =>
    channelsNamedBy(concepts).flatMap((channel): ConsentDecision[] => {
      if (consent.status === 'active') return [{ channel, status: type === 'deny' ? 'revoked' : 'granted' }];
      // A permission no longer in force is a revocation; a lifted denial grants nothing by itself.
      if ((consent.status === 'inactive' || consent.status === 'rejected') && type !== 'deny') {
        return [{ channel, status: 'revoked' }];
      }
      return [];
    }),
  );
  if (provisions.every(({ concepts }) => channelsNamedBy(concepts).length === 0)) {
    return ignore(`the Consent names no messaging channel (${channelNames})`, rule);
  }
  if (!patientId) return noPatient('Consent.patient', rule);
  if (changes.length === 0) return ignore(`a ${consent.status} Consent changes no channel consent`, rule);
  // The later of the consent's date and its last update: a revocation often keeps the original date.
  const decidedAt = [toInstant(consent.dateTime), toInstant(consent.meta?.lastUpdated)]
    .filter(isDefined)
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return {
    kind: 'consent',
    rule,
    patientId,
    ...(decidedAt ? { decidedAt } : {}),
    changes: lastPerChannel(changes),
  };
}

/** Each provision with the codes it names and its effective type (nested provisions inherit). */
function flattenProvisions(
  provision: ConsentProvision | undefined,
  inherited: 'permit' | 'deny' = 'permit',
): Array<{ concepts: CodeableConcept[]; type: 'permit' | 'deny' }> {
  if (!provision) return [];
  const type = provision.type ?? inherited;
  return [
    { concepts: [...(provision.code ?? []), ...(provision.action ?? [])], type },
    ...(provision.provision ?? []).flatMap((nested) => flattenProvisions(nested, type)),
  ];
}

/** Each channel module declares the codes that name it (channels/<name>/index.ts). */
function channelsNamedBy(concepts: CodeableConcept[]) {
  return productChannels
    .filter(({ consentCodes }) => findCoding(concepts, consentCodes))
    .map(({ name }) => name as DeliveryChannel);
}

/** Nested provisions are more specific than their parent: the last word on a channel wins. */
function lastPerChannel(changes: ConsentDecision[]): ConsentDecision[] {
  return [...new Map(changes.map((change) => [change.channel, change])).values()];
}

import type { EntityManager } from 'typeorm';
import type { ConsentDecision, RoutingDecision } from './routing-decision';
import type { PatientContactStore } from '../../persistence/patient-contact-store';
import type { Dispatched } from './journey-dispatcher';

type ConsentRouting = Extract<RoutingDecision, { kind: 'consent' }>;

/**
 * Applies a channel consent from the EHR to the store every send checks. Order matters here more
 * than anywhere: an old opt-in that arrives late must not undo a newer opt-out. So a change is
 * skipped when the patient decided later through Carepath itself (an SMS STOP, an unsubscribe
 * link, the API) or when a later EHR decision for the channel was applied already.
 */
export class ConsentApplier {
  constructor(private readonly contacts: PatientContactStore) {}

  async apply(patientRef: string, decision: ConsentRouting, manager: EntityManager): Promise<Dispatched> {
    const decidedAt = decision.decidedAt ? Date.parse(decision.decidedAt) : Date.now();
    const current = await this.contacts.consents(patientRef);
    const applied: ConsentDecision[] = [];
    const skipped: string[] = [];
    for (const change of decision.changes) {
      const existing = current.find((consent) => consent.channel === change.channel);
      const laterHere = existing && existing.source !== 'ehr' && existing.changedAt.getTime() > decidedAt;
      const laterFromEhr = await this.laterEhrDecision(manager, patientRef, change.channel, decidedAt);
      if (laterHere) {
        skipped.push(
          `${change.channel}: the patient decided later (${existing.source}, ${existing.changedAt.toISOString()})`,
        );
      } else if (laterFromEhr) {
        skipped.push(`${change.channel}: a later EHR consent (${laterFromEhr}) is already applied`);
      } else {
        await this.contacts.setConsent(patientRef, { ...change, source: 'ehr' });
        applied.push(change);
      }
    }
    const details = {
      decidedAt: new Date(decidedAt).toISOString(),
      channels: applied.map((change) => change.channel),
      consents: applied,
    };
    if (applied.length === 0) {
      return { outcome: 'ignored', reason: skipped.join('; '), journeys: [], details };
    }
    return {
      outcome: 'applied',
      journeys: [],
      details,
      ...(skipped.length ? { reason: skipped.join('; ') } : {}),
    };
  }

  private async laterEhrDecision(
    manager: EntityManager,
    patientRef: string,
    channel: string,
    decidedAt: number,
  ): Promise<string | undefined> {
    const rows = (await manager.query(
      `SELECT max((outcome->'details'->>'decidedAt')::timestamptz) AS latest
         FROM ehr_event
        WHERE patient_ref = $1 AND status = 'applied' AND outcome->'details'->'channels' ? $2`,
      [patientRef, channel],
    )) as Array<{ latest: Date | null }>;
    const latest = rows[0]?.latest;
    return latest && latest.getTime() > decidedAt ? latest.toISOString() : undefined;
  }
}

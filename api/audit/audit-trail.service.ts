import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { AuditEvent } from '../../persistence/entities/audit-event.entity';
import type { Role } from '../../config/api-keys';
import { DATA_SOURCE } from '../infrastructure/tokens';
import type { AuditTargets } from './audit-targets';

/** Who acted: an API key's holder, or (`signed`) a caller known by its request signature. */
export interface AuditActor {
  /** `signed`: a provider's signed webhook; `unauthenticated`: a call without a valid key (refused). */
  role: Role | 'signed' | 'unauthenticated';
  name: string;
}

export interface AuditEntry extends AuditTargets {
  actor: AuditActor;
  /** Opaque references of the patients concerned, when the request named no patient id. */
  patientRefs: string[];
  action: string;
  method: string;
  route: string;
}

/** Writes the audit trail. Callers decide what a failed write means (see AuditInterceptor). */
@Injectable()
export class AuditTrail {
  private readonly events: Repository<AuditEvent>;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource) {
    this.events = dataSource.getRepository(AuditEvent);
  }

  /** A finished call, with the status it was answered with. */
  async record(entry: AuditEntry, outcomeStatus: number): Promise<void> {
    // One row per patient: a STOP from a phone a family shares concerns each of them.
    const refs = entry.patientRefs.length > 0 ? entry.patientRefs : [null];
    await this.events.insert(refs.map((patientRef) => ({ ...toRow(entry, outcomeStatus), patientRef })));
  }

  /** A change about to be made: the row exists before the change does. Returns its id for close(). */
  async open(entry: AuditEntry): Promise<string> {
    const inserted = await this.events.insert(toRow(entry, null));
    return String((inserted.identifiers[0] as { id: string }).id);
  }

  /** The change's outcome, and the ids only its result could tell (a start's new journey). */
  async close(id: string, outcomeStatus: number, entry: AuditEntry): Promise<void> {
    const { journeyId, patientId, definitionId, patientRefs } = entry;
    await this.events.update(
      { id },
      { outcomeStatus, journeyId, patientId, definitionId, patientRef: patientRefs[0] ?? null },
    );
  }
}

function toRow(entry: AuditEntry, outcomeStatus: number | null): Partial<AuditEvent> {
  return {
    occurredAt: new Date(),
    actorRole: entry.actor.role,
    actorName: entry.actor.name,
    action: entry.action,
    method: entry.method,
    route: entry.route,
    journeyId: entry.journeyId,
    patientId: entry.patientId,
    patientRef: entry.patientRefs[0] ?? null,
    definitionId: entry.definitionId,
    outcomeStatus,
  };
}

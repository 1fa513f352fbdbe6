import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { patientRefKey } from '../../contracts/search-attributes';
import { TEMPORAL_CLIENT } from '../infrastructure/tokens';

/**
 * Tells journeys what happened outside them (a task done, a message bounced, a patient replied).
 * A journey that has ended cannot be told; that is not an error for the caller, whose own change
 * (the task completed, the status recorded) stands either way.
 */
@Injectable()
export class JourneySignals {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async send<Args extends unknown[]>(
    journeyId: string,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(journeyId).signal(signal, ...args);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** Signals every running journey of a patient; returns how many were told. */
  async sendToRunningJourneysOf<Args extends unknown[]>(
    patientRef: string,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<number> {
    let told = 0;
    const query = `${patientRefKey.name} = '${patientRef}' AND ExecutionStatus = 'Running'`;
    for await (const execution of this.temporal.workflow.list({ query })) {
      if (await this.send(execution.workflowId, signal, ...args)) told++;
    }
    return told;
  }
}

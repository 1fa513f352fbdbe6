import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';

/**
 * Counts route handlers still running (and what they leave running after their answer), so shutdown can wait for them before it closes Temporal
 * and PostgreSQL. Draining the HTTP server is not enough: a handler whose client went away
 * (a browser closed mid-request) runs on with no connection to wait for, and what it changes
 * half-done when Temporal or PostgreSQL closes under it is left for the caller to find.
 */
@Injectable()
export class InFlightHandlers implements NestInterceptor {
  private running = 0;
  private waiters: Array<() => void> = [];

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.running += 1;
    return next.handle().pipe(finalize(() => this.finished()));
  }

  /**
   * Counts work a handler leaves running after its answer (an audit outcome that follows the
   * answer) as in flight until it settles, so shutdown does not close the pool under it.
   */
  track(work: Promise<unknown>): void {
    this.running += 1;
    void work.finally(() => this.finished()).catch(() => undefined);
  }

  /** Resolves once no handler runs, or after `timeoutMs`: shutdown must not hang on a stuck one. */
  async settled(timeoutMs: number): Promise<void> {
    if (this.running === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  private finished(): void {
    this.running -= 1;
    if (this.running === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }
}

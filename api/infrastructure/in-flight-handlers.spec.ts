import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, Subject } from 'rxjs';
import { InFlightHandlers } from './in-flight-handlers';

describe(InFlightHandlers.name, () => {
  const context = {} as ExecutionContext;
  const handlerOf = (answer: Subject<string>): CallHandler => ({ handle: () => answer.asObservable() });

  it('lets shutdown wait until every running handler has finished, answered or failed', async () => {
    const inFlight = new InFlightHandlers();
    const first = new Subject<string>();
    const second = new Subject<string>();
    const answers = [first, second].map((answer) =>
      lastValueFrom(inFlight.intercept(context, handlerOf(answer))).catch(() => 'failed'),
    );
    let settled = false;
    const waiting = inFlight.settled(60_000).then(() => (settled = true));

    first.next('ok');
    first.complete();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    second.error(new Error('Temporal unavailable'));
    await waiting;
    expect(await Promise.all(answers)).toEqual(['ok', 'failed']);
  });

  it('does not hold shutdown past its limit for a handler that never ends', async () => {
    const inFlight = new InFlightHandlers();
    void lastValueFrom(inFlight.intercept(context, handlerOf(new Subject<string>())));
    const began = Date.now();
    await inFlight.settled(50);
    expect(Date.now() - began).toBeGreaterThanOrEqual(45);
    await expect(new InFlightHandlers().settled(60_000)).resolves.toBeUndefined();
  });

  it('counts work a handler leaves running after its answer until it settles, failed or not', async () => {
    const inFlight = new InFlightHandlers();
    let finishOutcome: () => void = () => undefined;
    inFlight.track(new Promise<void>((resolve) => (finishOutcome = resolve)));
    inFlight.track(Promise.reject(new Error('the pool closed')));
    let settled = false;
    const waiting = inFlight.settled(60_000).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finishOutcome();
    await waiting;
    expect(settled).toBe(true);
  });
});

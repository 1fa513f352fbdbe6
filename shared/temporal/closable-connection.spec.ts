import { closableConnection } from './closable-connection';

/** A port nothing listens on: every call meets UNAVAILABLE, and the SDK retries it on a timer. */
const UNREACHABLE = '127.0.0.1:1';

describe('a Temporal connection closed under a retrying call', () => {
  test('the call rejects, and no retry throws from its timer after the close', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const connection = closableConnection({ address: UNREACHABLE });
      const call = connection.workflowService.describeNamespace({ namespace: 'default' });
      const outcome = call.then(
        () => 'answered',
        (error: Error) => error.message,
      );
      // Past the first attempt, so the SDK's retry timer is waiting when the connection closes.
      await sleep(300);
      await connection.close();

      // Longer than the SDK's backoff after a few attempts: any retry timer has fired by then.
      const settled = await Promise.race([outcome, sleep(3_000).then(() => 'still pending')]);
      expect(settled).toMatch(/connection was closed/);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', listener);
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

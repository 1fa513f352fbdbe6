/**
 * Runs `count` tasks with at most `concurrency` in flight, as autocannon keeps that many
 * connections busy: the raw-client side of a comparison then offers the same load.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

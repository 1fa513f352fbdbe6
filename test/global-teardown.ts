export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.carepathTestStack;
  if (!stack) return;
  await Promise.all([stack.temporal.stop(), stack.postgres.stop()]);
}

/*
 * How the bench's child processes (the API, its worker, the anchor's worker) live: started by
 * bench-stack.ts over IPC, each says it is ready, and any message from the driver, or the driver
 * going away, closes it once and ends the process with the close's outcome.
 */

/** Closes with `close` when the driver says so or goes away; then sends `ready`. */
export function serveUntilTold(close: () => Promise<void>, ready: unknown = 'ready'): void {
  let closing = false;
  const end = () => {
    if (closing) return;
    closing = true;
    close().then(() => process.exit(0), exitFailed);
  };
  process.once('message', end);
  process.once('disconnect', end);
  process.send!(ready);
}

/** Runs a child process's main; a failure to start ends it with the error printed. */
export function runChildProcess(main: () => Promise<void>): void {
  main().catch(exitFailed);
}

function exitFailed(error: unknown): never {
  console.error(error);
  process.exit(1);
}

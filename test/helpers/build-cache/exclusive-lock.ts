import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Holds `lockFile` (created exclusively, holding this process id) until the returned release is
 * called; meanwhile another process waits. A lock whose process is gone is taken over, so a killed
 * jest worker does not stall the next run. Callers must stay correct without the lock (it saves
 * repeated work, it does not guard data): two processes that both take over a stale lock both proceed.
 */
export async function acquireExclusiveLock(lockFile: string, waitAtMostMs: number): Promise<() => void> {
  const deadline = Date.now() + waitAtMostMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderIsGone(lockFile)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Waited ${waitAtMostMs} ms for ${lockFile}; process ${holderOf(lockFile)} still holds it.`,
      );
    }
    await sleep(250);
  }
}

function holderIsGone(lockFile: string): boolean {
  const pid = holderOf(lockFile);
  if (pid === undefined) {
    // Created but not yet written (a moment's gap), or left empty by a process killed in that gap.
    const createdAt = statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs;
    return createdAt !== undefined && Date.now() - createdAt > 10_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function holderOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

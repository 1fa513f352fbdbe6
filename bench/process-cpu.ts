import { readdirSync, readFileSync } from 'node:fs';

/*
 * Where the CPU went while a benchmark ran: CPU seconds of this process and every process it
 * started (the API + worker child, the Temporal server, PostgreSQL and its backends, the
 * time-skipping server), grouped by role, read from /proc. On 2 cores that is what tells a
 * saturated Node event loop from a saturated server. Elsewhere than Linux the figures are empty.
 */

/** Linux's USER_HZ: the unit of /proc CPU times, 100 on every common kernel build. */
const TICKS_PER_SECOND = 100;

const ROLE_BY_COMMAND: Record<string, string> = {
  temporal: 'temporalServer',
  postgres: 'postgres',
  java: 'timeSkippingServer',
};

export interface CpuSnapshot {
  atMs: number;
  secondsByRole: Record<string, number>;
  machineBusySeconds: number;
}

/** CPU use over a stretch of time, in cores: 1.0 is one core busy the whole time. */
export interface CpuUsage {
  wallSeconds: number;
  cpuSecondsByRole: Record<string, number>;
  machineBusySeconds: number;
}

interface ProcStat {
  pid: number;
  ppid: number;
  command: string;
  ownSeconds: number;
  /** Own time plus that of children it has reaped (PostgreSQL's exited backends). */
  treeSeconds: number;
}

/** `rolesByPid` names processes whose command says too little (`node` is the driver or the stack). */
export function cpuSnapshot(rolesByPid: Record<number, string>): CpuSnapshot {
  const stats = readProcStats();
  const secondsByRole: Record<string, number> = {};
  for (const stat of descendantsOf(process.pid, stats)) {
    const role = rolesByPid[stat.pid] ?? ROLE_BY_COMMAND[stat.command] ?? 'other';
    // The driver's reaped children (helpers it ran before) are not part of any benchmark.
    const seconds = stat.pid === process.pid ? stat.ownSeconds : stat.treeSeconds;
    secondsByRole[role] = (secondsByRole[role] ?? 0) + seconds;
  }
  return { atMs: performance.now(), secondsByRole, machineBusySeconds: machineBusySeconds() };
}

export function usageBetween(from: CpuSnapshot, to: CpuSnapshot): CpuUsage {
  const roles = new Set([...Object.keys(from.secondsByRole), ...Object.keys(to.secondsByRole)]);
  const cpuSecondsByRole: Record<string, number> = {};
  for (const role of roles) {
    cpuSecondsByRole[role] = (to.secondsByRole[role] ?? 0) - (from.secondsByRole[role] ?? 0);
  }
  return {
    wallSeconds: (to.atMs - from.atMs) / 1000,
    cpuSecondsByRole,
    machineBusySeconds: to.machineBusySeconds - from.machineBusySeconds,
  };
}

export function addUsage(a: CpuUsage | undefined, b: CpuUsage): CpuUsage {
  if (!a) return b;
  const cpuSecondsByRole = { ...a.cpuSecondsByRole };
  for (const [role, seconds] of Object.entries(b.cpuSecondsByRole)) {
    cpuSecondsByRole[role] = (cpuSecondsByRole[role] ?? 0) + seconds;
  }
  return {
    wallSeconds: a.wallSeconds + b.wallSeconds,
    cpuSecondsByRole,
    machineBusySeconds: a.machineBusySeconds + b.machineBusySeconds,
  };
}

/**
 * Cores each role kept busy on average; `outsideBench` is the rest of the machine's busy time:
 * other people's work on a shared machine, which the figures then ran against.
 */
export function coresUsed(usage: CpuUsage): Record<string, number> {
  const cores: Record<string, number> = {};
  const wall = Math.max(usage.wallSeconds, 1e-9);
  const perCore = (seconds: number) => Math.round((seconds / wall) * 100) / 100;
  let benchSeconds = 0;
  for (const [role, seconds] of Object.entries(usage.cpuSecondsByRole)) {
    benchSeconds += seconds;
    if (seconds > 0) cores[role] = perCore(seconds);
  }
  cores.outsideBench = perCore(Math.max(0, usage.machineBusySeconds - benchSeconds));
  return cores;
}

function readProcStats(): ProcStat[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      return [parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))];
    } catch {
      return []; // exited while we read
    }
  });
}

/** `pid (command) state ppid ... utime stime cutime cstime ...`; the command may hold spaces. */
function parseStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  const fields = line.slice(close + 2).split(' ');
  const ticks = (index: number) => Number(fields[index]);
  const own = ticks(11) + ticks(12);
  return {
    pid: Number(line.slice(0, open).trim()),
    command: line.slice(open + 1, close),
    ppid: ticks(1),
    ownSeconds: own / TICKS_PER_SECOND,
    treeSeconds: (own + ticks(13) + ticks(14)) / TICKS_PER_SECOND,
  };
}

function descendantsOf(root: number, stats: ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found = stats.filter((stat) => stat.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!.pid) ?? []));
  return found;
}

/** Busy time of all cores since boot: everything but idle and I/O wait. */
function machineBusySeconds(): number {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const ticks = values.map(Number);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return (total - ticks[3]! - ticks[4]!) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Runs `work` and tells how much CPU each role used meanwhile. */
export async function withCpuUsage<T>(
  rolesByPid: Record<number, string>,
  work: () => Promise<T>,
): Promise<{ result: T; usage: CpuUsage }> {
  const before = cpuSnapshot(rolesByPid);
  const result = await work();
  return { result, usage: usageBetween(before, cpuSnapshot(rolesByPid)) };
}

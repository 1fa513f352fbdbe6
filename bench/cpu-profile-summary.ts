import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/*
 * Where a V8 CPU profile's time went (`npm run bench -- --cpu-profile <dir>` writes one per thread
 * of the API + worker process), by area of Carepath and by function:
 *
 *   node dist/bench/cpu-profile-summary.js <dir or .cpuprofile> [--top 25] [--from-s 20] [--to-s 60]
 *   node dist/bench/cpu-profile-summary.js <.cpuprofile> --windows 16.5-18.5,31.9-33.9
 *
 * Each thread's profile starts with the process; --from-s and --to-s keep the samples of a window
 * (seconds after that start), so the process's start-up (module loading, the workflow bundle) is
 * left out of the workload's figures. --windows keeps several: one side's alternating rounds (the
 * bench prints the respond-async and waiting rounds' windows in the API process).
 *
 * Self time is the time a sample's leaf frame ran, credited to the nearest frame on its stack that
 * belongs to an area (a `JSON.parse` or a cipher called from TypeORM is TypeORM's); inclusive time
 * counts a sample once for every area with a frame anywhere on its stack, so areas overlap (the
 * worker's activities call TypeORM) and inclusive shares do not add up to 100 %.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** An area of the process, named by where its code lives; the first area whose pattern matches a frame owns it. */
export interface ProfileArea {
  name: string;
  pattern: RegExp;
}

/** The areas the API's enrolment path and the worker sharing its process divide into (issue 23). */
export const CAREPATH_AREAS: readonly ProfileArea[] = [
  {
    name: 'worker (SDK worker, workflow sandbox, activities)',
    pattern: /@temporalio\/(worker|core-bridge|workflow)\/|\/dist\/(worker|activities|workflows|channels)\//,
  },
  { name: 'payload encryption', pattern: /\/shared\/payload-encryption\// },
  {
    name: 'Temporal client (gRPC, protobuf, data converter)',
    pattern: /@temporalio\/(client|common|proto)\/|\/@grpc\/|\/protobufjs\/|\/long\/|\/shared\/temporal\//,
  },
  { name: 'TypeORM / pg', pattern: /\/typeorm\/|\/node_modules\/pg[^/]*\/|\/persistence\// },
  {
    name: 'validation (class-validator, class-transformer, zod)',
    pattern:
      /\/class-validator\/|\/class-transformer\/|\/zod\/|\/validator\/|\/dist\/api\/requests\/|\/dist\/contracts\//,
  },
  { name: 'guards and auth', pattern: /\/dist\/api\/auth\/|@nestjs\/throttler\// },
  { name: 'audit', pattern: /\/dist\/api\/audit\// },
  { name: 'FHIR reads', pattern: /\/shared\/ehr\/|\/dist\/api\/fhir\// },
  { name: 'logging', pattern: /@nestjs\/common\/services\/logger|\/pino|\/winston/ },
  {
    name: 'metrics and tracing',
    pattern: /\/prom-client\/|\/shared\/telemetry\/|@opentelemetry\/|\/dist\/api\/(metrics|tracing)\//,
  },
  { name: 'journeys (handler, catalogue, starter)', pattern: /\/dist\/api\/journeys\/|\/shared\/journeys\// },
  { name: 'Nest pipeline (router, guards, interceptors, pipes)', pattern: /@nestjs\/|reflect-metadata/ },
  // Both the SDK worker's activation pipelines and Nest's interceptors run on rxjs: not told apart.
  { name: 'rxjs (the worker and Nest alike)', pattern: /\/rxjs\// },
  {
    name: 'HTTP (node http, express, body parsing, helmet)',
    pattern:
      /\/(express|body-parser|helmet|router|raw-body|finalhandler|on-finished|iconv-lite|qs|path-to-regexp|content-type|type-is|media-typer|mime-types|depd|statuses|http-errors|send|serve-static)\/|node:_http/,
  },
  { name: 'other Carepath code', pattern: /\/dist\// },
  { name: 'other packages', pattern: /\/node_modules\// },
];

const IDLE = '(idle)';
const GC = '(garbage collector)';
const PROGRAM = '(program)';
/** Samples whose stack holds no frame of any area: node internals and native code on their own. */
const UNATTRIBUTED = 'node internals with no area on the stack';

export interface AreaTime {
  area: string;
  selfMs: number;
  inclusiveMs: number;
}

export interface FunctionTime {
  frame: string;
  area: string;
  selfMs: number;
  inclusiveMs: number;
}

export interface ProfileSummary {
  wallMs: number;
  /** Sampled time the thread was not idle. */
  busyMs: number;
  idleMs: number;
  garbageCollectorMs: number;
  areas: AreaTime[];
  functions: FunctionTime[];
}

/** Which samples count: those taken `fromMs` to `toMs` after the profile began (the process's start is not the workload). */
export interface ProfileWindow {
  fromMs?: number;
  toMs?: number;
  /** Several stretches, `[fromMs, toMs]` each (one side's rounds); instead of fromMs and toMs. */
  stretches?: Array<[number, number]>;
}

export function summarizeCpuProfile(
  profile: CpuProfile,
  areas: readonly ProfileArea[] = CAREPATH_AREAS,
  window: ProfileWindow = {},
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  // Self time per node first: far fewer nodes than samples, so the stack walks below stay cheap.
  const selfUs = new Map<number, number>();
  const stretchesUs = (window.stretches ?? [[window.fromMs ?? 0, window.toMs ?? Infinity]]).map(
    ([fromMs, toMs]) => [fromMs * 1000, toMs * 1000] as const,
  );
  let sinceStartUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    sinceStartUs += delta;
    if (!stretchesUs.some(([fromUs, toUs]) => sinceStartUs >= fromUs && sinceStartUs <= toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const areaOf = (frame: CallFrame): string | undefined =>
    areas.find((area) => area.pattern.test(frame.url))?.name;
  const areaSelf = new Map<string, number>();
  const areaInclusive = new Map<string, number>();
  const functionSelf = new Map<string, number>();
  const functionInclusive = new Map<string, number>();
  const functionArea = new Map<string, string>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let idleUs = 0;
  let gcUs = 0;
  let busyUs = 0;

  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)!;
    const special = leaf.callFrame.functionName;
    if (special === IDLE) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    if (special === GC || special === PROGRAM) {
      if (special === GC) gcUs += us;
      add(areaSelf, special, us);
      add(areaInclusive, special, us);
      continue;
    }
    const areasOnStack = new Set<string>();
    const framesOnStack = new Set<string>();
    let selfArea: string | undefined;
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parentOf.get(node.id) ?? -1)) {
      const area = areaOf(node.callFrame);
      if (area) {
        selfArea ??= area;
        areasOnStack.add(area);
      }
      if (node.callFrame.functionName === '(root)') continue;
      const frame = frameName(node.callFrame);
      if (!functionArea.has(frame)) functionArea.set(frame, area ?? UNATTRIBUTED);
      framesOnStack.add(frame);
    }
    add(areaSelf, selfArea ?? UNATTRIBUTED, us);
    if (areasOnStack.size === 0) add(areaInclusive, UNATTRIBUTED, us);
    for (const area of areasOnStack) add(areaInclusive, area, us);
    add(functionSelf, frameName(leaf.callFrame), us);
    for (const frame of framesOnStack) add(functionInclusive, frame, us);
  }

  const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10;
  const areaNames = new Set([...areaSelf.keys(), ...areaInclusive.keys()]);
  const profiledUs = profile.endTime - profile.startTime;
  return {
    wallMs: ms(
      stretchesUs.reduce(
        (sum, [fromUs, toUs]) => sum + Math.min(profiledUs, toUs) - Math.min(fromUs, profiledUs),
        0,
      ),
    ),
    busyMs: ms(busyUs),
    idleMs: ms(idleUs),
    garbageCollectorMs: ms(gcUs),
    areas: [...areaNames]
      .map((area) => ({ area, selfMs: ms(areaSelf.get(area)), inclusiveMs: ms(areaInclusive.get(area)) }))
      .sort((a, b) => b.selfMs - a.selfMs),
    functions: [...functionInclusive.keys()].map((frame) => ({
      frame,
      area: functionArea.get(frame) ?? UNATTRIBUTED,
      selfMs: ms(functionSelf.get(frame)),
      inclusiveMs: ms(functionInclusive.get(frame)),
    })),
  };
}

/** `name (path after node_modules or dist:line)`: short enough for a table, precise enough to find. */
function frameName(frame: CallFrame): string {
  const path = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist)\//, '');
  return `${frame.functionName || '(anonymous)'} ${path || '(native)'}:${frame.lineNumber + 1}`;
}

export function formatSummary(title: string, summary: ProfileSummary, top: number): string {
  const share = (value: number) => `${((100 * value) / Math.max(summary.busyMs, 1)).toFixed(1)} %`;
  const lines = [
    `${title}: ${(summary.wallMs / 1000).toFixed(1)} s profiled, ${(summary.busyMs / 1000).toFixed(1)} s busy` +
      ` (${(summary.idleMs / 1000).toFixed(1)} s idle, GC ${(summary.garbageCollectorMs / 1000).toFixed(1)} s)`,
    '',
    '| area | self s | self % of busy | inclusive s | inclusive % of busy |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...summary.areas.map(
      (row) =>
        `| ${row.area} | ${(row.selfMs / 1000).toFixed(2)} | ${share(row.selfMs)} | ` +
        `${(row.inclusiveMs / 1000).toFixed(2)} | ${share(row.inclusiveMs)} |`,
    ),
    '',
    `Top ${top} functions by self time:`,
    ...topBy(summary.functions, 'selfMs', top).map(
      (row) => `  ${share(row.selfMs).padStart(7)}  ${row.frame}  [${row.area}]`,
    ),
    '',
    `Top ${top} functions by inclusive time:`,
    ...topBy(summary.functions, 'inclusiveMs', top).map(
      (row) => `  ${share(row.inclusiveMs).padStart(7)}  ${row.frame}  [${row.area}]`,
    ),
  ];
  return lines.join('\n');
}

function topBy(rows: FunctionTime[], key: 'selfMs' | 'inclusiveMs', top: number): FunctionTime[] {
  return [...rows].sort((a, b) => b[key] - a[key]).slice(0, top);
}

function main(argv: string[]): void {
  const target = argv.find(
    (argument, index) => !argument.startsWith('--') && !argv[index - 1]?.startsWith('--'),
  );
  if (!target) {
    throw new Error(
      'Usage: cpu-profile-summary <dir or .cpuprofile> [--top N] [--from-s S] [--to-s S] [--windows S-S,S-S]',
    );
  }
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? Number(argv[index + 1]) : undefined;
  };
  const top = option('--top') ?? 25;
  const fromS = option('--from-s');
  const toS = option('--to-s');
  const windowsIndex = argv.indexOf('--windows');
  const stretches = windowsIndex >= 0 ? parseWindows(argv[windowsIndex + 1] ?? '') : undefined;
  const window: ProfileWindow = {
    ...(fromS !== undefined ? { fromMs: fromS * 1000 } : {}),
    ...(toS !== undefined ? { toMs: toS * 1000 } : {}),
    ...(stretches ? { stretches } : {}),
  };
  const files = target.endsWith('.cpuprofile')
    ? [target]
    : readdirSync(target)
        .filter((name) => name.endsWith('.cpuprofile'))
        .sort()
        .map((name) => join(target, name));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(formatSummary(basename(file), summarizeCpuProfile(profile, CAREPATH_AREAS, window), top));
    console.log('');
  }
}

/** `16.5-18.5,31.9-33.9` (seconds) as `[fromMs, toMs]` stretches. */
export function parseWindows(text: string): Array<[number, number]> {
  return text.split(',').map((stretch) => {
    const [from, to] = stretch.split('-').map(Number);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to! < from!) {
      throw new Error(`--windows takes seconds as from-to[,from-to...]; not: ${stretch}`);
    }
    return [from! * 1000, to! * 1000];
  });
}

if (require.main === module) main(process.argv.slice(2));

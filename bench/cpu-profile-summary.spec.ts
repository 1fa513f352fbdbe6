import { parseWindows, summarizeCpuProfile, type CpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

/**
 * (root) ─ handle (dist/api/audit) ─ insert (node_modules/typeorm) ─ parse (node:internal)
 *        └ (idle)                 └ open (dist/api/audit)
 *        └ (garbage collector)
 *        └ onread (node:net)
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7, 8] },
    {
      id: 2,
      callFrame: frame('handle', 'file:///repo/dist/api/audit/audit.interceptor.js'),
      children: [3, 5],
    },
    { id: 3, callFrame: frame('insert', 'file:///repo/node_modules/typeorm/index.js'), children: [4] },
    { id: 4, callFrame: frame('parse', 'node:internal/json') },
    { id: 5, callFrame: frame('open', 'file:///repo/dist/api/audit/audit-trail.service.js') },
    { id: 6, callFrame: frame('(idle)') },
    { id: 7, callFrame: frame('(garbage collector)') },
    { id: 8, callFrame: frame('onread', 'node:net') },
  ],
  startTime: 0,
  endTime: 100_000,
  // Microseconds before each sample: 10 ms in parse, 5 in insert, 20 in open, 50 idle, 5 GC, 10 onread.
  samples: [4, 3, 5, 6, 7, 8],
  timeDeltas: [10_000, 5_000, 20_000, 50_000, 5_000, 10_000],
};

describe('summarizeCpuProfile', () => {
  const summary = summarizeCpuProfile(profile);
  const area = (name: string) => summary.areas.find((row) => row.area === name);

  it('counts idle time apart from the busy time every share is of', () => {
    expect(summary).toMatchObject({ wallMs: 100, busyMs: 50, idleMs: 50, garbageCollectorMs: 5 });
  });

  it("credits a node internal's self time to the nearest area on its stack", () => {
    expect(area('TypeORM / pg')).toEqual({ area: 'TypeORM / pg', selfMs: 15, inclusiveMs: 15 });
  });

  it('counts every area on a stack in its inclusive time, once per sample', () => {
    expect(area('audit')).toEqual({ area: 'audit', selfMs: 20, inclusiveMs: 35 });
  });

  it('keeps samples with no area on their stack apart', () => {
    expect(area('node internals with no area on the stack')).toMatchObject({ selfMs: 10, inclusiveMs: 10 });
  });

  it('names functions with their file and line, with self and inclusive time', () => {
    expect(summary.functions).toContainEqual({
      frame: 'handle api/audit/audit.interceptor.js:1',
      area: 'audit',
      selfMs: 0,
      inclusiveMs: 35,
    });
  });

  it("keeps only the samples of the stretches asked for (one side's rounds)", () => {
    // Samples end at 10, 15, 35, 85, 90 and 100 ms: the first two and the last one are kept.
    const rounds = summarizeCpuProfile(profile, undefined, {
      stretches: parseWindows('0.005-0.016,0.095-0.1'),
    });
    expect(rounds).toMatchObject({ wallMs: 16, busyMs: 25 });
    expect(rounds.areas.find((row) => row.area === 'TypeORM / pg')).toMatchObject({ selfMs: 15 });
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reuseOrBuild, type CachedBuild } from './build-cache';

describe(reuseOrBuild.name, () => {
  let folder: string;
  let source: string;
  let config: string;
  let absent: string;
  let builds: number;

  /** Writes a file dated a minute ago: one written during a build counts as edited under it. */
  const write = (file: string, content: string) => {
    writeFileSync(file, content);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(file, minuteAgo, minuteAgo);
  };

  /** A "build" that copies its one source file, and reports a path it looked for and did not find. */
  const spec = (overrides: Partial<CachedBuild> = {}): CachedBuild => ({
    name: 'copy',
    settings: 'v1',
    settingsFiles: [config],
    cacheRoot: join(folder, 'cache'),
    build: async (outDir) => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      mkdirSync(outDir);
      writeFileSync(join(outDir, 'copy.txt'), readFileSync(source));
      return [source, absent];
    },
    ...overrides,
  });
  const built = async (overrides?: Partial<CachedBuild>) =>
    readFileSync(join(await reuseOrBuild(spec(overrides)), 'copy.txt'), 'utf8');

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'build-cache-spec-'));
    source = join(folder, 'source.txt');
    config = join(folder, 'config.json');
    absent = join(folder, 'looked-for.txt');
    write(source, 'first');
    write(config, '{}');
    builds = 0;
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('builds once and reuses the build while what it read is unchanged', async () => {
    expect(await built()).toBe('first');
    expect(await built()).toBe('first');
    expect(builds).toBe(1);
  });

  test('two callers at once get one build', async () => {
    const [a, b] = await Promise.all([reuseOrBuild(spec()), reuseOrBuild(spec())]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
  });

  test('a changed source, settings file, settings or list of settings files builds again', async () => {
    await built();
    write(source, 'second');
    expect(await built()).toBe('second');
    write(config, '{"changed":true}');
    await built();
    await built({ settings: 'v2' });
    await built({ settings: 'v2', settingsFiles: [config, source] });
    expect(builds).toBe(5);
  });

  test('a file the build looked for and did not find builds again once it exists', async () => {
    await built();
    write(absent, 'now here');
    await built();
    expect(builds).toBe(2);
  });

  test('going back to an earlier source reuses the build kept for it', async () => {
    await built();
    write(source, 'second');
    await built();
    write(source, 'first');
    expect(await built()).toBe('first');
    expect(builds).toBe(2);
  });

  test('a source edited during every build is refused after three tries, not looped over', async () => {
    const editsItsSource: CachedBuild['build'] = async (outDir) => {
      builds += 1;
      writeFileSync(source, `edited ${builds}`);
      mkdirSync(outDir);
      return [source];
    };
    await expect(reuseOrBuild(spec({ build: editsItsSource }))).rejects.toThrow(
      /inputs kept changing while it ran: .*source\.txt/,
    );
    expect(builds).toBe(3);
  });
});

import { createDataSource } from './data-source';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database';
import { findJourneyType } from '../workflows/journey-types';
import { ProgramSettingsStore } from './program-settings-store';

const type = findJourneyType('appointment-reminder')!;
const otherType = findJourneyType('prediabetes-care')!;

describe(ProgramSettingsStore.name, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  const publish = (store: ProgramSettingsStore, note: string, basedOnVersion: number) =>
    store.publish(type, { settings: {}, note, publishedBy: 'test', basedOnVersion });

  test("reused while their version stands; another process's publish is pinned at the next call", async () => {
    const reusing = new ProgramSettingsStore(database.dataSource, { reuseWhileVersionStands: true });
    // Another process: its own connections to the same database.
    const otherProcess = createDataSource(database.url, 'carepath-test-elsewhere');
    await otherProcess.initialize();
    try {
      const elsewhere = new ProgramSettingsStore(otherProcess);
      expect((await reusing.current(type)).version).toBe(0);

      await publish(elsewhere, 'first', 0);
      const first = await reusing.current(type);
      expect(first).toMatchObject({ version: 1, note: 'first' });
      // Reused: the very object read last, not a new read of the same row.
      expect(await reusing.current(type)).toBe(first);

      await publish(elsewhere, 'second', 1);
      expect(await reusing.current(type)).toMatchObject({ version: 2, note: 'second' });

      await publish(reusing, 'third', 2);
      expect(await reusing.current(type)).toMatchObject({ version: 3, note: 'third' });
    } finally {
      await otherProcess.destroy();
    }
  });

  test('callers asking while four checks are under way share the next one, each type answered for itself', async () => {
    const reusing = new ProgramSettingsStore(database.dataSource, { reuseWhileVersionStands: true });
    const warm = await reusing.current(type);
    const queries = jest.spyOn(database.dataSource, 'query');
    try {
      const reads = await Promise.all([
        reusing.current(type),
        reusing.current(type),
        reusing.current(type),
        reusing.current(type),
        reusing.current(otherType),
        reusing.current(type),
      ]);
      // Four are sent at once; the two asked while they were under way go together.
      expect(queries).toHaveBeenCalledTimes(5);
      expect(reads[0]).toBe(warm);
      expect(reads[5]).toBe(warm);
      expect(reads[4]).toMatchObject({ journeyType: otherType.id, version: 0 });
    } finally {
      queries.mockRestore();
    }
  });
});

import { createTestDatabase, type TestDatabase } from '../test/helpers/test-database';
import { findJourneyType } from '../workflows/journey-types';
import { ProgramSettingsStore } from './program-settings-store';

const type = findJourneyType('appointment-reminder')!;

describe(ProgramSettingsStore.name, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  test('a store that reuses the current settings sees its own publish at once, another process’s after the reuse time', async () => {
    const cached = new ProgramSettingsStore(database.dataSource, { currentCacheMs: 400 });
    const elsewhere = new ProgramSettingsStore(database.dataSource);
    expect((await cached.current(type)).version).toBe(0);

    await cached.publish(type, { settings: {}, note: 'first', publishedBy: 'test', basedOnVersion: 0 });
    expect((await cached.current(type)).version).toBe(1);

    await elsewhere.publish(type, { settings: {}, note: 'second', publishedBy: 'test', basedOnVersion: 1 });
    expect((await cached.current(type)).version).toBe(1);
    expect((await elsewhere.current(type)).version).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await cached.current(type)).version).toBe(2);
  });

  test('reads arriving together share one query', async () => {
    const cached = new ProgramSettingsStore(database.dataSource, { currentCacheMs: 5_000 });
    const reads = await Promise.all([cached.current(type), cached.current(type), cached.current(type)]);
    expect(reads[1]).toBe(reads[0]);
    expect(reads[2]).toBe(reads[0]);
  });
});

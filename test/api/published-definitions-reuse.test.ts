import { JourneyDefinitionStore } from '../../persistence/journey-definition-store';
import { resultDeadlineDefinition } from '../helpers/definition-examples';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The EHR router reads every published definition version for every event; the API reuses its
 * last read while the number of published versions (counted with the event's lock) is unchanged.
 * Versions are only ever added, so another process's publish must show at the next event.
 */
describe('published definitions, reused while their count stands', () => {
  let database: TestDatabase;
  /** The API's store, as the EHR router reads it. */
  let router: JourneyDefinitionStore;
  /** Another API process, where a designer publishes. */
  let elsewhere: JourneyDefinitionStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    router = new JourneyDefinitionStore(database.dataSource);
    elsewhere = new JourneyDefinitionStore(database.dataSource);
  });
  afterAll(() => database?.drop());

  const publishedCount = async () =>
    Number(
      (
        (await database.dataSource.query('SELECT count(*) AS n FROM journey_definition_version')) as [
          { n: string },
        ]
      )[0].n,
    );

  const publish = async (title: string) => {
    const id = resultDeadlineDefinition.id;
    const existing = await elsewhere.get(id);
    const revision =
      existing?.revision ?? (await elsewhere.create({ id, title, createdBy: 'designer' })).revision;
    const draft = await elsewhere.saveDraft(id, {
      definition: { ...resultDeadlineDefinition, title },
      basedOnRevision: revision,
      savedBy: 'designer',
    });
    await elsewhere.publish(id, { note: title, basedOnRevision: draft.revision, publishedBy: 'designer' });
  };

  test("[HZ-34] the same count reuses the last read; another process's publish is read at the next count", async () => {
    expect(await router.allPublished(await publishedCount())).toEqual([]);

    await publish('Result within a deadline');
    const first = await router.allPublished(await publishedCount());
    expect(first.map((definition) => [definition.id, definition.version])).toEqual([['result-deadline', 1]]);
    // Reused: the very objects of the last read, not a new read of the same rows.
    const again = await router.allPublished(await publishedCount());
    expect(again[0]).toBe(first[0]);

    await publish('Result within a deadline, second version');
    const afterPublish = await router.allPublished(await publishedCount());
    expect(afterPublish.map((definition) => [definition.version, definition.title])).toEqual([
      [1, 'Result within a deadline'],
      [2, 'Result within a deadline, second version'],
    ]);
    expect(afterPublish[0]).not.toBe(first[0]);
  });

  test('without a count every call reads the versions again', async () => {
    const read = await router.allPublished();
    expect((await router.allPublished())[0]).not.toBe(read[0]);
    expect(read.length).toBe(await publishedCount());
  });
});

import { AuditTrail, type AuditEntry } from '../../api/audit/audit-trail.service';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The audit trail sends the rows and outcomes that arrive while a statement is under way together
 * in the next one. Each caller must still get its own row's id, each outcome must reach its own
 * row, and a statement that fails must fail every caller in it (the enrolment then starts nothing).
 */
describe('AuditTrail, writes arriving together', () => {
  let database: TestDatabase;
  let trail: AuditTrail;

  beforeAll(async () => {
    database = await createTestDatabase();
    trail = new AuditTrail(database.dataSource);
  });
  afterAll(() => database?.drop());

  const entry = (patientId: string, patientRefs: string[] = []): AuditEntry => ({
    actor: { role: 'operator', name: 'ops' },
    patientRefs,
    action: 'journey.start',
    method: 'POST',
    route: '/api/journeys',
    journeyId: null,
    patientId,
    definitionId: null,
  });

  const rowsOf = async (ids: string[]) =>
    (await database.dataSource.query(
      'SELECT id::text, patient_id, patient_ref, journey_id, outcome_status FROM audit_event WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    )) as Array<{
      id: string;
      patient_id: string;
      patient_ref: string | null;
      journey_id: string | null;
      outcome_status: number | null;
    }>;

  test('each of many opens made at once gets the id of its own row, and each close reaches it', async () => {
    const patients = Array.from({ length: 60 }, (_, index) => `patient-${index}`);
    const ids = await Promise.all(patients.map((patientId) => trail.open(entry(patientId))));
    expect(new Set(ids).size).toBe(patients.length);
    const opened = new Map((await rowsOf(ids)).map((row) => [row.id, row]));
    ids.forEach((id, index) => {
      expect(opened.get(id)).toMatchObject({ patient_id: patients[index], outcome_status: null });
    });

    await Promise.all(
      ids.map((id, index) =>
        trail.close(id, 200 + index, { ...entry(patients[index]!), journeyId: `journey-${index}` }),
      ),
    );
    const closed = new Map((await rowsOf(ids)).map((row) => [row.id, row]));
    ids.forEach((id, index) => {
      expect(closed.get(id)).toMatchObject({
        patient_id: patients[index],
        journey_id: `journey-${index}`,
        outcome_status: 200 + index,
      });
    });
  });

  test('reads recorded together keep one row per patient each, beside opens in the same statement', async () => {
    const before = await database.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    const [, , opened] = await Promise.all([
      trail.record(entry('family', ['ref-a', 'ref-b']), 200),
      trail.record(entry('alone'), 404),
      trail.open(entry('opened-between')),
    ]);
    const after = await database.dataSource.query('SELECT count(*)::int AS n FROM audit_event');
    expect(after[0].n - before[0].n).toBe(4);
    const [row] = await rowsOf([opened]);
    expect(row).toMatchObject({ patient_id: 'opened-between', outcome_status: null });
    const family = await database.dataSource.query(
      "SELECT patient_ref FROM audit_event WHERE patient_id = 'family' ORDER BY patient_ref",
    );
    expect(family).toEqual([{ patient_ref: 'ref-a' }, { patient_ref: 'ref-b' }]);
  });

  test('a statement that fails fails every caller whose row it carried, and the next ones write again', async () => {
    await database.dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_away');
    try {
      const outcomes = await Promise.allSettled(
        ['x', 'y', 'z'].map((patientId) => trail.open(entry(patientId))),
      );
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    } finally {
      await database.dataSource.query('ALTER TABLE audit_event_away RENAME TO audit_event');
    }
    const id = await trail.open(entry('after'));
    expect(await rowsOf([id])).toEqual([expect.objectContaining({ patient_id: 'after' })]);
  });
});

import type { Encounter, Patient } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import type { ScreeningItem } from '../../workflows/preventive-outreach/preventive-outreach.contract';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import { createHttpFhirClient } from '../../shared/ehr/http-fhir-client';
import type { BirthdateCursor } from './birthdate-slices';
import { findDuePatientsActivity, type DuePatient } from './find-due-patients';

const ASOF = '2026-10-15T02:00:00.000Z';

/** A FHIR server on loopback (Medplum's router), filled with the patients each test needs. */
describe('findDuePatients', () => {
  let sandbox: FhirSandbox;
  let findDuePatients: ReturnType<typeof findDuePatientsActivity>;

  beforeEach(async () => {
    sandbox = await startFhirSandbox();
    findDuePatients = findDuePatientsActivity(
      createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 10_000 }),
      { timeZone: 'UTC' },
    );
  });
  afterEach(() => sandbox.stop());

  const addPatient = async (id: string, birthDate: string) =>
    sandbox.repo.updateResource<Patient>({ resourceType: 'Patient', id, birthDate, gender: 'female' });

  /** Every page of one run, as the workflow walks them. */
  async function allPages(items: ScreeningItem[], pageSize: number) {
    const due: DuePatient[] = [];
    let cursor: BirthdateCursor | undefined;
    let pages = 0;
    let checked = 0;
    do {
      const page = await findDuePatients({ items, asOf: ASOF, pageSize, ...(cursor ? { cursor } : {}) });
      due.push(...page.due);
      checked += page.patientsChecked;
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { due, pages, checked };
  }

  test('a slice of birth dates with more patients than a page is narrowed: nobody is skipped or found twice', async () => {
    // Five share a birthday (more than a page even on one day), four more in the same month.
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await addPatient(`twin-${index}`, '1980-05-20')).id!);
    for (const day of ['02', '09', '14', '28'])
      ids.push((await addPatient(`may-${day}`, `1980-05-${day}`)).id!);

    const { due, checked } = await allPages(['annual-visit'], 2);

    expect(due.map((entry) => entry.patientId).sort()).toEqual(ids.sort());
    expect(checked).toBe(ids.length);
    expect(due.find((entry) => entry.patientId === 'twin-0')).toEqual({
      patientId: 'twin-0',
      item: 'annual-visit',
      dueSince: '1998-05-20',
    });
  });

  test("patients' records come from the EHR: a recent preventive visit means not due", async () => {
    await addPatient('seen-recently', '1970-01-01');
    await addPatient('never-seen', '1970-01-02');
    await sandbox.repo.createResource<Encounter>({
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: CODE_SYSTEMS.actCode, code: 'AMB' },
      subject: { reference: 'Patient/seen-recently' },
      type: [{ coding: [{ system: CODE_SYSTEMS.cpt, code: '99396' }] }],
      period: { start: '2026-06-01T09:00:00Z' },
    });

    const { due } = await allPages(['annual-visit'], 200);

    expect(due).toEqual([{ patientId: 'never-seen', item: 'annual-visit', dueSince: '1988-01-02' }]);
  });

  test('an input naming no known item is refused for good, before anything is read', async () => {
    const refusal = findDuePatients({ items: ['dental-check' as ScreeningItem], asOf: ASOF });
    await expect(refusal).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(refusal).rejects.toMatchObject({
      nonRetryable: true,
      message: expect.stringContaining('dental-check'),
    });
  });
});

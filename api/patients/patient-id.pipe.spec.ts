import { type ArgumentMetadata } from '@nestjs/common';
import { StartJourneyDto } from '../journeys/dto/start-journey.dto';
import { ListJourneysQuery } from '../journeys/dto/list-journeys.query';
import { apiValidationPipe } from '../requests/validation-pipe';
import { PatientIdPipe } from './patient-id.pipe';

const pipe = new PatientIdPipe();
const accepted = ['pat-1001', 'A.b-9', 'x'.repeat(64)];
const refused = ['', 'x'.repeat(65), 'pat 1001', 'pat/1001', '../admin', 'pat_1001', 'päť'];

/** Whether a DTO field holding a patient id takes the value, checked as the API checks it. */
async function dtoTakes(metadata: ArgumentMetadata, value: Record<string, unknown>): Promise<boolean> {
  return apiValidationPipe()
    .transform(value, metadata)
    .then(
      () => true,
      () => false,
    );
}

describe(PatientIdPipe.name, () => {
  it.each(accepted)('takes the FHIR id %j as it is', (id) => {
    expect(pipe.transform(id)).toBe(id);
  });

  it.each(refused)('answers 400 naming patientId for %j', (id) => {
    expect(() => pipe.transform(id)).toThrow(
      expect.objectContaining({
        response: expect.objectContaining({ errors: [expect.objectContaining({ field: 'patientId' })] }),
      }) as Error,
    );
  });

  it('agrees with the DTOs that take a patient id in a body or a query', async () => {
    const start: ArgumentMetadata = { type: 'body', metatype: StartJourneyDto };
    const list: ArgumentMetadata = { type: 'query', metatype: ListJourneysQuery };
    for (const id of [...accepted, ...refused.filter(Boolean)]) {
      const byPipe = accepted.includes(id);
      expect([id, await dtoTakes(start, { journey: 'appointment-reminder', patientId: id })]).toEqual([
        id,
        byPipe,
      ]);
      expect([id, await dtoTakes(list, { patientId: id })]).toEqual([id, byPipe]);
    }
  });
});

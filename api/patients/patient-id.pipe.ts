import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** A FHIR Patient.id: what every patient route takes, turned into the pseudonymous reference inside. */
export const PATIENT_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export class PatientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PATIENT_ID.test(value)) {
      throw new BadRequestException({
        message: 'The patient id is not valid.',
        errors: [{ field: 'patientId', message: 'must be a FHIR id: 1-64 letters, digits, "-" or "."' }],
      });
    }
    return value;
  }
}

import { NotFoundException } from '@nestjs/common';
import { journeyWorkflowId } from '../../shared/journeys/patient-ref';
import { journeyTypes } from '../../workflows/journey-types';
import { JourneyIdPipe } from './journey-id.pipe';

const pipe = new JourneyIdPipe();

describe(JourneyIdPipe.name, () => {
  it('takes every id the starter gives a journey, with or without an instance', () => {
    for (const type of journeyTypes) {
      for (const instance of [undefined, 'appt-42']) {
        const id = journeyWorkflowId(type.id, 'pat-1001', instance, 'a pseudonym key');
        expect(pipe.transform(id)).toBe(id);
      }
    }
  });

  it.each([
    ['a bare type', 'appointment-reminder'],
    ['a raw patient id', 'appointment-reminder-pat-1001'],
    ['an upper-case reference', `appointment-reminder-${'A'.repeat(32)}`],
    ['a reference one character short', `appointment-reminder-${'a'.repeat(31)}`],
    ['a path', `../appointment-reminder-${'a'.repeat(32)}`],
  ])('answers 404, not 400, for %s: an id that cannot name a journey names none', (_what, id) => {
    expect(() => pipe.transform(id)).toThrow(NotFoundException);
  });

  it('quotes at most 100 characters of what it was given', () => {
    try {
      pipe.transform('x'.repeat(5000));
      throw new Error('accepted');
    } catch (error) {
      const { message } = (error as NotFoundException).getResponse() as { message: string };
      expect(message.length).toBeLessThan(130);
    }
  });
});

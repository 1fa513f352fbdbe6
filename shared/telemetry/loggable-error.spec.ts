import { loggableError } from './loggable-error';

describe('loggableError', () => {
  test('keeps the class, the code and the frames, drops the message that quotes the data', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "Quillon Marchbanks"'), {
      name: 'QueryFailedError',
      code: '22P02',
    });
    const logged = loggableError(error);
    expect(logged).not.toContain('Quillon');
    expect(logged.split('\n')[0]).toBe(
      'QueryFailedError (code 22P02), message withheld as it may quote patient data',
    );
    expect(logged).toMatch(/\n\s+at .*loggable-error\.spec\.ts/);
  });

  test('a multi-line message leaves nothing behind either', () => {
    expect(loggableError(new TypeError('first line\nsecond line with +15550137799'))).not.toContain('+1555');
  });

  test('something that is not an Error is named as such', () => {
    expect(loggableError('+15550137799')).toBe('a non-Error value was thrown');
  });
});

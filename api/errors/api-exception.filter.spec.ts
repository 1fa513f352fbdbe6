import {
  BadRequestException,
  HttpStatus,
  Logger,
  NotFoundException,
  type ArgumentsHost,
} from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';
import { badRequest } from './api-error';

/** What the filter answers for a thrown value: the status and the JSON body it sends. */
function answerTo(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe(ApiExceptionFilter.name, () => {
  let logged: jest.SpiedFunction<Logger['error']>;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('passes a client error on as { message, errors } with its status', () => {
    const error = badRequest('The request is invalid.', [
      { field: 'email', message: 'must be an email address' },
    ]);
    expect(answerTo(error)).toEqual({
      status: 400,
      body: {
        message: 'The request is invalid.',
        errors: [{ field: 'email', message: 'must be an email address' }],
      },
    });
    expect(answerTo(new NotFoundException('No such journey.'))).toEqual({
      status: 404,
      body: { message: 'No such journey.', errors: [] },
    });
  });

  it("turns Nest's own message lists into one sentence", () => {
    const nestShaped = new BadRequestException({
      message: ['a is wrong', 'b is wrong'],
      error: 'Bad Request',
    });
    expect(answerTo(nestShaped).body).toEqual({ message: 'a is wrong; b is wrong', errors: [] });
  });

  it('says what was wrong with an unreadable body, without the parser quoting it back', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected token } in "Quillon Marchbanks"'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(answerTo(new BadRequestException('Bad', { cause: parserError }))).toEqual({
      status: 400,
      body: { message: 'The request body is not valid JSON.', errors: [] },
    });
    expect(
      answerTo(Object.assign(new Error('too big'), { type: 'entity.too.large', status: 413 })).status,
    ).toBe(413);
  });

  it('answers anything unexpected with a plain 500 and a correlation id, its details in the log only', () => {
    const failure = Object.assign(new Error('duplicate key: patient "Quillon Marchbanks"'), {
      code: '23505',
    });
    const { status, body } = answerTo(failure);
    expect(status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
    expect(body).toEqual({
      message: 'Internal error. Quote the correlation id when reporting it.',
      errors: [],
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(body)).not.toContain('Quillon');
    const line = String(logged.mock.calls[0]?.[0]);
    expect(line).toContain(body.correlationId as string);
    expect(line).not.toContain('Quillon');
  });
});

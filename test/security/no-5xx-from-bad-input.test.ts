import request from 'supertest';
import { SMS_INBOUND_PATH, SMS_STATUS_PATH, UNSUBSCRIBE_PATH } from '../../shared/engagement/delivery-links';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/*
 * Security regressions (issue "Secure by default", finding 2): each input below used to answer
 * 500 or hang. Each is now a 4xx that says what was wrong, in well under a second, and writes no
 * audit row in a provider's name.
 */
describe('security: no 5xx and no hang from bad input', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const auditRowsSignedBy = async (signedBy: string) =>
    Number(
      (
        await stack.database.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE actor_name = $1`, [
          signedBy,
        ])
      )[0].n,
    );

  describe.each([SMS_INBOUND_PATH, SMS_STATUS_PATH])('the SMS webhook %s', (path) => {
    test.each([
      ['an empty body', undefined, undefined, undefined],
      ['a text/plain body', 'text/plain', 'STOP', 'abc'],
      ['a JSON body', 'application/json', '{"From":"+15555550100","Body":"STOP"}', 'abc'],
      [
        'a form with a bad signature header',
        'application/x-www-form-urlencoded',
        'From=%2B1555&Body=STOP',
        '%%%',
      ],
      ['a form with a repeated field', 'application/x-www-form-urlencoded', 'From=a&From=b&Body=STOP', 'abc'],
    ])(
      'refuses %s with a 4xx and audits nothing in the provider’s name',
      async (_, type, body, signature) => {
        const before = await auditRowsSignedBy('sms-provider');
        let call = api().post(path);
        if (type) call = call.set('Content-Type', type);
        if (signature) call = call.set('X-Twilio-Signature', signature);
        const response = await (body === undefined ? call : call.send(body));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await auditRowsSignedBy('sms-provider')).toBe(before);
      },
    );
  });

  test.each(['get', 'post'] as const)(
    '%s unsubscribe with the token given twice is a 400 naming token',
    async (method) => {
      const response = await api()[method](`${UNSUBSCRIBE_PATH}?token=a&token=b`).expect(400);
      expect(response.text).toContain('token');
    },
  );

  test('a settings version past any integer column is a 400, not a database error', async () => {
    for (const version of ['2147483648', '99999999999999999999', '-1']) {
      const response = await api()
        .get(`/api/programs/appointment-reminder/settings/versions/${version}`)
        .set('Authorization', DEMO_KEYS.designer);
      expect({ version, status: response.status }).toEqual({ version, status: 400 });
    }
  });

  test('publishing based on a version past int32 is a 400 naming basedOnVersion', async () => {
    const response = await api()
      .post('/api/programs/appointment-reminder/settings')
      .set('Authorization', DEMO_KEYS.designer)
      .send({ basedOnVersion: 2 ** 31, settings: {} })
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'basedOnVersion' })]),
    );
  });

  test('an audit page token past int64 is a 400 naming pageToken', async () => {
    const response = await api()
      .get('/api/audit-events?pageToken=9999999999999999999')
      .set('Authorization', DEMO_KEYS.auditor)
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'pageToken' })]);
  });

  test('a journeys page token this API never issued is a 400 at once, not a 500 after 20 s', async () => {
    const started = Date.now();
    const response = await api()
      .get('/api/journeys?pageToken=AAAA')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'pageToken' })]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

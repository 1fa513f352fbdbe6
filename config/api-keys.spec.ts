import { createHash } from 'node:crypto';
import { parseApiKeys } from './api-keys';

const lenient = { minimumSecretLength: 1 };

describe('parseApiKeys', () => {
  test('reads role=secret pairs and names each key by its role and a fingerprint, never the secret', () => {
    const keys = parseApiKeys('operator=op-secret, integration=int-secret', lenient);
    const fingerprint = createHash('sha256').update('op-secret').digest('hex').slice(0, 8);
    expect(keys).toEqual([
      { role: 'operator', name: `operator-${fingerprint}`, secret: 'op-secret' },
      { role: 'integration', name: expect.stringMatching(/^integration-[0-9a-f]{8}$/), secret: 'int-secret' },
    ]);
    expect(keys.map((key) => key.name).join()).not.toContain('secret');
  });

  test('reads role:name=secret pairs, so the audit trail can say who', () => {
    expect(parseApiKeys('operator:alice=s1,auditor:audit.team@example=s2', lenient)).toEqual([
      { role: 'operator', name: 'alice', secret: 's1' },
      { role: 'auditor', name: 'audit.team@example', secret: 's2' },
    ]);
  });

  test('keeps "=" inside secrets and allows rotated keys of one role', () => {
    const keys = parseApiKeys('designer:old=abc==,designer:new=def=', lenient);
    expect(keys.map((key) => [key.name, key.secret])).toEqual([
      ['old', 'abc=='],
      ['new', 'def='],
    ]);
  });

  test.each([
    ['superuser=abc', /"superuser" is not a role/],
    ['superuser:bob=abc', /"superuser" is not a role/],
    ['just-a-secret-without-role', /"\(empty\)" is not a role/],
    ['=abc', /"\(empty\)" is not a role/],
    ['operator:=abc', /key name must be/],
    ['operator:bob smith=abc', /key name must be/],
    [' , ', /no keys configured/],
  ])('refuses %j', (value, error) => {
    expect(() => parseApiKeys(value, lenient)).toThrow(error);
  });

  test('refuses short secrets and never quotes a secret in an error', () => {
    expect(() => parseApiKeys('operator:alice=short', { minimumSecretLength: 32 })).toThrow(
      'API_KEYS: a operator key is shorter than 32 characters.',
    );
    expect(() => parseApiKeys('top-secret-value', lenient)).not.toThrow(/top-secret/);
  });

  test('an integration key may be scoped to one purpose; no other role takes a scope', () => {
    expect(
      parseApiKeys('integration/ehr-inbound:ehr-engine=abc,integration/portal-inbox=def', lenient),
    ).toEqual([
      { role: 'integration', scope: 'ehr-inbound', name: 'ehr-engine', secret: 'abc' },
      expect.objectContaining({ role: 'integration', scope: 'portal-inbox' }),
    ]);
    expect(() => parseApiKeys('operator/ehr-inbound=abc', lenient)).toThrow(
      /only integration keys take a scope/,
    );
    expect(() => parseApiKeys('integration/everything=abc', lenient)).toThrow(/ehr-inbound, portal-inbox/);
  });
});

import { Client } from 'pg';
import request from 'supertest';
import { adoptPassword, canConnect } from '../../scripts/dev-stack/database-password';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { stackValue, uniqueName } from '../helpers/test-stack';

/*
 * Security regressions (issue "Secure by default", finding 9): the development database has a
 * password of its own installation, not the documented one, and patient data is never cached.
 */
describe('security: data at rest and in caches', () => {
  test('a database role on the documented password is moved to the installation password', async () => {
    const admin = new Client({ connectionString: stackValue('postgresAdminUrl') });
    await admin.connect();
    const role = uniqueName('legacy_role').replace(/-/g, '_');
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'carepath'`);
    const url = (password: string) => {
      const address = new URL(stackValue('postgresAdminUrl'));
      address.username = role;
      address.password = password;
      address.pathname = '/postgres';
      return address.toString();
    };
    try {
      expect(await canConnect(url('carepath'))).toBe(true);
      expect(
        await adoptPassword({
          url: url('generated-secret'),
          legacyPassword: 'carepath',
          password: 'generated-secret',
        }),
      ).toBe(true);
      expect(await canConnect(url('generated-secret'))).toBe(true);
      expect(await canConnect(url('carepath'))).toBe(false);
      // A second start finds it moved already.
      expect(
        await adoptPassword({
          url: url('generated-secret'),
          legacyPassword: 'carepath',
          password: 'generated-secret',
        }),
      ).toBe(false);
    } finally {
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    }
  });

  describe('API answers', () => {
    let stack: ApiStack;
    beforeAll(async () => {
      stack = await startApiStack();
    });
    afterAll(() => stack?.close());

    test('patient data is sent with Cache-Control: no-store', async () => {
      for (const path of ['/api/patients/pat-cache/contact', '/api/journeys', '/api/staff-tasks']) {
        const response = await request(stack.http)
          .get(path)
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200);
        expect({ path, cache: response.headers['cache-control'] }).toEqual({ path, cache: 'no-store' });
      }
    });
  });
});

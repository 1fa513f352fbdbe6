import { isLoopbackAddress, metricsAccessRule } from './metrics-access';

describe(metricsAccessRule.name, () => {
  const token = 'm'.repeat(40);
  const fromLoopback = { authorization: undefined, remoteAddress: '::ffff:127.0.0.1' };
  const fromNetwork = { authorization: undefined, remoteAddress: '10.0.0.7' };

  test('development without a token: this machine only', () => {
    const access = metricsAccessRule(undefined, false);
    expect(access(fromLoopback)).toEqual({ allowed: true });
    expect(access({ ...fromLoopback, remoteAddress: '::1' })).toEqual({ allowed: true });
    expect(access(fromNetwork)).toMatchObject({ allowed: false, status: 403 });
  });

  test('production without a token: nobody, not even on loopback or with an API key', () => {
    const access = metricsAccessRule(undefined, true);
    expect(access(fromLoopback)).toMatchObject({ allowed: false, status: 403 });
    expect(access({ ...fromLoopback, authorization: 'Bearer dev-operator-key' })).toMatchObject({
      allowed: false,
      status: 403,
    });
  });

  test.each([false, true])('with a token (production: %s): its holder only, from anywhere', (production) => {
    const access = metricsAccessRule(token, production);
    expect(access({ ...fromNetwork, authorization: `Bearer ${token}` })).toEqual({ allowed: true });
    expect(access(fromLoopback)).toMatchObject({ allowed: false, status: 401 });
    expect(access({ ...fromLoopback, authorization: `Bearer ${token}x` })).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  test('loopback peers as Node reports them', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([true, true, true]);
    expect(['10.0.0.7', '::ffff:10.0.0.7', undefined].map(isLoopbackAddress)).toEqual([false, false, false]);
  });
});

import { isLoopbackHost } from './loopback';

describe(isLoopbackHost.name, () => {
  test.each(['127.0.0.1', '127.4.5.6', '::1', '[::1]', 'localhost', 'LOCALHOST'])(
    '%s stays on this machine',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );
  test.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'carepath.local', '128.0.0.1'])(
    '%s is reachable from elsewhere',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

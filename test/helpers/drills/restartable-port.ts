import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Linux's default when the kernel's range cannot be read. */
const DEFAULT_EPHEMERAL_LOW = 32_768;
const LOWEST = 10_000;
const ATTEMPTS = 50;

/**
 * A free port for a server the drill stops and starts again on the same port. It is taken below
 * the kernel's ephemeral range: a port from `listen(0)` comes from that range, and while the
 * server is down any outgoing connection on the machine (the API's, a test's) may be given it as
 * its local port, so the restart could not bind it again (the PostgreSQL-restart drill's
 * PostgreSQL once exited at start in CI).
 */
export async function freeRestartablePort(): Promise<number> {
  const below = ephemeralLow();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (below - LOWEST));
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port found between ${LOWEST} and ${below} in ${ATTEMPTS} tries`);
}

function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const parsed = Number(low);
    return Number.isInteger(parsed) && parsed > LOWEST + 1_000 ? parsed : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * How a provider is failing: `refuse` (nothing listens: connection refused), `error` (it answers
 * at once with the protocol's "try later" error), `hang` (it accepts and never says a word).
 */
export type ProviderFault = 'refuse' | 'error' | 'hang';
export type ProviderState = 'up' | ProviderFault;

/** The protocol's own way of saying "not now": what `error` answers. */
export type ErrorReply = { on: 'connect'; bytes: string } | { on: 'first-data'; bytes: string };

export const SMTP_SERVICE_UNAVAILABLE: ErrorReply = {
  on: 'connect',
  bytes: '421 4.3.2 Service not available, closing transmission channel\r\n',
};

const errorBody = JSON.stringify({ code: 20500, message: 'Internal Server Error', status: 500 });
export const HTTP_INTERNAL_SERVER_ERROR: ErrorReply = {
  on: 'first-data',
  bytes:
    'HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(errorBody)}\r\nConnection: close\r\n\r\n${errorBody}`,
};

export interface FlakyProviderProxy {
  /** Where clients should connect instead of the provider itself. */
  port: number;
  setState(state: ProviderState): Promise<void>;
  /**
   * Connections that met an error reply or a silence: proof the outage was felt, not just
   * scheduled. (A refused connection never reaches the proxy; the outreach log shows those.)
   */
  connectionsMet(): Record<'error' | 'hang', number>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a local provider that can play an outage. Because it sits at the socket
 * level, the real client libraries (nodemailer, the Twilio SDK) meet real refused connections,
 * real error replies and real silences, and classify them as they would in production.
 */
export async function startFlakyProviderProxy(
  target: { host: string; port: number },
  errorReply: ErrorReply,
): Promise<FlakyProviderProxy> {
  let state: ProviderState = 'up';
  const met = { error: 0, hang: 0 };
  // Every open socket, so close can end them all; and those piped to the provider, so an outage
  // cuts a pooled keep-alive connection (silenced ones are left to their client's own timeout).
  const sockets = new Set<Socket>();
  const piped = new Set<Socket>();

  function accept(client: Socket): void {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (state === 'up') return pipe(client);
    if (state === 'hang') {
      met.hang += 1;
      client.resume();
      return;
    }
    met.error += 1;
    if (errorReply.on === 'connect') client.end(errorReply.bytes);
    else client.once('data', () => client.end(errorReply.bytes));
  }

  function pipe(client: Socket): void {
    const upstream = connect(target.port, target.host);
    piped.add(client);
    client.on('close', () => {
      piped.delete(client);
      upstream.destroy();
    });
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }

  // A server per listening period: a closed server keeps its open sockets, and a silenced one
  // may stay open until its client gives up.
  let server: Server | null = createServer(accept);
  const port = await listen(server, 0);

  return {
    port,
    async setState(next) {
      if (next === state) return;
      if (state === 'refuse') {
        server = createServer(accept);
        await listen(server, port);
      }
      state = next;
      if (next === 'up') return;
      for (const socket of piped) socket.destroy();
      if (next === 'refuse') {
        server?.close();
        server = null;
      }
    },
    connectionsMet: () => ({ ...met }),
    async close() {
      for (const socket of sockets) socket.destroy();
      server?.close();
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

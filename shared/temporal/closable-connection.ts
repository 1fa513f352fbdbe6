import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { InterceptingCall, Metadata, status, type Interceptor } from '@grpc/grpc-js';

type ConnectionOptions = NonNullable<Parameters<typeof Connection.lazy>[0]>;

/**
 * A Temporal client connection whose calls fail once it is closed, instead of killing the process.
 *
 * The SDK retries a call that met UNAVAILABLE on a timer. When the connection is closed while that
 * timer waits (a shutdown under a call to an unreachable or restarting server), the retry asks
 * the closed channel for a new call, and grpc-js throws "Channel has been shut down" from the
 * timer: an uncaught error, not the caller's rejection. Behind the SDK's own retry interceptor,
 * this one answers such a retry with CANCELLED, which the SDK does not retry: the caller's promise
 * rejects and the process lives on to finish its shutdown.
 */
export function closableConnection(options: ConnectionOptions): Connection {
  let closed = false;
  const connection = Connection.lazy({
    ...options,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), failCallsOnceClosed(() => closed)],
  });
  const close = connection.close.bind(connection);
  connection.close = async () => {
    closed = true;
    await close();
  };
  return connection;
}

/** Connects at once, as `Connection.connect` does (it fails if the server cannot be reached). */
export async function connectClosable(options: ConnectionOptions): Promise<Connection> {
  const connection = closableConnection(options);
  await connection.ensureConnected();
  return connection;
}

function failCallsOnceClosed(isClosed: () => boolean): Interceptor {
  return (options, nextCall) => {
    if (!isClosed()) return new InterceptingCall(nextCall(options));
    return new InterceptingCall(NEVER_STARTED, {
      start(_metadata, listener) {
        // After start returns, as a call's status always arrives.
        setImmediate(() =>
          listener.onReceiveStatus({
            code: status.CANCELLED,
            details: 'The Temporal connection was closed before this call could be retried',
            metadata: new Metadata(),
          }),
        );
      },
      sendMessage() {},
      halfClose() {},
      cancel() {},
    });
  };
}

/** The call below a failed one: nothing is ever passed to it. */
const NEVER_STARTED = {
  cancelWithStatus() {},
  getPeer: () => 'closed',
  start() {},
  sendMessageWithContext() {},
  sendMessage() {},
  startRead() {},
  halfClose() {},
  getAuthContext: () => null,
};

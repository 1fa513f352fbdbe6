import { stringify } from 'yaml';

export interface TemporalServerPorts {
  frontend: number;
  /** gRPC and membership (ringpop) ports of the four services, all on loopback. */
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

export interface SqlConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * A single-host Temporal server config on PostgreSQL (`postgres12` is the driver for PostgreSQL
 * 12 and later), after the server module's config/development-postgres12.yaml, without metrics,
 * pprof, archival or the HTTP API.
 */
export function temporalServerConfig(options: {
  ports: TemporalServerPorts;
  postgres: SqlConnection;
  dynamicConfigFile: string;
  historyShards: number;
}): string {
  const { ports, postgres } = options;
  // Each of the four services opens its own pools: 4 x (10 + 5) stays well below PostgreSQL's
  // default max_connections of 100, leaving room for the API, the worker and the bench.
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true },
  });
  const frontendAddress = `127.0.0.1:${ports.frontend}`;
  return stringify({
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: options.historyShards,
      datastores: {
        'postgres-default': store('temporal', 10),
        'postgres-visibility': store('temporal_visibility', 5),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: frontendAddress,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    // The system worker (the server's own workflows) reaches the frontend here.
    publicClient: { hostPort: frontendAddress },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  });
}

import { Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeRestartablePort } from './restartable-port';
import {
  startTemporalDevServer,
  type RunningDevServer,
} from '../../../scripts/dev-stack/temporal-dev-server';
import { locateTemporalCli } from '../../../scripts/toolchain/temporal-cli';

/**
 * A Temporal dev server of the drill's own (the shared one serves every other test file), with
 * its persistent SQLite file and a fixed port, so it can be stopped and started again with every
 * journey it holds, as `npm start` does across restarts.
 */
export class RestartableTemporal {
  private server: RunningDevServer | undefined;
  /** How many times it was stopped and then really refused calls. */
  outages = 0;

  private constructor(
    private readonly cliPath: string | undefined,
    private readonly dir: string,
    private readonly port: number,
    readonly namespace: string,
  ) {}

  static async start(namespace: string): Promise<RestartableTemporal> {
    const cliPath = await locateTemporalCli(() => undefined);
    const temporal = new RestartableTemporal(
      cliPath,
      mkdtempSync(join(tmpdir(), 'carepath-drill-temporal-')),
      await freeRestartablePort(),
      namespace,
    );
    await temporal.startServer();
    return temporal;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Stops the server (SIGTERM, as an operator would) and checks it really stopped answering. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
    if (!(await this.answers())) this.outages += 1;
  }

  async restart(): Promise<void> {
    await this.startServer();
  }

  async destroy(): Promise<void> {
    await this.server?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startServer(): Promise<void> {
    this.server = await startTemporalDevServer({
      cliPath: this.cliPath,
      port: this.port,
      namespace: this.namespace,
      dbFile: join(this.dir, 'temporal.sqlite'),
      logFile: join(this.dir, 'temporal.log'),
    });
  }

  private async answers(): Promise<boolean> {
    try {
      const connection = await Connection.connect({ address: this.address, connectTimeout: 2000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: this.namespace });
        return true;
      } finally {
        await connection.close();
      }
    } catch {
      return false;
    }
  }
}

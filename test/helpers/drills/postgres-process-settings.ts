/** What the test process tells the drill's PostgreSQL process (postgres-process.ts). */
export interface PostgresProcessSettings {
  dataDir: string;
  port: number;
  /** Created when missing, before the ready line. */
  databases: string[];
}

export const POSTGRES_SETTINGS_ENV = 'CAREPATH_DRILL_POSTGRES';

export const POSTGRES_READY_LINE = 'drill postgres: accepting connections';

/** What the test process tells a drill worker process (worker-process.ts), through one env variable. */
export interface DrillWorkerSettings {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  databaseUrl: string;
  /** The provider sandbox's environment (SMTP_URL, TWILIO_*), as sandboxEngagement takes it. */
  providerEnv: Record<string, string>;
  publicBaseUrl: string;
  /** The workflow bundle written once by the test: bundling in every restarted worker takes seconds. */
  workflowBundlePath: string;
}

export const DRILL_WORKER_SETTINGS_ENV = 'CAREPATH_DRILL_WORKER';

/** Printed once the worker polls its task queue. */
export const WORKER_READY_LINE = 'drill worker: polling';

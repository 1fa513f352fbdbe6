/** Names shared by the global setup and the helpers that read what it started. */
export const TEST_NAMESPACE = 'carepath-test';

export const TEST_STACK_ENV = {
  postgresAdminUrl: 'CAREPATH_TEST_POSTGRES_ADMIN_URL',
  temporalAddress: 'CAREPATH_TEST_TEMPORAL_ADDRESS',
  testServerPath: 'CAREPATH_TEST_SERVER_PATH',
} as const;

export function stackValue(name: keyof typeof TEST_STACK_ENV): string {
  const value = process.env[TEST_STACK_ENV[name]];
  if (!value)
    throw new Error(
      `${TEST_STACK_ENV[name]} is not set: only jest's integration project (*.test.ts) starts PostgreSQL ` +
        'and Temporal; a unit spec (*.spec.ts) reaches no server. Name the file *.test.ts.',
    );
  return value;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

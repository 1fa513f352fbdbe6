/**
 * What of an unexpected error may go to the log: its class, a driver's error code and the stack
 * frames, never the message. Messages from drivers and libraries quote the data they failed on
 * (`invalid input syntax for type uuid: "<value>"`, a duplicate key's value), which can be a
 * patient's. The correlation id logged beside it ties the entry to the caller's report.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return 'a non-Error value was thrown';
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === 'string' || typeof code === 'number' ? ` (code ${code})` : '';
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}${codeText}, message withheld as it may quote patient data`, ...frames].join('\n');
}

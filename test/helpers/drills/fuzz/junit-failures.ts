/** One problem Schemathesis found, as its JUnit report words it. */
export interface FuzzFailure {
  operation: string;
  /** `ST103 Undocumented status code`, `Server error`, `Schema Error`... */
  check: string;
  received?: string;
  documented?: string;
  /** Its reproduction, as a curl command. */
  request?: string;
  response?: string;
}

/**
 * The failed and errored cases of Schemathesis' JUnit report. Regular expressions are enough for
 * its flat shape (testsuite > testcase > failure | error with a plain-text body); a new
 * dependency to parse one file would be more to keep than this.
 */
export function failuresInJunit(xml: string): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const operation = unescapeXml(/\bname="([^"]*)"/.exec(testcase[1] ?? '')?.[1] ?? '?');
    for (const problem of (testcase[2] ?? '').matchAll(
      /<(failure|error)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g,
    )) {
      failures.push({ operation, ...describe(unescapeXml(problem[2] ?? '')) });
    }
  }
  return failures;
}

/** One line per problem: what was asked, what came back, what the document allows. */
export function formatFailure(failure: FuzzFailure): string {
  return [
    `${failure.operation}: ${failure.check}`,
    failure.received ? `got ${failure.received}` : undefined,
    failure.documented ? `documented ${failure.documented}` : undefined,
    failure.response ? `response ${failure.response}` : undefined,
    failure.request ? `request: ${failure.request}` : undefined,
  ]
    .filter(Boolean)
    .join(' | ');
}

function describe(body: string): Omit<FuzzFailure, 'operation'> {
  const checks = [...body.matchAll(/^- (.+)$/gm)].map((match) => match[1]!.trim());
  const firstLines = body.trim().split(/\n\s*\n/, 2);
  const field = (pattern: RegExp) => pattern.exec(body)?.[1]?.trim();
  return {
    check: checks.length > 0 ? checks.join('; ') : firstLines.join(': ').replace(/\s+/g, ' '),
    ...optional('received', field(/^\s*Received: (.+)$/m)),
    ...optional('documented', field(/^\s*Documented: (.+)$/m)),
    ...optional('response', field(/^\[\d{3}\][^\n]*\n\s*\n\s*`?([^\n]+?)`?\s*$/m)),
    ...optional('request', field(/^\s*(curl .+)$/m)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

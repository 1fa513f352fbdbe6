/**
 * Whether an RFC 7240 `Prefer` header asks for `respond-async`: preferences are comma-separated,
 * each a token with optional parameters (`respond-async; foo=bar`), tokens case-insensitive.
 */
export function prefersRespondAsync(prefer: string | undefined): boolean {
  if (!prefer) return false;
  return prefer
    .split(',')
    .some((preference) => preference.split(';')[0]!.trim().toLowerCase() === 'respond-async');
}

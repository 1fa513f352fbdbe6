import type { ELK } from 'elkjs/lib/elk-api';

let loadingElk: Promise<ELK> | undefined;

/**
 * ELK is most of the designer's bundle, so it loads with the first map rather than with the app.
 * Its bundled build lays out in the calling thread (a large journey takes a fraction of a second).
 */
export function loadElk(): Promise<ELK> {
  loadingElk ??= import('elkjs/lib/elk.bundled.js').then(
    ({ default: ElkConstructor }) => new ElkConstructor(),
    (error: unknown) => {
      loadingElk = undefined; // let the next map try again
      throw error;
    },
  );
  return loadingElk;
}

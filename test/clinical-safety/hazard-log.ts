import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Reads the hazard log and the tests' titles, so a test can hold each row to its evidence. Rows
 * are the markdown table rows whose first cell is a hazard id; tests name a hazard as `[HZ-12]`
 * in their own title or in the title of a describe block around them.
 */

export const HAZARD_LOG_PATH = 'docs/clinical-safety/hazard-log.md';

export interface HazardRow {
  id: string;
  line: number;
  cells: string[];
  /** Test files named in the Evidence cell (in backticks). */
  evidence: string[];
}

const HAZARD_ID = /^HZ-\d{2,3}$/;
const TEST_FILE = /`([\w./-]+\.(?:test|spec)\.tsx?)`/g;
const EVIDENCE_COLUMN = 6;

export function readHazardRows(root: string): HazardRow[] {
  const text = readFileSync(join(root, HAZARD_LOG_PATH), 'utf8');
  return text.split('\n').flatMap((raw, index): HazardRow[] => {
    if (!raw.startsWith('|')) return [];
    const cells = raw
      .slice(1, raw.trimEnd().endsWith('|') ? raw.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (!HAZARD_ID.test(cells[0] ?? '')) return [];
    const evidenceCell = cells[EVIDENCE_COLUMN] ?? '';
    return [
      {
        id: cells[0]!,
        line: index + 1,
        cells,
        evidence: [...evidenceCell.matchAll(TEST_FILE)].map((match) => match[1]!),
      },
    ];
  });
}

/** A test or describe title, with the file it is in. */
export interface TestTitle {
  file: string;
  title: string;
}

// `it('...'`, `test.concurrent("..."`, `describe(`...``; the title is the first argument's literal.
const TITLE =
  /\b(?:it|test|describe)(?:\.(?:only|skip|concurrent|failing))?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g;

export function readTestTitles(root: string): TestTitle[] {
  return testFiles(root).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(TITLE)].map((match) => ({ file, title: match[2]! }));
  });
}

export function hazardIdsIn(title: string): string[] {
  return [...title.matchAll(/\[(HZ-\d{2,3})\]/g)].map((match) => match[1]!);
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.data', 'coverage', 'test-output']);

function testFiles(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : testFiles(root, path);
    return /\.(?:test|spec)\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

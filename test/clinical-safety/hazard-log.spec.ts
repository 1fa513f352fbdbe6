import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hazardIdsIn, readHazardRows, readTestTitles, HAZARD_LOG_PATH } from './hazard-log';

/*
 * The hazard log is evidence, not prose: a control counts only with a test that proves it. This
 * test fails the build when a row names a test file that does not exist, names a file with no test
 * tagged with the row's id, names no test at all, or when a test claims a hazard the log lacks.
 */

const root = join(__dirname, '..', '..');
const rows = readHazardRows(root);
const titles = readTestTitles(root);

describe('the hazard log', () => {
  it('has rows, each with a unique id and every column filled', () => {
    expect(rows.length).toBeGreaterThan(0);
    const ids = rows.map((row) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const incomplete = rows
      .filter((row) => row.cells.length < 8 || row.cells.slice(0, 8).some((cell) => cell === ''))
      .map((row) => `${row.id} (${HAZARD_LOG_PATH}:${row.line})`);
    expect(incomplete).toEqual([]);
  });

  it('names, for every hazard, existing test files that each hold a test tagged with its id', () => {
    const problems = rows.flatMap((row) => {
      if (row.evidence.length === 0) return [`${row.id}: names no test file in its Evidence column`];
      return row.evidence.flatMap((file) => {
        if (!existsSync(join(root, file))) return [`${row.id}: ${file} does not exist`];
        const tagged = titles.some((test) => test.file === file && hazardIdsIn(test.title).includes(row.id));
        return tagged ? [] : [`${row.id}: no test in ${file} has [${row.id}] in its title`];
      });
    });
    expect(problems).toEqual([]);
  });

  it('has a row for every hazard a test names', () => {
    const known = new Set(rows.map((row) => row.id));
    const orphans = titles.flatMap((test) =>
      hazardIdsIn(test.title)
        .filter((id) => !known.has(id))
        .map((id) => `${test.file}: "${test.title}" names ${id}, which the log does not have`),
    );
    expect(orphans).toEqual([]);
  });
});

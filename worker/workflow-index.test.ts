import fs from 'node:fs';
import path from 'node:path';
import { journeyModules } from '../workflows/journeys';
import { workflowIndexSource } from './workflow-index';

describe(workflowIndexSource.name, () => {
  const source = workflowIndexSource(journeyModules);

  it.each(journeyModules.map((journey) => [journey.id, journey.workflowType, journey.folder]))(
    '%s: exports %s from the workflow file in its folder',
    (id, workflowType, folder) => {
      const file = path.resolve(__dirname, '..', folder, `${id}.workflow`);
      expect(fs.existsSync(`${file}.ts`)).toBe(true);
      expect(source).toContain(
        `${JSON.stringify(workflowType)}: (input) => require(${JSON.stringify(file)})`,
      );
    },
  );

  it('keeps the system workflows of workflows/index.ts', () => {
    expect(source).toContain(
      `...require(${JSON.stringify(path.resolve(__dirname, '..', 'workflows', 'index'))})`,
    );
  });
});

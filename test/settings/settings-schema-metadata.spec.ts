import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { journeyTypes } from '../../workflows/journey-types';

type Node = Record<string, unknown>;

const branchesOf = (node: Node): Node[] =>
  (['anyOf', 'oneOf', 'allOf'] as const).flatMap((keyword) => (node[keyword] as Node[] | undefined) ?? []);

/** Every property of every object in the schema, with its path: what the settings screen labels. */
function properties(node: Node, path: string): Array<{ path: string; node: Node }> {
  const own = Object.entries((node.properties as Record<string, Node> | undefined) ?? {}).flatMap(
    ([key, child]) => [{ path: `${path}.${key}`, node: child }, ...properties(child, `${path}.${key}`)],
  );
  const items = node.items as Node | undefined;
  return [
    ...own,
    ...(items ? properties(items, `${path}[]`) : []),
    ...branchesOf(node).flatMap((branch) => properties(branch, path)),
  ];
}

const titleOf = (node: Node): unknown => node.title ?? branchesOf(node).find((branch) => branch.title)?.title;

describe('settings schemas', () => {
  const settings = journeyTypes.filter((type) => type.settingsSchema);

  test.each(settings.map((type) => [type.id, type] as const))(
    '%s names every field with a title, as the settings screen shows it',
    (_id, type) => {
      const schema = z.toJSONSchema(type.settingsSchema!, { io: 'input', unrepresentable: 'any' }) as Node;
      const untitled = properties(schema, type.id)
        .filter(({ node }) => typeof titleOf(node) !== 'string')
        .map(({ path }) => path);
      expect(untitled).toEqual([]);
    },
  );

  test('numbers of time carry their unit', () => {
    const oncology = journeyTypes.find((type) => type.id === 'oncology-fast-track')!;
    const schema = z.toJSONSchema(oncology.settingsSchema!, { io: 'input' }) as Node;
    const props = schema.properties as Record<string, Node>;
    expect(props.warnDaysBefore).toMatchObject({ title: 'Warning before a deadline', unit: 'days' });
    const profiles = props.profiles!.properties as Record<string, Node>;
    expect(profiles.dilo!.title).toBe('DiLO (Poland)');
    expect(profiles['nhs-england']!.title).toBe('NHS England');
  });
});

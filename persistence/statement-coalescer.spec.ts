import { StatementCoalescer } from './statement-coalescer';

describe(StatementCoalescer.name, () => {
  /** A statement runner that answers when told to, recording each statement's items. */
  function manualRunner() {
    const statements: Array<{ items: number[]; answer: (results: string[] | Error) => void }> = [];
    const runAll = (items: number[]) =>
      new Promise<string[]>((resolve, reject) => {
        statements.push({
          items,
          answer: (results) => (results instanceof Error ? reject(results) : resolve(results)),
        });
      });
    return { statements, runAll };
  }
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('sends a lone call at once, and those asked while it runs together in the next statement', async () => {
    const { statements, runAll } = manualRunner();
    const coalescer = new StatementCoalescer(runAll);
    const first = coalescer.run(1);
    await settled();
    expect(statements.map(({ items }) => items)).toEqual([[1]]);
    const later = [coalescer.run(2), coalescer.run(3), coalescer.run(4)];
    await settled();
    expect(statements).toHaveLength(1);

    statements[0]!.answer(['one']);
    expect(await first).toBe('one');
    await settled();
    expect(statements.map(({ items }) => items)).toEqual([[1], [2, 3, 4]]);
    statements[1]!.answer(['two', 'three', 'four']);
    expect(await Promise.all(later)).toEqual(['two', 'three', 'four']);
  });

  it('fails every caller of a statement that failed or answered for the wrong count, and runs the next', async () => {
    const { statements, runAll } = manualRunner();
    const coalescer = new StatementCoalescer(runAll);
    const lone = coalescer.run(1);
    const together = [coalescer.run(2), coalescer.run(3)];
    await settled();
    statements[0]!.answer(new Error('relation does not exist'));
    await expect(lone).rejects.toThrow('relation does not exist');
    await settled();
    statements[1]!.answer(['only one']);
    const outcomes = await Promise.allSettled(together);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);

    const after = coalescer.run(4);
    await settled();
    statements[2]!.answer(['four']);
    expect(await after).toBe('four');
  });

  it('bounds a statement to maxItems, the rest going in the next', async () => {
    const { statements, runAll } = manualRunner();
    const coalescer = new StatementCoalescer(runAll, { maxItems: 2 });
    const calls = [1, 2, 3, 4].map((item) => coalescer.run(item));
    await settled();
    statements[0]!.answer(['a']);
    await settled();
    statements[1]!.answer(['b', 'c']);
    await settled();
    statements[2]!.answer(['d']);
    expect(await Promise.all(calls)).toEqual(['a', 'b', 'c', 'd']);
    expect(statements.map(({ items }) => items)).toEqual([[1], [2, 3], [4]]);
  });

  it('sends at once while fewer than `concurrency` statements are under way, then coalesces', async () => {
    const { statements, runAll } = manualRunner();
    const coalescer = new StatementCoalescer(runAll, { concurrency: 2 });
    const calls = [1, 2, 3, 4].map((item) => coalescer.run(item));
    await settled();
    expect(statements.map(({ items }) => items)).toEqual([[1], [2]]);
    statements[1]!.answer(['b']);
    await settled();
    expect(statements.map(({ items }) => items)).toEqual([[1], [2], [3, 4]]);
    statements[0]!.answer(['a']);
    statements[2]!.answer(['c', 'd']);
    expect(await Promise.all(calls)).toEqual(['a', 'b', 'c', 'd']);
  });
});

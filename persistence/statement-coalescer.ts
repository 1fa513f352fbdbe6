/**
 * Statements asked for while `concurrency` are under way go together in the next one: one round
 * trip (and, for writes, one log flush) for all of them instead of one each. One asked for while
 * fewer are under way is sent at once, so a caller waits behind another statement only when
 * several are already in flight (each wait is a round trip more, which a busy machine makes
 * long), and every caller's statement is sent after it asked (a read sees what was committed
 * before). Each caller's promise settles with its own part of the result, or with the
 * statement's error: a write is never reported done unless it committed.
 */
export class StatementCoalescer<Item, Result> {
  private queued: Array<{ item: Item; settle: (outcome: { result?: Result; error?: unknown }) => void }> = [];
  private running = 0;

  /**
   * `runAll` runs the items in one statement and returns one result per item, in their order.
   * `concurrency`: statements under way at once; `maxItems` bounds a statement's size.
   */
  constructor(
    private readonly runAll: (items: Item[]) => Promise<Result[]>,
    private readonly options: { concurrency?: number; maxItems?: number } = {},
  ) {}

  run(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queued.push({
        item,
        settle: ({ result, error }) => (error === undefined ? resolve(result as Result) : reject(error)),
      });
      if (this.running < (this.options.concurrency ?? 1)) this.runNext();
    });
  }

  private runNext(): void {
    const batch = this.queued.splice(0, this.options.maxItems ?? 200);
    if (batch.length === 0) return;
    this.running += 1;
    // Inside a promise chain: even a runAll that throws before its first await settles every caller.
    Promise.resolve(batch.map(({ item }) => item))
      .then((items) => this.runAll(items))
      .then((results) => {
        if (results.length !== batch.length) {
          throw new Error(
            `A coalesced statement returned ${results.length} results for ${batch.length} items.`,
          );
        }
        batch.forEach(({ settle }, index) => settle({ result: results[index] }));
      })
      .catch((error: unknown) => {
        for (const { settle } of batch) settle({ error: error ?? new Error('The statement failed.') });
      })
      .finally(() => {
        this.running -= 1;
        this.runNext();
      });
  }
}

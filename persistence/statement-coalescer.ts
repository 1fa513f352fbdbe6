/**
 * Statements asked for while one is under way go together in the next one: one round trip (and,
 * for writes, one log flush) for all of them instead of one each, as PostgreSQL's own group
 * commit would have them. One asked for when none is under way is sent at once, so a lone request
 * waits for nothing more than its own statement, and every caller's statement is sent after it
 * asked (a read sees what was committed before). Each caller's promise settles with its own part
 * of the result, or with the statement's error: a write is never reported done unless it committed.
 */
export class StatementCoalescer<Item, Result> {
  private queued: Array<{ item: Item; settle: (outcome: { result?: Result; error?: unknown }) => void }> = [];
  private running = false;

  /**
   * `runAll` runs the items in one statement and returns one result per item, in their order.
   * `maxItems` bounds a statement's size when many arrive at once.
   */
  constructor(
    private readonly runAll: (items: Item[]) => Promise<Result[]>,
    private readonly maxItems = 200,
  ) {}

  run(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queued.push({
        item,
        settle: ({ result, error }) => (error === undefined ? resolve(result as Result) : reject(error)),
      });
      if (!this.running) this.runNext();
    });
  }

  private runNext(): void {
    const batch = this.queued.splice(0, this.maxItems);
    if (batch.length === 0) {
      this.running = false;
      return;
    }
    this.running = true;
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
      .finally(() => this.runNext());
  }
}

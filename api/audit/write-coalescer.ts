/**
 * Writes that arrive while one is under way go together in the next statement, as PostgreSQL's
 * own group commit would have them: one round trip and one log flush for all of them instead of
 * one each. A write arriving when none is under way is sent at once, so a lone request waits for
 * nothing more than its own statement. Each caller's promise settles with its own part of the
 * result, or with the statement's error: a write is never reported done unless it committed.
 */
export class WriteCoalescer<Item, Result> {
  private queued: Array<{ item: Item; settle: (outcome: { result?: Result; error?: unknown }) => void }> = [];
  private writing = false;

  /**
   * `writeAll` writes the items in one statement and returns one result per item, in their order.
   * `maxItems` bounds a statement's size when many arrive at once.
   */
  constructor(
    private readonly writeAll: (items: Item[]) => Promise<Result[]>,
    private readonly maxItems = 200,
  ) {}

  write(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queued.push({
        item,
        settle: ({ result, error }) => (error === undefined ? resolve(result as Result) : reject(error)),
      });
      if (!this.writing) this.writeNext();
    });
  }

  private writeNext(): void {
    const batch = this.queued.splice(0, this.maxItems);
    if (batch.length === 0) {
      this.writing = false;
      return;
    }
    this.writing = true;
    this.writeAll(batch.map(({ item }) => item))
      .then((results) => {
        if (results.length !== batch.length) {
          throw new Error(`A coalesced write returned ${results.length} results for ${batch.length} items.`);
        }
        batch.forEach(({ settle }, index) => settle({ result: results[index] }));
      })
      .catch((error: unknown) => {
        for (const { settle } of batch) settle({ error: error ?? new Error('The write failed.') });
      })
      .finally(() => this.writeNext());
  }
}

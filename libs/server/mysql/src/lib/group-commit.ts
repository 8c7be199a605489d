/**
 * What one batch answers for each of its items, in their order: a value, or the error that item
 * alone is refused with (the others still commit).
 */
export type BatchAnswers<O> = Array<O | Error>;

export interface GroupCommitLimits {
  /** Items one batch may take at most; 1 writes every item in a transaction of its own. */
  maxBatch?: number;
  /**
   * Batches written at once. Two let the next batch begin while the last one commits; more only
   * queue behind the same locks.
   */
  maxInFlight?: number;
}

function atLeastOne(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer ≥ 1, not ${value}`);
  return value;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while batches are being written wait, and go together as the next
 * batch, so N concurrent writers cost one transaction (and one log flush) instead of N. Nothing
 * waits for a timer: an item that finds a free slot starts a batch at once, so a quiet service
 * answers as fast as before, and batches grow only as concurrency does.
 *
 * When a whole batch fails (a constraint one item broke, a lost connection), each of its items is
 * written again alone, so one bad item fails only its own request.
 */
export class GroupCommit<I, O> {
  private readonly queue: Array<Waiting<I, O>> = [];
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly commit: (items: I[]) => Promise<BatchAnswers<O>>,
    limits: GroupCommitLimits = {},
  ) {
    this.maxBatch = atLeastOne('maxBatch', limits.maxBatch ?? 50);
    this.maxInFlight = atLeastOne('maxInFlight', limits.maxInFlight ?? 2);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      this.inFlight++;
      void this.write(this.queue.splice(0, this.maxBatch)).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async write(batch: Array<Waiting<I, O>>): Promise<void> {
    try {
      settle(batch, await this.answersFor(batch));
    } catch (error) {
      if (batch.length === 1) return void batch[0]?.reject(error);
      for (const waiting of batch) await this.write([waiting]);
    }
  }

  private async answersFor(batch: Array<Waiting<I, O>>): Promise<BatchAnswers<O>> {
    const answers = await this.commit(batch.map((w) => w.item));
    if (answers.length !== batch.length)
      throw new Error(`a batch of ${batch.length} was answered with ${answers.length} answers`);
    return answers;
  }
}

function settle<I, O>(batch: Array<Waiting<I, O>>, answers: BatchAnswers<O>): void {
  batch.forEach((waiting, index) => {
    const answer = answers[index] as O | Error;
    if (answer instanceof Error) waiting.reject(answer);
    else waiting.resolve(answer);
  });
}

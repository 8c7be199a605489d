import { describe, expect, it } from 'vitest';
import { GroupCommit, type BatchAnswers } from './group-commit';

/** A commit that records each batch it was given and can be held open until released. */
function recordingCommit(answer: (item: number) => number | Error = (item) => item * 10) {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  let held: Promise<void> | undefined;
  return {
    batches,
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    commit: async (items: number[]): Promise<BatchAnswers<number>> => {
      batches.push(items);
      if (held) {
        const waiting = held;
        held = undefined;
        await waiting;
      }
      if (items.includes(13) && items.length > 1) throw new Error('a constraint item 13 broke');
      if (items.includes(13)) throw new Error('item 13 alone is refused');
      return items.map(answer);
    },
  };
}

describe('GroupCommit', () => {
  it('writes an item that finds nothing in flight at once, alone', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit);

    expect(await group.submit(1)).toBe(10);
    expect(await group.submit(2)).toBe(20);
    expect(writer.batches).toEqual([[1], [2]]);
  });

  it('gathers the items submitted while a batch is written into the next batch, in order', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit, { maxInFlight: 1 });
    writer.hold();
    const first = group.submit(1);
    const later = [2, 3, 4].map((n) => group.submit(n));
    writer.release();

    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit, { maxBatch: 2, maxInFlight: 1 });
    writer.hold();
    const all = [1, 2, 3, 4, 5].map((n) => group.submit(n));
    writer.release();
    await Promise.all(all);

    expect(writer.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('refuses only the item its batch answered with an error', async () => {
    const writer = recordingCommit((item) => (item === 3 ? new Error('no dealership 3') : item));
    const group = new GroupCommit(writer.commit, { maxInFlight: 1 });
    writer.hold();
    const first = group.submit(1);
    const [two, three, four] = [2, 3, 4].map((n) => group.submit(n));
    writer.release();

    await expect(three).rejects.toThrow('no dealership 3');
    expect(await Promise.all([first, two, four])).toEqual([1, 2, 4]);
    expect(writer.batches).toHaveLength(2);
  });

  it('writes each item of a failed batch again alone, so only the bad one fails', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit, { maxInFlight: 1 });
    writer.hold();
    const first = group.submit(1);
    const [twelve, thirteen, fourteen] = [12, 13, 14].map((n) => group.submit(n));
    writer.release();

    await expect(thirteen).rejects.toThrow('item 13 alone is refused');
    expect(await Promise.all([first, twelve, fourteen])).toEqual([10, 120, 140]);
    expect(writer.batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });

  it('starts a second batch while the first is written, and gathers the rest behind them', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit, { maxInFlight: 2 });
    writer.hold();
    const all = [1, 2, 3, 4].map((n) => group.submit(n));
    writer.release();

    expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
    expect(writer.batches).toEqual([[1], [2], [3, 4]]);
  });

  it('writes each item in a transaction of its own with a batch of one, as many at once as allowed', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit, { maxBatch: 1, maxInFlight: 10 });
    writer.hold();
    const all = [1, 2, 3].map((n) => group.submit(n));
    // All three started before the first was released: none waited for another.
    expect(writer.batches).toEqual([[1], [2], [3]]);
    writer.release();

    expect(await Promise.all(all)).toEqual([10, 20, 30]);
  });

  it('refuses limits below one', () => {
    expect(() => new GroupCommit(recordingCommit().commit, { maxBatch: 0 })).toThrow(RangeError);
    expect(() => new GroupCommit(recordingCommit().commit, { maxInFlight: 1.5 })).toThrow(RangeError);
  });

  it('keeps working after a batch failed', async () => {
    const writer = recordingCommit();
    const group = new GroupCommit(writer.commit);

    await expect(group.submit(13)).rejects.toThrow('alone is refused');
    expect(await group.submit(5)).toBe(50);
  });
});

import { describe, expect, it } from 'vitest';
import { GroupedAppends } from './grouped-appends';

/** A write that holds until released, recording each group it was given. */
function recordingWrite() {
  const groups: string[][] = [];
  const releases: ((error?: Error) => void)[] = [];
  const write = (rows: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      groups.push([...rows]);
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  const release = async (error?: Error) => {
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.(error);
  };
  return { groups, write, release };
}

describe('grouped appends', () => {
  it('when nothing is being written, then a batch is written at once and alone', async () => {
    const { groups, write, release } = recordingWrite();
    const appends = new GroupedAppends(write);

    const done = appends.append(['a1', 'a2']);
    await release();

    await expect(done).resolves.toBeUndefined();
    expect(groups).toEqual([['a1', 'a2']]);
  });

  it('when batches arrive during a write, then they are written next as one group, in arrival order', async () => {
    const { groups, write, release } = recordingWrite();
    const appends = new GroupedAppends(write);

    const first = appends.append(['a']);
    const second = appends.append(['b1', 'b2']);
    const third = appends.append(['c']);
    await release();
    await release();

    await Promise.all([first, second, third]);
    expect(groups).toEqual([['a'], ['b1', 'b2', 'c']]);
    await expect(appends.idle()).resolves.toBeUndefined();
  });

  it('when a group’s write fails, then its batches fail and the next group is still written', async () => {
    const { groups, write, release } = recordingWrite();
    const appends = new GroupedAppends(write);

    const firstThree = Promise.allSettled([
      appends.append(['a']),
      appends.append(['b']),
      appends.append(['c']),
    ]);
    await release();
    await release(new Error('disk full'));
    const fourth = appends.append(['d']);
    await release();

    expect(
      (await firstThree).map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.status)),
    ).toEqual(['fulfilled', 'disk full', 'disk full']);
    await expect(fourth).resolves.toBeUndefined();
    expect(groups).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('waits for the batches handed in so far before it says it is idle', async () => {
    const { write, release } = recordingWrite();
    const appends = new GroupedAppends(write);
    let idle = false;

    void appends.append(['a']);
    const idled = appends.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);

    await release();
    await idled;
    expect(idle).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { startForTheseTests } from './for-these-tests';

class Counter {
  private count = 0;
  readonly handler = () => 'own function';
  next(): number {
    return ++this.count;
  }
  async close(): Promise<void> {
    closed.push(this.count);
  }
}
const closed: number[] = [];

describe('startForTheseTests', () => {
  const counter = startForTheseTests(async () => new Counter());
  let readTooEarly: unknown;
  try {
    void counter.next;
  } catch (error) {
    readTooEarly = error;
  }

  it('refuses to be read while the file is collected, before anything started', () => {
    expect(String(readTooEarly)).toContain('read next before the tests started');
  });

  it('stands for what was started: methods keep their instance, own functions stay themselves', () => {
    expect(counter.next()).toBe(1);
    expect(counter.next()).toBe(2);
    expect(counter.handler()).toBe('own function');
    expect(counter.handler).toBe(counter.handler);
    expect(closed).toEqual([]);
  });
});

describe('after the tests of the block above', () => {
  it('closed what it started', () => {
    expect(closed).toEqual([2]);
  });
});

import { afterAll, beforeAll } from 'vitest';

/**
 * Something a test file (or describe block) runs against: `start` runs before its tests, `close`
 * after them. The returned object stands for what `start` resolved to (its properties and methods,
 * class instances included; it is read-only); reading it before the tests run throws, saying so.
 */
export function startForTheseTests<T extends { close(): Promise<unknown> }>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.close());
  return new Proxy({} as T, {
    get(_target, key) {
      if (started === undefined) {
        throw new Error(`read ${String(key)} before the tests started: use it in tests and hooks`);
      }
      const value: unknown = Reflect.get(started, key);
      // A class's methods need their instance; a function the object holds (an Express app) is itself.
      return typeof value === 'function' && !Object.hasOwn(started, key) ? value.bind(started) : value;
    },
  });
}

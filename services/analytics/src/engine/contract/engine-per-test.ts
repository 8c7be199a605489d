import { afterEach, beforeEach } from 'vitest';
import type { AnalyticsEngine } from '../port';

/**
 * A fresh engine for each test of the enclosing describe (ready() awaited, closed afterwards),
 * handed out as one stable object: the family modules take it once, when their tests are declared,
 * and each test's `engine.append(…)` reaches that test's own instance.
 */
export function enginePerTest(makeEngine: () => AnalyticsEngine | Promise<AnalyticsEngine>): AnalyticsEngine {
  let current: AnalyticsEngine | null = null;

  beforeEach(async () => {
    current = await makeEngine();
    await current.ready();
  });

  afterEach(async () => {
    await current?.close();
    current = null;
  });

  return new Proxy({} as AnalyticsEngine, {
    get(_target, property) {
      if (!current) throw new Error('the contract engine exists only while a test runs');
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

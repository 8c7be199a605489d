import { describe } from 'vitest';
import { enginePerTest } from './contract/engine-per-test';
import { describeExport } from './contract/export';
import { describeLeadsAndFunnel } from './contract/leads-and-funnel';
import { describeLot } from './contract/lot';
import { describePeriods } from './contract/periods';
import { describeResponses } from './contract/responses';
import { describeSearches } from './contract/searches';
import { describeStoring } from './contract/storing';
import type { AnalyticsEngine } from './port';

/**
 * The contract every analytics engine keeps (port.ts says what each method means). Each test
 * stores a handful of hand-made events and compares the engine's answer with figures worked out by
 * hand in the comments beside them, so an engine that drifts from the others fails here first.
 * The tests live per report family in contract/ (fixtures.ts holds the shared events); this is the
 * one entry the engines' test files call.
 *
 * Run it for an engine with `describeEngineContract('duckdb', () => new DuckDbEngine(...))`; each
 * test gets a fresh engine (ready() awaited) and closes it afterwards.
 */
export function describeEngineContract(
  name: string,
  makeEngine: () => AnalyticsEngine | Promise<AnalyticsEngine>,
): void {
  describe(`the ${name} analytics engine keeps the engine contract`, () => {
    const engine = enginePerTest(makeEngine);

    describeStoring(engine);
    describePeriods(engine);
    describeLeadsAndFunnel(engine);
    describeResponses(engine);
    describeLot(engine);
    describeSearches(engine);
    describeExport(engine);
  });
}

export { NEIGHBOUR, QUIET_ROOFTOP, ROOFTOP, TIME_ZONE } from './contract/fixtures';

import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import {
  READ_DEALERSHIPS_SCOPE,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  type AnalyticsEvent,
  type DealershipStorefront,
  type Role,
} from '@showroom/contracts';
import { createLogger } from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import { createTestSchema, startTestIssuer, TEST_REDIS_URL, type TestIssuer } from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeAnalytics, type Analytics } from '../compose';
import { loadAnalyticsConfig, type AnalyticsConfig } from '../config';
import type { AnalyticsDatabase } from '../database';
import type { AnalyticsEngine } from '../engine/port';
import { startUsersStandIn, type UsersStandIn } from './users-stand-in';

/** The machine client analytics signs in as (to users), and the scopes the test issuer grants it. */
export const TEST_MACHINE_CLIENT = {
  id: 'showroom-services',
  secret: 'test-services-secret',
  scopes: [READ_DEALERSHIPS_SCOPE],
};

export interface AnalyticsTestOptions {
  /** Further configuration, as environment variables (e.g. rate limits). */
  env?: Record<string, string>;
}

/** Someone working at a dealership, and their token. */
export interface TestMember {
  id: string;
  name: string;
  role: Role;
  token: string;
}

/**
 * The analytics service in-process, wired by the same composition root as main.ts, on a MySQL
 * schema of its own, with the embedded engine in memory (a fresh DuckDB per app), a local issuer
 * (which also grants analytics' machine token) and a stand-in for the users service's storefront route.
 */
export interface AnalyticsTestContext {
  app: Express;
  analytics: Analytics;
  config: AnalyticsConfig;
  database: Database<AnalyticsDatabase>;
  engine: AnalyticsEngine;
  issuer: TestIssuer;
  users: UsersStandIn;
  /** Every line the service logged (JSON, every level), oldest first: a test may search them. */
  logLines: string[];
  /** A dealership of its own (known to the users stand-in, time zone America/New_York unless given). */
  newDealership(overrides?: Partial<DealershipStorefront>): DealershipStorefront;
  /** Someone new with `role` at `dealershipId`, signed in. */
  member(role: Role, dealershipId: string, name?: string): Promise<TestMember>;
  /** A token for a given person acting at each of `memberships` (a dealer group's rooftops). */
  tokenFor(
    who: { id: string; name: string },
    memberships: { dealershipId: string; role: Role }[],
  ): Promise<string>;
  /** A producer service's machine token for the internal ingest route. */
  ingestToken(): Promise<string>;
  /** Stores events straight in the engine (what ingest and collection do, without their routes). */
  append(events: readonly AnalyticsEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Collects log lines (and echoes them when TEST_LOG_LEVEL asks to see logs). */
function capturedLogs(): { lines: string[]; destination: { write(line: string): void } } {
  const lines: string[] = [];
  const echo = process.env['TEST_LOG_LEVEL'] !== undefined && process.env['TEST_LOG_LEVEL'] !== 'silent';
  return {
    lines,
    destination: {
      write(line: string) {
        lines.push(line);
        if (echo) process.stdout.write(line);
      },
    },
  };
}

export async function startAnalyticsTestApp(
  options: AnalyticsTestOptions = {},
): Promise<AnalyticsTestContext> {
  const schema = await createTestSchema('analytics');
  const [issuer, users] = await Promise.all([
    startTestIssuer({
      clients: {
        [TEST_MACHINE_CLIENT.id]: { secret: TEST_MACHINE_CLIENT.secret, scopes: TEST_MACHINE_CLIENT.scopes },
      },
    }),
    startUsersStandIn(),
  ]);
  const config = loadAnalyticsConfig({
    NODE_ENV: 'test',
    ANALYTICS_DATABASE_URL: schema.url,
    DATABASE_POOL_SIZE: '4',
    ANALYTICS_ENGINE: 'embedded',
    ANALYTICS_DUCKDB_PATH: ':memory:',
    REDIS_URL: TEST_REDIS_URL,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_CLIENT_ID: TEST_MACHINE_CLIENT.id,
    AUTH_CLIENT_SECRET: TEST_MACHINE_CLIENT.secret,
    USERS_API_URL: users.url,
    // Generous limits: a test that checks them sets its own.
    COLLECT_RATE_PER_ADDRESS: '100000',
    COLLECT_RATE_PER_DEALERSHIP: '100000',
    ...options.env,
  });
  const logs = capturedLogs();
  const logger = createLogger('analytics', 'trace', logs.destination);
  const analytics = composeAnalytics(config, { logger });
  await analytics.migrate();
  const tokenFor = (who: { id: string; name: string }, memberships: { dealershipId: string; role: Role }[]) =>
    issuer.tokenFor({ sub: who.id, name: who.name, memberships });

  return {
    app: analytics.app,
    analytics,
    config,
    database: analytics.database,
    engine: analytics.engine,
    issuer,
    users,
    logLines: logs.lines,
    newDealership: (overrides) => users.addDealership(overrides),
    async member(role, dealershipId, name = `Test ${role}`) {
      const id = `auth0|${role}-${randomUUID().slice(0, 8)}`;
      return { id, name, role, token: await tokenFor({ id, name }, [{ dealershipId, role }]) };
    },
    tokenFor,
    ingestToken: () => issuer.machineToken(TEST_MACHINE_CLIENT.id, [WRITE_ANALYTICS_EVENTS_SCOPE]),
    append: (events) => analytics.engine.append(events),
    async close() {
      for (const close of [
        ...analytics.closers,
        () => issuer.close(),
        () => users.close(),
        () => schema.drop(),
      ]) {
        await close();
      }
    },
  };
}

/** For one test file (or describe block): the analytics app, started before its tests and closed after them. */
export const analyticsApp = (options: AnalyticsTestOptions = {}): AnalyticsTestContext =>
  startForTheseTests(() => startAnalyticsTestApp(options));

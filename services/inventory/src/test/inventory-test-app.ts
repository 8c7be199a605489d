import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Role } from '@showroom/contracts';
import type { Database } from '@showroom/server-mysql';
import {
  createTestSchema,
  startTcpProxy,
  startTestIssuer,
  testLogger,
  TEST_REDIS_URL,
  type TcpProxy,
  type TestIssuer,
  type TestSchema,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeInventory } from '../app';
import { loadInventoryConfig } from '../config';
import type { InventoryDatabase } from '../database';

export interface InventoryTestOptions {
  /** Point the app at another MySQL address (e.g. a cuttable proxy); the schema is still its own. */
  mysqlHostPort?: string;
  redisUrl?: string;
  bodyLimit?: string;
}

export interface InventoryTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<InventoryDatabase>;
  redis: Redis;
  /** A fresh dealership id per call, so tests never share data. */
  newDealership(): string;
  /** A bearer token for someone with `role` at `dealershipId`. */
  tokenFor(role: Role, dealershipId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The inventory service in-process, wired by the same composition root as main.ts, on a schema
 * of its own, with real Redis and a local issuer.
 */
export async function startInventoryTestApp(
  options: InventoryTestOptions = {},
): Promise<InventoryTestContext> {
  const schema: TestSchema = await createTestSchema('inventory');
  const issuer = await startTestIssuer();
  const url = options.mysqlHostPort
    ? schema.url.replace('127.0.0.1:3306', options.mysqlHostPort)
    : schema.url;
  const config = loadInventoryConfig({
    NODE_ENV: 'test',
    INVENTORY_DATABASE_URL: url,
    REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    BODY_LIMIT: options.bodyLimit ?? '100kb',
    DATABASE_POOL_SIZE: '5',
  });
  const { app, database, redis, migrate } = composeInventory(config, { logger: testLogger() });
  await migrate();
  return {
    app,
    issuer,
    database,
    redis,
    newDealership: () => randomUUID(),
    tokenFor: (role, dealershipId) =>
      issuer.tokenFor({
        sub: `auth0|${role}-${dealershipId.slice(0, 8)}`,
        memberships: [{ dealershipId, role }],
      }),
    async close() {
      redis.disconnect();
      await database.close();
      await issuer.close();
      await schema.drop();
    },
  };
}

/** The app and a dealership of the tests' own. */
export interface DealershipTestContext extends InventoryTestContext {
  dealershipId: string;
}

/** For one describe block: the app, started before its tests and closed after, and one dealership. */
export const inventoryAppForTests = (options: InventoryTestOptions = {}): DealershipTestContext =>
  startForTheseTests(async () => {
    const ctx = await startInventoryTestApp(options);
    return { ...ctx, dealershipId: ctx.newDealership() };
  });

/** The same, with Redis or MySQL reached through a proxy the tests cut and restore. */
export const inventoryAppWithCuttable = (
  store: 'redis' | 'mysql',
): DealershipTestContext & { proxy: TcpProxy } =>
  startForTheseTests(async () => {
    const proxy = await startTcpProxy('127.0.0.1', store === 'redis' ? 6379 : 3306);
    const ctx = await startInventoryTestApp(
      store === 'redis'
        ? { redisUrl: `redis://127.0.0.1:${proxy.port}/0` }
        : { mysqlHostPort: `127.0.0.1:${proxy.port}` },
    );
    return {
      ...ctx,
      dealershipId: ctx.newDealership(),
      proxy,
      async close() {
        await ctx.close();
        await proxy.close();
      },
    };
  });

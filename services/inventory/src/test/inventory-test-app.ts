import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WRITE_ANALYTICS_EVENTS_SCOPE, type Role } from '@showroom/contracts';
import { startRecordingIngest, type RecordingIngest } from '@showroom/server-analytics-client/testing';
import type { ErrorReporter } from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import { LOCAL_MEDIA_BUCKET, type ObjectStore } from '@showroom/server-storage';
import {
  createReplicatedTestSchema,
  createTestSchema,
  startS3Local,
  startTcpProxy,
  startTestIssuer,
  testLogger,
  TEST_REDIS_URL,
  type TcpProxy,
  type TestIssuer,
  type TestSchema,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeInventory, type Inventory } from '../app';
import type { AlgoliaClientOptions } from '../search/algolia/algolia-client';
import { startUsersDirectory, type UsersDirectory } from './users-directory';
import { loadInventoryConfig } from '../config';
import type { InventoryDatabase } from '../database';

export interface InventoryTestOptions {
  /** Extra environment, e.g. SEARCH_ENGINE=algolia with its variables. */
  env?: Record<string, string>;
  algoliaClientOptions?: AlgoliaClientOptions;
  /** The service's logger (default: silent). */
  logger?: Logger;
  /** Where error reports go (Bugsnag in production). */
  reporter?: ErrorReporter;
  /** Leave the search index unbuilt (searches then go to MySQL), as on a cold instance. */
  coldSearch?: boolean;
  /** Point the app at another MySQL address (e.g. a cuttable proxy); the schema is still its own. */
  mysqlHostPort?: string;
  redisUrl?: string;
  bodyLimit?: string;
  /**
   * On the MariaDB primary and replica `npm test` starts, the replica as the service's reader
   * (reached at `replicaHostPort` when given, e.g. a proxy the test cuts).
   */
  replicated?: { replicaHostPort?: string };
}

export interface InventoryTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<InventoryDatabase>;
  redis: Redis;
  inventory: Inventory;
  /** The app's bucket on an s3rver of this test app's own. */
  objects: ObjectStore;
  /** That s3rver's endpoint (path-style, credentials S3RVER/S3RVER), for what ObjectStore does not show. */
  s3Endpoint: string;
  /** With `replicated`: the schema on the replica itself (not through the proxy). */
  replicaSchemaUrl?: string;
  /** The users service's directory of rooftops, as this app sees it. */
  directory: UsersDirectory;
  /** A recording stand-in of analytics' ingest route, where the relay ships vehicle events. */
  analytics: RecordingIngest;
  /** A fresh dealership id per call, so tests never share data; known to the directory, in no group. */
  newDealership(): string;
  /** A second instance of the service on the same schema, its own index built (closed with this one). */
  anotherInstance(): Promise<Inventory>;
  /** A fresh dealer group of `size` rooftops (ids in order). */
  newGroup(size: number): { groupId: string; dealershipIds: string[] };
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
  const replicated = options.replicated ? await createReplicatedTestSchema('inventory') : undefined;
  const schema: TestSchema = replicated ?? (await createTestSchema('inventory'));
  const [issuer, directory, s3, analytics] = await Promise.all([
    startTestIssuer(),
    startUsersDirectory(),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startRecordingIngest(),
  ]);
  const url = options.mysqlHostPort
    ? schema.url.replace('127.0.0.1:3306', options.mysqlHostPort)
    : schema.url;
  const config = loadInventoryConfig({
    NODE_ENV: 'test',
    INVENTORY_DATABASE_URL: url,
    REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    BODY_LIMIT: options.bodyLimit ?? '100kb',
    ...(replicated && {
      INVENTORY_DATABASE_READER_URLS: replicated.replicaUrlAt(options.replicated?.replicaHostPort),
    }),
    DATABASE_POOL_SIZE: '5',
    USERS_API_URL: directory.url,
    SEARCH_FOLLOW_INTERVAL_MS: '50',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: LOCAL_MEDIA_BUCKET,
    MEDIA_PUBLIC_URL: 'http://media.test/media',
    ANALYTICS_API_URL: analytics.url,
    ...options.env,
  });
  const startInstance = async (coldSearch = false) => {
    const instance = composeInventory(config, {
      logger: options.logger ?? testLogger(),
      // The production wiring; only the machine tokens come from the test issuer.
      tokens: {
        token: () =>
          issuer.machineToken('showroom-services', ['read:dealerships', WRITE_ANALYTICS_EVENTS_SCOPE]),
      },
      algoliaClientOptions: options.algoliaClientOptions,
      reporter: options.reporter,
      // Tests add rooftops as they go; the directory must see each at once.
      rooftopMissRefreshMs: 0,
    });
    await instance.migrate();
    if (!coldSearch) {
      instance.startBackground?.();
      await waitFor(() => instance.search.isReady());
    }
    return instance;
  };
  const inventory = await startInstance(options.coldSearch);
  const { app, database, redis, objects } = inventory;
  const others: Inventory[] = [];
  const newDealership = () => directory.add({ id: randomUUID() }).id;
  return {
    app,
    issuer,
    database,
    redis,
    inventory,
    objects,
    s3Endpoint: s3.endpoint,
    replicaSchemaUrl: replicated?.replicaUrl,
    directory,
    analytics,
    newDealership,
    newGroup(size) {
      const groupId = randomUUID();
      const dealershipIds = Array.from(
        { length: size },
        () => directory.add({ id: randomUUID(), groupId }).id,
      );
      return { groupId, dealershipIds };
    },
    tokenFor: (role, dealershipId) =>
      issuer.tokenFor({
        sub: `auth0|${role}-${dealershipId.slice(0, 8)}`,
        memberships: [{ dealershipId, role }],
      }),
    async anotherInstance() {
      const other = await startInstance();
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) {
        await other.photoRobot.worker.stop();
        await other.analyticsRelay.worker.stop();
        await other.syndication.scheduler.close();
        await other.mediaDeletions.close();
        await other.search.close();
        other.redis.disconnect();
        await other.database.close();
      }
      await inventory.syndication.scheduler.close();
      await inventory.mediaDeletions.close();
      await inventory.photoRobot.worker.stop();
      await inventory.analyticsRelay.worker.stop();
      await inventory.search.close();
      redis.disconnect();
      await database.close();
      await Promise.all([issuer.close(), directory.close(), s3.close(), analytics.close()]);
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

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the search index was not built in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import type { Redis } from 'ioredis';
import { WRITE_ANALYTICS_EVENTS_SCOPE, type Role, type TeamMember } from '@showroom/contracts';
import { startRecordingIngest, type RecordingIngest } from '@showroom/server-analytics-client/testing';
import type { Database } from '@showroom/server-mysql';
import {
  createReplicatedTestSchema,
  createTestSchema,
  startDynamoLocal,
  startSmtpSink,
  startTcpProxy,
  startTestIssuer,
  testLogger,
  TEST_REDIS_URL,
  type SmtpSink,
  type TcpProxy,
  type TestIssuer,
  type TestSchema,
} from '@showroom/server-testing';
import { composeLeads } from '../compose';
import { loadLeadsConfig } from '../config';
import type { LeadsDatabase } from '../database';
import type { OutboxRuntime } from '../outbox/outbox-runtime';
import { SettingsRepository } from '../settings/settings-repository';
import { defaultSettings } from '../settings/settings-service';
import type { TimelineStore } from '../timeline/timeline-store';
import { startPeerServices, type PeerServices } from './peer-services';

export interface LeadsTestOptions {
  /** Website form limits (per address / per dealership per window). */
  rateLimits?: { perAddress: number; perDealership: number; windowSeconds: number };
  /** Further configuration, as environment variables. */
  env?: Record<string, string>;
  /**
   * On the MariaDB primary and replica `npm test` starts, the replica as the service's reader
   * (reached at `replicaHostPort` when given, e.g. a proxy the test cuts).
   */
  replicated?: { replicaHostPort?: string };
}

export interface TestDealership {
  id: string;
  name: string;
  siteOrigin: string;
  team: { owner: TeamMember; manager: TeamMember; sales: [TeamMember, TeamMember]; viewer: TeamMember };
}

/**
 * The real leads service in-process on a schema of its own, with the real outbox relay and worker
 * on Redis, the DynamoDB stand-in, an SMTP sink, a recording stand-in of analytics' ingest route and
 * a local issuer. DynamoDB and Redis are reached through TCP proxies, so a test can cut them.
 */
export interface LeadsTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<LeadsDatabase>;
  /** With `replicated`: the schema on the replica itself (not through the proxy). */
  replicaSchemaUrl?: string;
  redis: Redis;
  sink: SmtpSink;
  peers: PeerServices;
  /** What the analytics consumer posted (set `failWith` to play an analytics outage). */
  analytics: RecordingIngest;
  timeline: TimelineStore;
  dynamoProxy: TcpProxy;
  redisProxy: TcpProxy;
  /** The relay, sweeper and queue (a test may wipe the queue, as a Redis restart does). */
  outbox: OutboxRuntime;
  /** The outbox metric lines (CloudWatch EMF) the sweeper emitted, oldest first. */
  metricLines: string[];
  /** A dealership that takes leads, with an owner, a manager, two salespeople and a viewer. */
  newDealership(): Promise<TestDealership>;
  tokenFor(member: TeamMember, dealershipId: string): Promise<string>;
  /** Resolves once every outbox event has been published and every job of it has run. */
  settle(timeoutMs?: number): Promise<void>;
  restartSink(): Promise<void>;
  close(): Promise<void>;
}

function member(role: Role, name: string): TeamMember {
  const id = `auth0|${role}-${randomUUID().slice(0, 8)}`;
  return { id, name, email: `${id.slice(6)}@example.test`, role, available: true };
}

export async function startLeadsTestApp(options: LeadsTestOptions = {}): Promise<LeadsTestContext> {
  const replicated = options.replicated ? await createReplicatedTestSchema('leads') : undefined;
  const schema: TestSchema = replicated ?? (await createTestSchema('leads'));
  const [issuer, dynamo, peers, analytics] = await Promise.all([
    startTestIssuer(),
    startDynamoLocal(),
    startPeerServices(),
    startRecordingIngest(),
  ]);
  let sink = await startSmtpSink();
  const sinkPort = sink.port;
  const dynamoProxy = await startTcpProxy('127.0.0.1', dynamo.port);
  const redisTarget = new URL(TEST_REDIS_URL);
  const redisProxy = await startTcpProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
  const redisUrl = `redis://127.0.0.1:${redisProxy.port}${redisTarget.pathname}`;
  const limits = options.rateLimits ?? { perAddress: 1000, perDealership: 10_000, windowSeconds: 60 };
  const config = loadLeadsConfig({
    NODE_ENV: 'test',
    LEADS_DATABASE_URL: schema.url,
    ...(replicated && {
      LEADS_DATABASE_READER_URLS: replicated.replicaUrlAt(options.replicated?.replicaHostPort),
    }),
    REDIS_URL: redisUrl,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    SMTP_URL: sink.url,
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoProxy.port}`,
    LEAD_TIMELINE_TABLE: `test-timeline-${randomUUID().slice(0, 8)}`,
    PUBLIC_RATE_PER_ADDRESS: String(limits.perAddress),
    PUBLIC_RATE_PER_DEALERSHIP: String(limits.perDealership),
    PUBLIC_RATE_WINDOW_SECONDS: String(limits.windowSeconds),
    USERS_API_URL: peers.url,
    INVENTORY_API_URL: peers.url,
    ANALYTICS_API_URL: analytics.url,
    DATABASE_POOL_SIZE: '8',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_FIRST_MS: '100',
    OUTBOX_RETRY_CAP_MS: '400',
    OUTBOX_JOB_ATTEMPTS: '8',
    OUTBOX_SWEEP_GRACE_MS: '1500',
    OUTBOX_SWEEP_INTERVAL_MS: '250',
    // Each test file has its own queue.
    OUTBOX_QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    ...options.env,
  });
  process.env['AWS_ACCESS_KEY_ID'] ??= 'local';
  process.env['AWS_SECRET_ACCESS_KEY'] ??= 'local';
  const logger = testLogger();
  const metricLines: string[] = [];
  // The production wiring; only the machine tokens come from the test issuer.
  const service = await composeLeads(config, logger, {
    tokens: {
      token: () =>
        issuer.machineToken('showroom-services', [
          'read:team',
          'read:inventory',
          WRITE_ANALYTICS_EVENTS_SCOPE,
        ]),
    },
    teamCacheMs: 0,
    emitMetrics: (line) => metricLines.push(line),
  });
  const { app, database, redis, timeline, outbox } = service;
  const kick = () => outbox.relay.kick();
  const settings = new SettingsRepository(database.writer);

  const context: LeadsTestContext = {
    app,
    issuer,
    database,
    replicaSchemaUrl: replicated?.replicaUrl,
    redis,
    get sink() {
      return sink;
    },
    peers,
    analytics,
    timeline,
    dynamoProxy,
    redisProxy,
    outbox,
    metricLines,
    async newDealership() {
      const id = randomUUID();
      const name = `Test Motors ${id.slice(0, 4)}`;
      const siteOrigin = `https://www.test-${id.slice(0, 8)}.example`;
      const dealership: TestDealership = {
        id,
        name,
        siteOrigin,
        team: {
          owner: member('owner', 'Olga Owner'),
          manager: member('manager', 'Max Manager'),
          sales: [member('sales', 'Sara Sales'), member('sales', 'Tom Sales')],
          viewer: member('viewer', 'Vic Viewer'),
        },
      };
      const { owner, manager, sales, viewer } = dealership.team;
      peers.teams.set(id, [owner, manager, ...sales, viewer]);
      await settings.insertIfMissing(defaultSettings(id, name, [siteOrigin]));
      return dealership;
    },
    tokenFor: (who, dealershipId) =>
      issuer.tokenFor({
        sub: who.id,
        name: who.name,
        email: who.email,
        memberships: [{ dealershipId, role: who.role }],
      }),
    async settle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const pending = await database.writer
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('published_at', 'is', null)
          .executeTakeFirstOrThrow();
        // A consumer not yet finished in MySQL still has work, whatever Redis holds.
        const unfinished = await database.writer
          .selectFrom('outbox_consumer_runs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('finished_at', 'is', null)
          .executeTakeFirstOrThrow();
        // While Redis reconnects the queue cannot be asked; that counts as busy.
        const counts = await outbox.queue
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized')
          .catch(() => ({ unreachable: 1 }));
        const busy = Object.values(counts).reduce((sum, n) => sum + n, 0);
        if (Number(pending.n) === 0 && Number(unfinished.n) === 0 && busy === 0) return;
        if (Date.now() > deadline) {
          throw new Error(
            `outbox not settled: ${pending.n} unpublished, ${unfinished.n} runs unfinished, jobs ${JSON.stringify(counts)}`,
          );
        }
        kick();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async restartSink() {
      sink = await startSmtpSink({ port: sinkPort });
    },
    async close() {
      await service.close();
      await Promise.all([dynamoProxy.close(), redisProxy.close()]);
      await Promise.all([
        issuer.close(),
        dynamo.close(),
        peers.close(),
        analytics.close(),
        sink.close().catch(() => undefined),
      ]);
      await schema.drop();
    },
  };
  return context;
}

/** A test file's app and dealership, started before its tests and closed after them. */
export interface LeadsTestBed {
  readonly ctx: LeadsTestContext;
  readonly dealer: TestDealership;
  /** The dealership's ADF ingest key, when asked for (a test that rotates it stores the new one). */
  ingestKey: string;
}

/**
 * Starts the service and a dealership in `beforeAll` (rotating its ingest key when `ingestKey`)
 * and closes them in `afterAll`; read the fields inside the tests.
 */
export function useLeadsTestApp(options: LeadsTestOptions & { ingestKey?: boolean } = {}): LeadsTestBed {
  const bed = { ingestKey: '' } as { ctx: LeadsTestContext; dealer: TestDealership; ingestKey: string };
  beforeAll(async () => {
    bed.ctx = await startLeadsTestApp(options);
    bed.dealer = await bed.ctx.newDealership();
    if (options.ingestKey) {
      const token = await bed.ctx.tokenFor(bed.dealer.team.owner, bed.dealer.id);
      const rotated = await request(bed.ctx.app)
        .post('/api/leads/settings/ingest-key')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', bed.dealer.id)
        .expect(201);
      bed.ingestKey = rotated.body.ingestKey;
    }
  });
  afterAll(() => bed.ctx?.close());
  return bed;
}

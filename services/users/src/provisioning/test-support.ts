import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import {
  createS3ObjectStore,
  LOCAL_MEDIA_BUCKET,
  LOCAL_S3_CREDENTIALS,
  type ObjectStore,
} from '@showroom/server-storage';
import {
  createTestSchema,
  startS3Local,
  testLogger,
  type S3Local,
  type TestSchema,
} from '@showroom/server-testing';
import type { UsersDatabase } from '../database';
import { usersMigrations } from '../migrations';
import { logoPng } from '../test/websites';
import { normaliseLogo } from '../websites/logo-image';
import { SiteUrls } from '../websites/site-urls';
import { WebsiteService } from '../websites/website-service';
import { composeProvisioner, type ProvisioningOverrides } from './compose-provisioning';
import { provisioningConfigShape, type ProvisioningConfig } from './config';
import type { WebsiteProvisioner } from './provisioner';
import { z } from 'zod';

export const TEST_MEDIA_URL = 'http://media.test/media';
export const TEST_MACHINE_TOKEN = 'machine-token-for-tests';

/** What the leads service was asked, as the stand-in in front of it saw it. */
export interface LeadsCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/**
 * A stand-in for the leads service's one internal route the provisioner calls (the real route is
 * tested in services/leads): records each call, and answers 503 while `down`.
 */
export interface LeadsStandIn {
  url: string;
  calls: LeadsCall[];
  down: boolean;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLeadsStandIn(): Promise<LeadsStandIn> {
  const standIn = { calls: [] as LeadsCall[], down: false } as LeadsStandIn;
  const server: Server = createServer(async (req, res) => {
    const text = await bodyOf(req);
    standIn.calls.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      body: text ? JSON.parse(text) : null,
    });
    res.statusCode = standIn.down ? 503 : 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () => new Promise((resolve) => server.close(() => resolve()));
  return standIn;
}

export const objectStoreAt = (endpoint: string): ObjectStore =>
  createS3ObjectStore({
    bucket: LOCAL_MEDIA_BUCKET,
    region: 'us-east-1',
    endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });

/**
 * The provisioner's world: a users schema, an s3rver media bucket, the website service that asks
 * for provisioning, the leads stand-in, and provisioners built from the production wiring.
 */
export interface ProvisioningBed {
  database: Database<UsersDatabase>;
  s3: S3Local;
  objects: ObjectStore;
  leads: LeadsStandIn;
  urls: SiteUrls;
  websites: WebsiteService;
  /** The provisioner's clock, real time plus `offsetMs`: a test moves it on to make a retry due. */
  clock: { offsetMs: number; now(): number };
  provisioner(
    overrides?: ProvisioningOverrides & { objects?: ObjectStore; env?: Record<string, string> },
  ): WebsiteProvisioner;
  newDealership(name?: string): Promise<{ id: string; slug: string }>;
  /** A normalised logo set on the dealership's website (a new version). */
  setLogo(dealershipId: string, size?: { width: number; height: number }): Promise<{ hash: string }>;
  close(): Promise<void>;
}

export async function startProvisioningBed(): Promise<ProvisioningBed> {
  const schema: TestSchema = await createTestSchema('provisioning');
  const database = createDatabase<UsersDatabase>({
    writerUrl: schema.url,
    readerUrls: [],
    connectionLimit: 5,
  });
  await migrateToLatest(database.writer, usersMigrations);
  const [s3, leads] = await Promise.all([
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startLeadsStandIn(),
  ]);
  const objects = objectStoreAt(s3.endpoint);
  const urls = new SiteUrls({
    SITES_PLATFORM_DOMAIN: 'localhost',
    SITES_ORIGIN_TEMPLATE: 'http://{host}:4400',
  });
  const logger = testLogger();
  const websites = new WebsiteService({
    db: database.writer,
    urls,
    objects,
    mediaPublicUrl: TEST_MEDIA_URL,
    logger,
  });
  const clock = {
    offsetMs: 0,
    now() {
      return Date.now() + this.offsetMs;
    },
  };
  return {
    database,
    s3,
    objects,
    leads,
    urls,
    websites,
    clock,
    provisioner(overrides = {}) {
      const config: ProvisioningConfig = z.object(provisioningConfigShape).parse({
        SITES_HOSTING: 'local',
        LEADS_API_URL: leads.url,
        PROVISIONING_LEASE_MS: '60000',
        ...overrides.env,
      });
      return composeProvisioner(
        {
          ...config,
          MEDIA_PUBLIC_URL: TEST_MEDIA_URL,
          AUTH_ISSUER_BASE_URL: 'http://127.0.0.1:9/',
          AUTH_AUDIENCE: 'https://api.showroom.dev',
        },
        { db: database.writer, objects: overrides.objects ?? objects, urls, logger },
        {
          tokens: { token: async () => TEST_MACHINE_TOKEN },
          clock: () => new Date(clock.now()),
          ...overrides,
        },
      );
    },
    async newDealership(name = `Harbor Motors ${randomUUID().slice(0, 6)}`) {
      const id = randomUUID();
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await database.writer
        .insertInto('dealerships')
        .values({ id, name, slug, time_zone: 'America/Chicago' })
        .execute();
      // The first save asks for the site to be provisioned, as the portal's would.
      await websites.update(id, 1, { tagline: 'Cars people keep' });
      return { id, slug };
    },
    async setLogo(dealershipId, size = { width: 900, height: 300 }) {
      const logo = await normaliseLogo(await logoPng(size.width, size.height));
      await websites.setLogo(dealershipId, null, logo);
      return { hash: logo.hash };
    },
    async close() {
      await database.close();
      await Promise.all([s3.close(), leads.close()]);
      await schema.drop();
    },
  };
}

import type { Express } from 'express';
import type { Database } from '@showroom/server-mysql';
import { LOCAL_MEDIA_BUCKET, type ObjectStore } from '@showroom/server-storage';
import {
  createTestSchema,
  startDevAuthProcess,
  startS3Local,
  startSmtpSink,
  startTestIssuer,
  testLogger,
  type DevAuthProcess,
  type SmtpSink,
  type TestIssuer,
  type TestSchema,
  freePort,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeUsers, type Users } from '../app';
import { startLeadsStandIn, type LeadsStandIn } from '../provisioning/test-support';
import { loadUsersConfig } from '../config';
import { seedDemoTenants } from '../demo/seed-demo-tenants';
import type { UsersDatabase } from '../database';

export interface UsersTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<UsersDatabase>;
  /** The app's media bucket, on an s3rver of this test app's own. */
  objects: ObjectStore;
  /** Invitation e-mails land here. */
  mail: SmtpSink;
  /** Stands in for the leads service's internal routes (releasing a deactivated member's leads). */
  leads: LeadsStandIn;
  /** The real dev-auth behind the identity port, when started with `identity: true`. */
  devAuth: DevAuthProcess | undefined;
  users: Users;
  close(): Promise<void>;
}

export interface UsersTestOptions {
  /**
   * Start dev-auth in a process of its own for the identity port (team administration); without
   * it the port points at a closed port, as when the identity provider is down.
   */
  identity?: boolean;
}

/** Where the test app says the media bucket is served (the public logo URLs start with it). */
export const TEST_MEDIA_PUBLIC_URL = 'http://media.test/media';

/**
 * The users service in-process, wired by the same composition root as main.ts, on a schema of
 * its own, trusting a local test issuer.
 */
export async function startUsersTestApp(options: UsersTestOptions = {}): Promise<UsersTestContext> {
  const schema: TestSchema = await createTestSchema('users');
  const [issuer, s3, mail, leads, devAuth] = await Promise.all([
    startTestIssuer({
      clients: {
        'showroom-services': {
          secret: 'dev-services-secret',
          scopes: ['release:member-leads', 'write:site-origins'],
        },
      },
    }),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startSmtpSink(),
    startLeadsStandIn(),
    options.identity ? startDevAuthProcess() : undefined,
  ]);
  const config = loadUsersConfig({
    NODE_ENV: 'test',
    USERS_DATABASE_URL: schema.url,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    DATABASE_POOL_SIZE: '5',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: LOCAL_MEDIA_BUCKET,
    MEDIA_PUBLIC_URL: TEST_MEDIA_PUBLIC_URL,
    SMTP_URL: mail.url,
    LEADS_API_URL: leads.url,
    AUTH0_DOMAIN: devAuth?.domain ?? `127.0.0.1:${await freePort()}`,
  });
  const users = composeUsers(config, { logger: testLogger() });
  await users.migrate();
  return {
    app: users.app,
    issuer,
    database: users.database,
    objects: users.objects,
    mail,
    leads,
    devAuth,
    users,
    async close() {
      const closers = [
        ...users.closers,
        () => issuer.close(),
        () => s3.close(),
        () => mail.close(),
        () => leads.close(),
        async () => devAuth?.close(),
        () => schema.drop(),
      ];
      for (const close of closers) await close();
    },
  };
}

/** For one test file: the users app with the demo tenants, started before its tests and closed after. */
export const usersAppOnDemoTenants = (options: UsersTestOptions = {}): UsersTestContext =>
  startForTheseTests(async () => {
    const ctx = await startUsersTestApp(options);
    await seedDemoTenants(ctx.database.writer);
    return ctx;
  });

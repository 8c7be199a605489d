import type { Express } from 'express';
import type { Database } from '@showroom/server-mysql';
import { LOCAL_MEDIA_BUCKET, type ObjectStore } from '@showroom/server-storage';
import {
  createTestSchema,
  startS3Local,
  startTestIssuer,
  testLogger,
  type TestIssuer,
  type TestSchema,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeUsers } from '../app';
import { loadUsersConfig } from '../config';
import { seedDemoTenants } from '../demo/seed-demo-tenants';
import type { UsersDatabase } from '../database';

export interface UsersTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<UsersDatabase>;
  /** The app's media bucket, on an s3rver of this test app's own. */
  objects: ObjectStore;
  close(): Promise<void>;
}

/** Where the test app says the media bucket is served (the public logo URLs start with it). */
export const TEST_MEDIA_PUBLIC_URL = 'http://media.test/media';

/**
 * The users service in-process, wired by the same composition root as main.ts, on a schema of
 * its own, trusting a local test issuer.
 */
export async function startUsersTestApp(): Promise<UsersTestContext> {
  const schema: TestSchema = await createTestSchema('users');
  const [issuer, s3] = await Promise.all([
    startTestIssuer(),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
  ]);
  const config = loadUsersConfig({
    NODE_ENV: 'test',
    USERS_DATABASE_URL: schema.url,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    DATABASE_POOL_SIZE: '5',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: LOCAL_MEDIA_BUCKET,
    MEDIA_PUBLIC_URL: TEST_MEDIA_PUBLIC_URL,
  });
  const users = composeUsers(config, { logger: testLogger() });
  await users.migrate();
  return {
    app: users.app,
    issuer,
    database: users.database,
    objects: users.objects,
    async close() {
      for (const close of [...users.closers, () => issuer.close(), () => s3.close(), () => schema.drop()])
        await close();
    },
  };
}

/** For one test file: the users app with the demo tenants, started before its tests and closed after. */
export const usersAppOnDemoTenants = (): UsersTestContext =>
  startForTheseTests(async () => {
    const ctx = await startUsersTestApp();
    await seedDemoTenants(ctx.database.writer);
    return ctx;
  });

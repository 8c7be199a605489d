import type { Express } from 'express';
import type { Database } from '@showroom/server-mysql';
import {
  createTestSchema,
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
  close(): Promise<void>;
}

/**
 * The users service in-process, wired by the same composition root as main.ts, on a schema of
 * its own, trusting a local test issuer.
 */
export async function startUsersTestApp(): Promise<UsersTestContext> {
  const schema: TestSchema = await createTestSchema('users');
  const issuer = await startTestIssuer();
  const config = loadUsersConfig({
    NODE_ENV: 'test',
    USERS_DATABASE_URL: schema.url,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    DATABASE_POOL_SIZE: '5',
  });
  const users = composeUsers(config, { logger: testLogger() });
  await users.migrate();
  return {
    app: users.app,
    issuer,
    database: users.database,
    async close() {
      for (const close of [...users.closers, () => issuer.close(), () => schema.drop()]) await close();
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

import type { Express } from 'express';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import {
  createTestSchema,
  startTestIssuer,
  testLogger,
  type TestIssuer,
  type TestSchema,
} from '@showroom/server-testing';
import { createUsersApp } from '../app';
import { loadUsersConfig } from '../config';
import type { UsersDatabase } from '../database';
import { usersMigrations } from '../migrations';

export interface UsersTestContext {
  app: Express;
  issuer: TestIssuer;
  database: Database<UsersDatabase>;
  close(): Promise<void>;
}

/** The real users app in-process, on a schema of its own, trusting a local test issuer. */
export async function startUsersTestApp(): Promise<UsersTestContext> {
  const schema: TestSchema = await createTestSchema('users');
  const issuer = await startTestIssuer();
  const config = loadUsersConfig({
    NODE_ENV: 'test',
    USERS_DATABASE_URL: schema.url,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
  });
  const database = createDatabase<UsersDatabase>({
    writerUrl: schema.url,
    readerUrls: [],
    connectionLimit: 5,
  });
  await migrateToLatest(database.writer, usersMigrations);
  const app = createUsersApp({ config, logger: testLogger(), database });
  return {
    app,
    issuer,
    database,
    async close() {
      await database.close();
      await issuer.close();
      await schema.drop();
    },
  };
}

// `npm start` and the tests run this: migrate the users schema and load the demo tenants.
import { createDatabase, ensureSchema, migrateToLatest } from '@showroom/server-mysql';
import { loadUsersConfig } from './config';
import type { UsersDatabase } from './database';
import { seedDemoTenants } from './demo/seed-demo-tenants';
import { usersMigrations } from './migrations';

async function seed(): Promise<void> {
  const config = loadUsersConfig();
  await ensureSchema(config.USERS_DATABASE_URL);
  const database = createDatabase<UsersDatabase>({
    writerUrl: config.USERS_DATABASE_URL,
    readerUrls: [],
    connectionLimit: 2,
  });
  try {
    await migrateToLatest(database.writer, usersMigrations);
    await seedDemoTenants(database.writer);
    console.log('users: schema migrated, demo tenants seeded');
  } finally {
    await database.close();
  }
}

seed().catch((error: unknown) => {
  console.error('users seed failed:', error);
  process.exit(1);
});

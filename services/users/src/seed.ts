// `npm start` runs this before the service: create and migrate the users schema, load the demo tenants.
import { prepareSchema } from '@showroom/server-mysql';
import { loadUsersConfig } from './config';
import type { UsersDatabase } from './database';
import { seedDemoTenants } from './demo/seed-demo-tenants';
import { usersMigrations } from './migrations';

prepareSchema<UsersDatabase>(loadUsersConfig().USERS_DATABASE_URL, usersMigrations, seedDemoTenants).then(
  () => console.log('users: schema migrated, demo tenants seeded'),
  (error: unknown) => {
    console.error('users seed failed:', error);
    process.exit(1);
  },
);

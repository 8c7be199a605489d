import { join } from 'node:path';
import { expect, it } from 'vitest';
import { compareTenantTables } from '@showroom/server-mysql';
import { createTestSchema } from '@showroom/server-testing';
import { leadsMigrations } from './migrations';

it('lints every table with a dealership_id as a tenant table', async () => {
  const config = join(import.meta.dirname, '../eslint.config.mjs');
  const tables = await compareTenantTables(await createTestSchema('leads_tenancy'), leadsMigrations, config);
  expect(tables.declared).toEqual(tables.inSchema);
});

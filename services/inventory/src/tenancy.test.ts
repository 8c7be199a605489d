import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Insertable, Kysely } from 'kysely';
import { compareTenantTables, forDealership } from '@showroom/server-mysql';
import { createTestSchema } from '@showroom/server-testing';
import type { InventoryDatabase, VehicleTable } from './database';
import { inventoryMigrations } from './migrations';

it('lints every table with a dealership_id as a tenant table', async () => {
  const config = join(import.meta.dirname, '../eslint.config.mjs');
  const tables = await compareTenantTables(
    await createTestSchema('inventory_tenancy'),
    inventoryMigrations,
    config,
  );
  expect(tables.declared).toEqual(tables.inSchema);
});

// Checked by the typecheck: through the builder, a statement cannot leave the dealership out or
// name another one.
export function typeChecks(db: Kysely<InventoryDatabase>, row: Insertable<VehicleTable>): void {
  const tenant = forDealership(db, 'dealership-a');
  // @ts-expect-error a row that carries its own dealership_id is refused: the scope fills it
  tenant.insertInto('vehicles').values(row);
  const { dealership_id: _other, ...scoped } = row;
  tenant.insertInto('vehicles').values(scoped);
  // @ts-expect-error the builder is the only way in, and it needs the dealership
  forDealership(db);
}

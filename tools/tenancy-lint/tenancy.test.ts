import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { tenancy } from './tenancy.mjs';

const WORKSPACE = join(import.meta.dirname, '../..');

const IMPORTS =
  "import { acrossDealerships, forDealership, type DealershipQueries } from '@showroom/server-mysql';";

/** Lints `code` (after a line of imports) as `file` under a config with the tenancy blocks alone. */
async function messagesOf(code, file = 'src/vehicles/repository.ts', options = {}) {
  const eslint = new ESLint({
    cwd: WORKSPACE,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      ...tenancy({
        tenantTables: ['vehicles', 'lead_notes'],
        acrossDealerships: { 'src/outbox/relay.ts': 'publishes every dealership’s events' },
        ...options,
      }),
    ],
  });
  const [result] = await eslint.lintText(`${IMPORTS}${code}`, { filePath: join(WORKSPACE, file) });
  return result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'fatal'}: ${m.message}`);
}

/** Lints `code` (after the imports) as if it were `file` of a service, under its own eslint.config.mjs. */
async function serviceMessagesOf(service, file, code) {
  const cwd = join(WORKSPACE, 'services', service);
  const eslint = new ESLint({ cwd });
  const [result] = await eslint.lintText(`${IMPORTS}${code}`, { filePath: join(cwd, file) });
  return result.messages.filter((m) => m.ruleId === 'showroom-tenancy/scoped-queries').map((m) => m.message);
}

const FORGETS_THE_TENANT = `
import type { Kysely } from 'kysely';
export class VehicleRepository {
  constructor(private readonly db: Kysely<any>) {}
  async findById(dealershipId: string, id: string) {
    return this.db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
`;

const SCOPED = `
import type { Kysely } from 'kysely';
export class VehicleRepository {
  constructor(private readonly db: Kysely<any>) {}
  async findById(dealershipId: string, id: string) {
    return forDealership(this.db, dealershipId).selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
`;

describe('tenancy rule', () => {
  it('refuses a repository statement that forgets the tenant', async () => {
    expect(await messagesOf(FORGETS_THE_TENANT)).toEqual([
      "6: showroom-tenancy/scoped-queries: 'vehicles' is a tenant table: start this statement from forDealership(db, dealershipId).selectFrom(…), which adds the dealership condition.",
    ]);
  });

  it('accepts the same statement through forDealership', async () => {
    expect(await messagesOf(SCOPED)).toEqual([]);
  });

  it('refuses updates, deletes and inserts on the database or a transaction', async () => {
    const messages = await messagesOf(`
      await db.updateTable('vehicles').set({ make: 'Kia' }).where('dealership_id', '=', id).execute();
      await trx.deleteFrom('vehicles as v').where('v.id', '=', id).execute();
      await trx.insertInto('lead_notes').values(row).execute();
      await db.selectFrom(['vehicles', 'lead_notes']).selectAll().execute();
      await db.selectFrom('users').selectAll().execute();
      const NOTES = 'lead_notes as n';
      await db.deleteFrom(NOTES).execute();
    `);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['2', '3', '4', '5', '8']);
  });

  it('accepts a scope kept in a const or passed as a typed parameter', async () => {
    expect(
      await messagesOf(`
        const tenant = forDealership(trx, dealershipId);
        await tenant.insertInto('lead_notes').values(row).execute();
        await forDealership(trx, dealershipId).selectFrom('vehicles').selectAll().execute();
        function remove(scope: DealershipQueries<Db>) {
          return scope.deleteFrom('vehicles').execute();
        }
      `),
    ).toEqual([]);
  });

  it('does not take a reassignable variable or an untyped parameter for a scope', async () => {
    const messages = await messagesOf(`
      let tenant = forDealership(trx, dealershipId);
      tenant = trx;
      await tenant.selectFrom('vehicles').selectAll().execute();
      function remove(scope) {
        return scope.deleteFrom('vehicles').execute();
      }
    `);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['4', '6']);
  });

  it('takes only the library’s forDealership for a scope', async () => {
    const messages = await messagesOf(`
      async function find(db, id) {
        const forDealership = (db, _id) => db;
        return forDealership(db, id).selectFrom('vehicles').selectAll().execute();
      }
      type DealershipQueries = Kysely<Db>;
      function remove(scope: DealershipQueries) {
        return scope.deleteFrom('vehicles').execute();
      }
    `);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['4', '8']);
  });

  it('refuses a subquery on the expression builder', async () => {
    const messages = await messagesOf(`
      forDealership(db, id).selectFrom('lead_notes').where('car_id', 'in', (eb) => eb.selectFrom('vehicles').select('id'));
    `);
    expect(messages).toHaveLength(1);
  });

  it('refuses joining a tenant table by name, even on a scoped statement', async () => {
    const messages = await messagesOf(`
      const tenant = forDealership(db, id);
      tenant.selectFrom('vehicles as v').innerJoin('lead_notes as n', 'n.car_id', 'v.id');
      tenant.selectFrom('vehicles as v').leftJoin(tenant.table('lead_notes').as('n'), 'n.car_id', 'v.id');
      tenant.selectFrom('vehicles as v').innerJoin('users as u', 'u.id', 'v.owner_id');
    `);
    expect(messages).toEqual([
      "3: showroom-tenancy/scoped-queries: 'lead_notes' is a tenant table: join it as forDealership(db, dealershipId).table('lead_notes').as(…), which carries its own dealership condition.",
    ]);
  });

  it('refuses raw SQL that names a tenant table', async () => {
    const messages = await messagesOf(`
      await sql\`SELECT * FROM vehicles WHERE id = \${id}\`.execute(db);
      await sql\`update \\\`lead_notes\\\` set body = ''\`.execute(db);
      await sql.raw('delete from vehicles').execute(db);
      sql.table('vehicles');
      await sql\`SELECT 1 FROM users\`.execute(db);
      forDealership(db, id).selectFrom('vehicles').orderBy(sql\`status IN ('available')\`);
    `);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['2', '3', '4', '5']);
  });

  it('allows acrossDealerships only in the named files', async () => {
    const code = `
      const all = acrossDealerships(db);
      await all.selectFrom('vehicles').selectAll().execute();
      await acrossDealerships(db).updateTable('lead_notes').set({ body: '' }).execute();
    `;
    expect(await messagesOf(code, 'src/outbox/relay.ts')).toEqual([]);
    const elsewhere = await messagesOf(code, 'src/vehicles/repository.ts');
    expect(elsewhere.map((m) => m.split(':')[0])).toEqual(['2', '4']);
    expect(elsewhere[0]).toContain('allowed only in the files named');
  });

  it('insists on a reason for each file allowed to reach every dealership', () => {
    expect(() => tenancy({ tenantTables: ['vehicles'], acrossDealerships: { 'src/a.ts': '' } })).toThrow(
      /say why src\/a.ts/,
    );
  });

  it('leaves tests and migrations alone', async () => {
    expect(await messagesOf(FORGETS_THE_TENANT, 'src/vehicles/vehicles.test.ts')).toEqual([]);
    expect(await messagesOf(FORGETS_THE_TENANT, 'src/migrations/0002_backfill.ts')).toEqual([]);
  });
});

describe('the services turn the rule on', () => {
  it('inventory refuses a vehicle statement that forgets the tenant, and takes the scoped one', async () => {
    expect(
      await serviceMessagesOf('inventory', 'src/vehicles/repository.ts', FORGETS_THE_TENANT),
    ).toHaveLength(1);
    expect(await serviceMessagesOf('inventory', 'src/vehicles/repository.ts', SCOPED)).toEqual([]);
  });

  it('users refuses a membership statement that forgets the tenant', async () => {
    const code = `
      export async function setRole(db, dealershipId: string, userId: string) {
        await db.updateTable('memberships').set({ role: 'manager' }).where('user_id', '=', userId).execute();
      }
    `;
    expect(await serviceMessagesOf('users', 'src/team/repository.ts', code)).toHaveLength(1);
  });

  it('leads refuses a lead statement that forgets the tenant, and the hatch outside its named files', async () => {
    const code = `
      export async function lost(db, id: string) {
        await db.updateTable('leads').set({ status: 'lost' }).where('id', '=', id).execute();
        await acrossDealerships(db).selectFrom('leads').selectAll().execute();
      }
    `;
    expect(await serviceMessagesOf('leads', 'src/leads/lead-repository.ts', code)).toHaveLength(2);
    expect(await serviceMessagesOf('leads', 'src/outbox/relay.ts', code)).toHaveLength(1);
  });
});

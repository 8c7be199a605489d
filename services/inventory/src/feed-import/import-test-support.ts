import { sql, type Selectable } from 'kysely';
import request from 'supertest';
import { expect } from 'vitest';
import type { ImportJob, ImportRulesInput, ImportUpload, Role } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { VehicleTable } from '../database';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { freshVin } from '../test/vehicle-fixtures';

/** One car of a Showroom-layout file; each call a new VIN. */
export function feedCar(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    VIN: freshVin(2022),
    'Stock Number': '',
    Condition: 'Used',
    Year: '2022',
    Make: 'Honda',
    Model: 'Accord',
    Trim: 'Sport',
    'Body Style': 'Sedan',
    Mileage: '24,500',
    Price: '$26,495.00',
    'Exterior Color': 'Platinum White',
    ...overrides,
  };
}

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV as Excel saves it: CRLF, fields quoted only when needed; `bom` adds the UTF-8 BOM. */
export function csvOf(
  cars: ReadonlyArray<Record<string, string>>,
  options: { bom?: boolean; headers?: string[] } = {},
) {
  const headers = options.headers ?? [...new Set(cars.flatMap((car) => Object.keys(car)))];
  const lines = [
    headers.map(quoted).join(','),
    ...cars.map((car) => headers.map((h) => quoted(car[h] ?? '')).join(',')),
  ];
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
}

/** Calls as a manager of `dealershipId`. */
export function asManager(ctx: InventoryTestContext, dealershipId: string) {
  return asRole(ctx, dealershipId, 'manager');
}

/** Calls as someone with `role` at `dealershipId`. */
export async function asRole(ctx: InventoryTestContext, dealershipId: string, role: Role) {
  const token = await ctx.tokenFor(role, dealershipId);
  const send = (method: 'get' | 'post' | 'put', path: string) =>
    request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId);
  return {
    dealershipId,
    send,
    async upload(file: Buffer, name = 'inventory.csv'): Promise<request.Response> {
      return send('post', '/api/inventory/imports').attach('file', file, name);
    },
    /** Uploads, starts with the mapping and rules, and waits for the import's end. */
    async importFile(
      file: Buffer,
      rules: ImportRulesInput = {},
      mapping?: Record<string, string | null>,
    ): Promise<ImportJob> {
      const uploaded = await this.upload(file);
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      const { job, suggestedMapping } = uploaded.body as ImportUpload;
      const started = await send('post', `/api/inventory/imports/${job.id}/start`).send({
        mapping: mapping ?? suggestedMapping,
        rules,
      });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      return this.finished(job.id);
    },
    async finished(id: string, timeoutMs = 15_000): Promise<ImportJob> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const res = await send('get', `/api/inventory/imports/${id}`);
        const job = res.body as ImportJob;
        if (job.status === 'succeeded' || job.status === 'failed') return job;
        if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async report(id: string) {
      return (await send('get', `/api/inventory/imports/${id}/report?pageSize=500`)).body as {
        items: Array<{ line: number; field: string | null; reason: string; severity: string }>;
        total: number;
      };
    },
    /** The dealership's vehicles as stored, by VIN. */
    async vehicles(): Promise<Map<string, Selectable<VehicleTable>>> {
      const rows = await forDealership(ctx.database.writer, dealershipId)
        .selectFrom('vehicles')
        .selectAll()
        .execute();
      return new Map(rows.map((row) => [row.vin, row]));
    },
    /** Rows of a tenant table of the dealership's. */
    async count(table: 'vehicle_changes' | 'vehicle_price_history' | 'photo_fetch_jobs'): Promise<number> {
      const row = await forDealership(ctx.database.writer, dealershipId)
        .selectFrom(table)
        .select(sql<number>`COUNT(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

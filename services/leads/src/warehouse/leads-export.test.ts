import { randomUUID } from 'node:crypto';
import { createDatabase, forDealership, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, startS3Local, type S3Local, type TestSchema } from '@showroom/server-testing';
import {
  LOCAL_WAREHOUSE_BUCKET,
  exportDayOf,
  exportPartition,
  partitionKey,
  readPartition,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import type { ObjectStore } from '@showroom/server-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadsDatabase, LeadTable } from '../database';
import { leadsMigrations } from '../migrations';
import { writeOutbox } from '../outbox/outbox-writer';
import { leadsExporter } from './leads-exporter';
import { LEADS_TABLE } from './leads-table';

const DAY = exportDayOf('2026-11-20');
const at = (time: string, date = DAY.date) => new Date(`${date}T${time}Z`);
/** What a shopper told the dealership: none of it may reach the warehouse. */
const SHOPPER = {
  first_name: 'Marguerite',
  last_name: 'Oyelaran-Whitfield',
  email: 'marguerite.o@example.test',
  phone: '+1 614 555 0187',
  email_norm: 'marguerite.o@example.test',
  phone_norm: '6145550187',
  message: 'Call me after 5pm at my office on Elm Street',
  trade_in: '{"vin":"1HGCM82633A004352"}',
};

let schema: TestSchema;
let database: Database<LeadsDatabase>;
let s3: S3Local;
let store: ObjectStore;

beforeAll(async () => {
  schema = await createTestSchema('leads_warehouse');
  database = createDatabase<LeadsDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
  await migrateToLatest(database.writer, leadsMigrations);
  s3 = await startS3Local({ buckets: [LOCAL_WAREHOUSE_BUCKET] });
  store = warehouseObjectStore({
    WAREHOUSE_S3_BUCKET: LOCAL_WAREHOUSE_BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3.endpoint,
  });
});
afterAll(async () => {
  await database?.close();
  await schema?.drop();
  await s3?.close();
});

type Lead = Pick<
  LeadTable,
  | 'id'
  | 'dealership_id'
  | 'status'
  | 'lost_reason'
  | 'source'
  | 'channel'
  | 'intent'
  | 'vehicle_id'
  | 'assignee_id'
  | 'routed_at'
  | 'first_response_at'
> & { created_at: Date; updated_at: Date; submission_count: number };

async function seedLead(dealershipId: string, lead: Partial<Lead> & { created_at: Date }): Promise<Lead> {
  const stored: Lead = {
    id: randomUUID(),
    dealership_id: dealershipId,
    status: 'new',
    lost_reason: null,
    source: 'dealer_website',
    channel: 'website',
    intent: 'schedule_test_drive',
    vehicle_id: randomUUID(),
    assignee_id: null,
    routed_at: null,
    first_response_at: null,
    submission_count: 1,
    updated_at: lead.created_at,
    ...lead,
  };
  const { dealership_id: _dealership, ...columns } = stored;
  await forDealership(database.writer, dealershipId)
    .insertInto('leads')
    .values({
      ...columns,
      ...SHOPPER,
      last_activity_at: stored.updated_at,
      vehicle_vin: '1FTEW1EP5JFA12345',
      assignee_name: 'Dana Salesperson',
    })
    .execute();
  return stored;
}

async function moveTo(lead: Lead, from: string, to: string, occurredAt: Date) {
  await writeOutbox(database.writer, lead.dealership_id, occurredAt, [
    {
      type: 'status_changed',
      leadId: lead.id,
      actor: { id: 'auth0|sales-1', name: 'Dana Salesperson' },
      shopperName: `${SHOPPER.first_name} ${SHOPPER.last_name}`,
      assigneeId: 'auth0|sales-1',
      summary: `Status: ${from} → ${to}`,
      data: { from, to, lostReason: null, note: null, firstResponseSeconds: null },
    },
  ]);
}

describe("the leads service's warehouse export", () => {
  const rooftop = randomUUID();
  const otherRooftop = randomUUID();
  let expected: Record<string, unknown>[];

  beforeAll(async () => {
    const arrived = await seedLead(rooftop, {
      created_at: at('08:00:00.125'),
      channel: 'adf',
      source: 'autotrader',
      intent: null,
    });
    const sold = await seedLead(rooftop, {
      created_at: at('10:00:00', '2026-11-02'),
      updated_at: at('14:30:00.500'),
      status: 'sold',
      assignee_id: 'auth0|sales-1',
      routed_at: at('10:00:01', '2026-11-02'),
      first_response_at: at('10:04:00', '2026-11-02'),
      submission_count: 2,
    });
    await moveTo(sold, 'new', 'contacted', at('10:04:00', '2026-11-02'));
    await moveTo(sold, 'negotiation', 'sold', at('14:30:00.500'));
    const lost = await seedLead(otherRooftop, {
      created_at: at('09:00:00', '2026-11-10'),
      updated_at: at('23:59:59.999'),
      status: 'lost',
      lost_reason: 'price',
    });
    await moveTo(lost, 'contacted', 'lost', at('23:59:59.999'));
    const reopened = await seedLead(rooftop, {
      created_at: at('09:00:00', '2026-11-01'),
      updated_at: at('00:00:00.000'),
      status: 'contacted',
    });
    await moveTo(reopened, 'contacted', 'lost', at('09:00:00', '2026-11-05'));
    // Changed the day before and the day after: other partitions.
    await seedLead(rooftop, { created_at: at('23:59:59.999', '2026-11-19') });
    await seedLead(otherRooftop, { created_at: at('00:00:00.000', '2026-11-21') });

    const row = (lead: Lead, closing: { sold_at?: Date; lost_at?: Date } = {}) => ({
      ...lead,
      sold_at: closing.sold_at ?? null,
      lost_at: closing.lost_at ?? null,
      dt: DAY.date,
    });
    expected = [
      row(arrived),
      row(sold, { sold_at: at('14:30:00.500') }),
      row(lost, { lost_at: at('23:59:59.999') }),
      row(reopened),
    ];
  });

  it('when a day is exported, then every lead created or changed that day is in its partition, equal to the lead, with its sale and loss times', async () => {
    const result = await exportPartition(leadsExporter(database.reader, 2), DAY, store);
    expect(result).toEqual({
      table: 'leads',
      date: DAY.date,
      key: 'warehouse/leads/dt=2026-11-20/leads.parquet',
      rows: 4,
    });

    const read = await readPartition(store, result.table, result.date);
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a['id']).localeCompare(String(b['id']));
    expect(read.rows.sort(byId)).toEqual([...expected].sort(byId));
    expect(read.columns.map((c) => c.name)).toEqual(LEADS_TABLE.columns.map((c) => c.name));
  });

  it('when the partition is read, then no shopper name, e-mail, phone number, message or trade-in is in it', async () => {
    const read = await readPartition(store, 'leads', DAY.date);
    const personal = new Set<unknown>([...Object.values(SHOPPER), 'Dana Salesperson', '1FTEW1EP5JFA12345']);
    expect(read.rows.flatMap((row) => Object.values(row)).filter((value) => personal.has(value))).toEqual([]);
    expect(
      read.columns.map((c) => c.name).filter((name) => /name|mail|phone|message|trade|vin/.test(name)),
    ).toEqual([]);
  });

  it('when the day is exported again, then the partition still holds each lead once', async () => {
    await exportPartition(leadsExporter(database.reader, 3), DAY, store);
    await exportPartition(leadsExporter(database.reader), DAY, store);
    expect(await store.list('warehouse/leads/dt=2026-11-20/')).toEqual([partitionKey('leads', DAY.date)]);
    const read = await readPartition(store, 'leads', DAY.date);
    expect(read.rows).toHaveLength(expected.length);
    expect(new Set(read.rows.map((row) => row['id'])).size).toBe(expected.length);
  });
});

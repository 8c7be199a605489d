import { randomUUID } from 'node:crypto';
import type { Quote } from '@showroom/contracts';
import { createDatabase, forDealership, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { ObjectStore } from '@showroom/server-storage';
import { createTestSchema, startS3Local, type S3Local, type TestSchema } from '@showroom/server-testing';
import {
  LOCAL_WAREHOUSE_BUCKET,
  exportDayOf,
  exportPartition,
  readPartition,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetailDatabase } from '../database';
import { retailMigrations } from '../migrations';
import { dealsExporter } from './deals-exporter';
import { DEALS_TABLE } from './deals-table';

const DAY = exportDayOf('2026-11-20');
const at = (date: string, time = '12:00:00.000') => new Date(`${date}T${time}Z`);
const SHOPPER = {
  shopper_first_name: 'Teodora',
  shopper_last_name: 'Vasquez-Lindqvist',
  shopper_email: 'teodora.vl@example.test',
  shopper_phone: '+1 503 555 0143',
};

let schema: TestSchema;
let database: Database<RetailDatabase>;
let s3: S3Local;
let store: ObjectStore;

beforeAll(async () => {
  schema = await createTestSchema('retail_warehouse');
  database = createDatabase<RetailDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
  await migrateToLatest(database.writer, retailMigrations);
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

function financeQuote(sellingPriceCents: number): Quote {
  return {
    kind: 'finance',
    sellingPriceCents,
    msrpCents: sellingPriceCents + 150_000,
    fees: { documentationCents: 49_900, titleCents: 7_500, registrationCents: 12_000, acquisitionCents: 0 },
    products: [],
    productsCents: 189_500,
    tradeValueCents: 1_200_000,
    tradePayoffCents: 400_000,
    tradeEquityCents: 800_000,
    salesTaxBps: 575,
    taxableCents: sellingPriceCents,
    taxCents: Math.round((sellingPriceCents * 575) / 10_000),
    downPaymentCents: 300_000,
    finance: {
      amountFinancedCents: 2_500_000,
      aprBps: 649,
      termMonths: 72,
      monthlyPaymentCents: 42_017,
      totalOfPaymentsCents: 3_025_224,
      financeChargeCents: 525_224,
    },
    lease: null,
    dueAtSigningCents: 300_000,
    cashBackCents: 0,
    monthlyPaymentCents: 42_017,
    disclosure: 'Estimate only.',
  };
}

interface SeededDeal {
  dealershipId: string;
  status: 'draft' | 'submitted' | 'countered' | 'accepted' | 'withdrawn';
  createdAt: Date;
  updatedAt: Date;
  /** The deal's offers, oldest first (the last is the deal's current one). */
  offers: Array<{ by: 'shopper' | 'dealer'; quote: Quote }>;
  submittedAt?: Date | null;
}

async function seedDeal(deal: SeededDeal) {
  const id = randomUUID();
  const tenant = forDealership(database.writer, deal.dealershipId);
  const vehicleId = randomUUID();
  const row = {
    id,
    vehicle_id: vehicleId,
    vehicle: JSON.stringify({ id: vehicleId, year: 2022, make: 'Subaru', model: 'Outback' }),
    kind: 'finance' as const,
    status: deal.status,
    ...SHOPPER,
    access_token_hash: 'a'.repeat(64),
    lead_id: deal.status === 'draft' ? null : randomUUID(),
    assignee_id: deal.status === 'draft' ? null : 'auth0|sales-7',
    offer_version: deal.offers.length,
    version: 1,
    submitted_at: deal.submittedAt ?? null,
    accepted_at: deal.status === 'accepted' ? deal.updatedAt : null,
    created_at: deal.createdAt,
    updated_at: deal.updatedAt,
  };
  await tenant.insertInto('deals').values(row).execute();
  let version = 0;
  for (const offer of deal.offers) {
    await tenant
      .insertInto('deal_offers')
      .values({
        deal_id: id,
        version: ++version,
        by: offer.by,
        structure: JSON.stringify({
          kind: 'finance',
          downPaymentCents: 300_000,
          termMonths: 72,
          creditTier: 'good',
          products: [],
        }),
        adjustments: JSON.stringify({
          sellingPriceCents: null,
          financeAprBps: null,
          leaseMoneyFactor: null,
          tradeValueCents: null,
        }),
        quote: JSON.stringify(offer.quote),
        message: offer.by === 'dealer' ? 'Best we can do, Teodora' : null,
        author_id: offer.by === 'dealer' ? 'auth0|manager-1' : null,
        author_name: offer.by === 'dealer' ? 'Morgan Manager' : null,
        created_at: deal.updatedAt,
      })
      .execute();
  }
  const latest = deal.offers[deal.offers.length - 1];
  if (!latest) throw new Error('a deal starts with an offer');
  const current = latest.quote;
  return {
    id,
    dealership_id: deal.dealershipId,
    vehicle_id: vehicleId,
    lead_id: row.lead_id,
    assignee_id: row.assignee_id,
    deal_kind: 'finance',
    status: deal.status,
    offer_version: deal.offers.length,
    offer_by: latest.by,
    created_at: deal.createdAt,
    updated_at: deal.updatedAt,
    submitted_at: row.submitted_at,
    accepted_at: row.accepted_at,
    selling_price_cents: current.sellingPriceCents,
    msrp_cents: current.msrpCents,
    products_cents: 189_500,
    trade_value_cents: 1_200_000,
    trade_payoff_cents: 400_000,
    tax_cents: current.taxCents,
    down_payment_cents: 300_000,
    due_at_signing_cents: 300_000,
    monthly_payment_cents: 42_017,
    term_months: 72,
    dt: DAY.date,
  };
}

describe("the retail service's warehouse export", () => {
  const rooftop = randomUUID();
  const otherRooftop = randomUUID();
  let expected: Awaited<ReturnType<typeof seedDeal>>[];

  beforeAll(async () => {
    expected = [
      await seedDeal({
        dealershipId: rooftop,
        status: 'draft',
        createdAt: at('2026-11-20', '09:00:00.001'),
        updatedAt: at('2026-11-20', '09:00:00.001'),
        offers: [{ by: 'shopper', quote: financeQuote(3_100_000) }],
      }),
      // Countered on the day: its figures are the dealer's counter, not the shopper's first offer.
      await seedDeal({
        dealershipId: otherRooftop,
        status: 'countered',
        createdAt: at('2026-11-18'),
        updatedAt: at('2026-11-20', '23:59:59.999'),
        submittedAt: at('2026-11-18', '12:05:00.000'),
        offers: [
          { by: 'shopper', quote: financeQuote(2_800_000) },
          { by: 'dealer', quote: financeQuote(2_950_000) },
        ],
      }),
      await seedDeal({
        dealershipId: rooftop,
        status: 'accepted',
        createdAt: at('2026-11-15'),
        updatedAt: at('2026-11-20', '00:00:00.000'),
        submittedAt: at('2026-11-15'),
        offers: [{ by: 'shopper', quote: financeQuote(4_200_000) }],
      }),
    ];
    await seedDeal({
      dealershipId: rooftop,
      status: 'submitted',
      createdAt: at('2026-11-19'),
      updatedAt: at('2026-11-19', '23:59:59.999'),
      offers: [{ by: 'shopper', quote: financeQuote(1) }],
    });
    await seedDeal({
      dealershipId: rooftop,
      status: 'withdrawn',
      createdAt: at('2026-11-19'),
      updatedAt: at('2026-11-21', '00:00:00.000'),
      offers: [{ by: 'shopper', quote: financeQuote(2) }],
    });
  });

  it("when a day is exported, then every deal started or changed that day is there once, with its latest offer's figures", async () => {
    const result = await exportPartition(dealsExporter(database.reader, 2), DAY, store);
    expect(result).toMatchObject({ key: 'warehouse/deals/dt=2026-11-20/deals.parquet', rows: 3 });

    const read = await readPartition(store, result.table, result.date);
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a['id']).localeCompare(String(b['id']));
    expect(read.rows.sort(byId)).toEqual([...expected].sort(byId));
    expect(read.columns.map((c) => c.name)).toEqual(DEALS_TABLE.columns.map((c) => c.name));
  });

  it("when the partition is read, then no shopper contact, credit tier, APR or dealer's message is in it", async () => {
    const read = await readPartition(store, 'deals', DAY.date);
    const personal = new Set<unknown>([
      ...Object.values(SHOPPER),
      'Best we can do, Teodora',
      'Morgan Manager',
      'good',
      649,
    ]);
    expect(read.rows.flatMap(Object.values).filter((value) => personal.has(value))).toEqual([]);
    expect(
      read.columns.map((c) => c.name).filter((name) => /shopper|credit|apr|message|author/.test(name)),
    ).toEqual([]);
  });

  it('when the day is exported again, then each deal is there once', async () => {
    await exportPartition(dealsExporter(database.reader), DAY, store);
    const read = await readPartition(store, 'deals', DAY.date);
    expect(read.rows.map((row) => row['id']).sort()).toEqual(expected.map((deal) => deal.id).sort());
  });
});

import type { Quote } from '@showroom/contracts';
import { acrossDealerships } from '@showroom/server-mysql';
import {
  EXPORT_PAGE_SIZE,
  keysetPages,
  type ExportDay,
  type WarehouseExporter,
  type WarehouseRow,
} from '@showroom/server-warehouse';
import { sql, type Kysely } from 'kysely';
import type { RetailDatabase } from '../database';
import { DEALS_TABLE } from './deals-table';

interface DealCursor {
  updatedAt: Date;
  dealershipId: string;
  id: string;
}

/**
 * The day's deals from the retail schema: deals whose `updated_at` falls in the day, each with its
 * latest offer's quote (`deal_offers` at the deal's `offer_version`, read per page), in pages by
 * (updated_at, dealership_id, id). The shopper's columns are never selected, and credit
 * applications are not read at all.
 */
export function dealsExporter(db: Kysely<RetailDatabase>, pageSize = EXPORT_PAGE_SIZE): WarehouseExporter {
  const all = acrossDealerships(db);

  const readPage = (day: ExportDay, after: DealCursor | null) => {
    let query = all
      .selectFrom('deals')
      .select([
        'id',
        'dealership_id',
        'vehicle_id',
        'lead_id',
        'assignee_id',
        'kind',
        'status',
        'offer_version',
        'created_at',
        'updated_at',
        'submitted_at',
        'accepted_at',
      ])
      .where('updated_at', '>=', day.from)
      .where('updated_at', '<', day.to);
    if (after) {
      query = query.where(
        sql<boolean>`(updated_at, dealership_id, id) > (${after.updatedAt}, ${after.dealershipId}, ${after.id})`,
      );
    }
    return query.orderBy('updated_at').orderBy('dealership_id').orderBy('id').limit(pageSize).execute();
  };
  type DealRow = Awaited<ReturnType<typeof readPage>>[number];

  /** Each deal's latest offer (its `offer_version`), keyed by deal id. */
  async function latestOffers(deals: readonly DealRow[]) {
    const offers = await all
      .selectFrom('deal_offers')
      .select(['deal_id', 'dealership_id', 'by', 'quote'])
      .where((eb) =>
        eb.or(
          deals.map((deal) =>
            eb.and([
              eb('dealership_id', '=', deal.dealership_id),
              eb('deal_id', '=', deal.id),
              eb('version', '=', deal.offer_version),
            ]),
          ),
        ),
      )
      .execute();
    return new Map(offers.map((offer) => [offer.deal_id, offer]));
  }

  return {
    table: DEALS_TABLE,
    async *rowsOf(day) {
      const pages = keysetPages<DealRow, DealCursor>(
        (after) => readPage(day, after),
        (last) => ({ updatedAt: last.updated_at, dealershipId: last.dealership_id, id: last.id }),
        pageSize,
      );
      for await (const page of pages) {
        const offers = await latestOffers(page);
        yield page.map((deal) => dealRow(deal, offers.get(deal.id) ?? null));
      }
    },
  };
}

function dealRow(
  { kind, ...deal }: Record<string, unknown> & { kind: string },
  offer: { by: string; quote: string } | null,
): WarehouseRow {
  const quote = offer ? (JSON.parse(offer.quote) as Quote) : null;
  return {
    ...(deal as WarehouseRow),
    deal_kind: kind,
    offer_by: offer?.by ?? null,
    selling_price_cents: quote?.sellingPriceCents ?? null,
    msrp_cents: quote?.msrpCents ?? null,
    products_cents: quote?.productsCents ?? null,
    trade_value_cents: quote?.tradeValueCents ?? null,
    trade_payoff_cents: quote?.tradePayoffCents ?? null,
    tax_cents: quote?.taxCents ?? null,
    down_payment_cents: quote?.downPaymentCents ?? null,
    due_at_signing_cents: quote?.dueAtSigningCents ?? null,
    monthly_payment_cents: quote?.monthlyPaymentCents ?? null,
    term_months: quote?.finance?.termMonths ?? quote?.lease?.termMonths ?? null,
  };
}

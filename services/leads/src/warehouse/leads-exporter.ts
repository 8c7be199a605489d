import { acrossDealerships } from '@showroom/server-mysql';
import {
  EXPORT_PAGE_SIZE,
  keysetPages,
  type ExportDay,
  type WarehouseExporter,
  type WarehouseRow,
} from '@showroom/server-warehouse';
import { sql, type Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';
import { LEADS_TABLE } from './leads-table';

interface LeadCursor {
  updatedAt: Date;
  dealershipId: string;
  id: string;
}

/**
 * The day's leads from the leads schema: every lead whose `updated_at` falls in the day (a new lead
 * and every change bump it), read in pages ordered by (updated_at, dealership_id, id). Columns are
 * chosen one by one, so a personal field added to `leads` later cannot slip into the warehouse.
 *
 * `db` should be a reader: the export tolerates replica lag of seconds, at a quarter past midnight.
 */
export function leadsExporter(db: Kysely<LeadsDatabase>, pageSize = EXPORT_PAGE_SIZE): WarehouseExporter {
  const all = acrossDealerships(db);

  async function readPage(day: ExportDay, after: LeadCursor | null) {
    let query = all
      .selectFrom('leads')
      .select([
        'id',
        'dealership_id',
        'created_at',
        'updated_at',
        'status',
        'lost_reason',
        'source',
        'channel',
        'intent',
        'vehicle_id',
        'assignee_id',
        'routed_at',
        'first_response_at',
        'submission_count',
      ])
      .where('updated_at', '>=', day.from)
      .where('updated_at', '<', day.to);
    if (after) {
      query = query.where(
        sql<boolean>`(updated_at, dealership_id, id) > (${after.updatedAt}, ${after.dealershipId}, ${after.id})`,
      );
    }
    return query.orderBy('updated_at').orderBy('dealership_id').orderBy('id').limit(pageSize).execute();
  }

  type LeadRow = Awaited<ReturnType<typeof readPage>>[number];

  /** When each lead of the page last moved to sold or lost, from the outbox's status_changed rows. */
  async function closingTimes(rows: readonly LeadRow[]) {
    const closing = rows.filter((row) => row.status === 'sold' || row.status === 'lost');
    const times = new Map<string, Date>();
    if (closing.length === 0) return times;
    const moves = await all
      .selectFrom('outbox')
      .select(['dealership_id', 'lead_id', sql<string>`JSON_VALUE(payload, '$.data.to')`.as('to_status')])
      .select((eb) => eb.fn.max('occurred_at').as('moved_at'))
      .where('type', '=', 'status_changed')
      .where(
        'lead_id',
        'in',
        closing.map((row) => row.id),
      )
      .where(sql<string>`JSON_VALUE(payload, '$.data.to')`, 'in', ['sold', 'lost'])
      .groupBy(['dealership_id', 'lead_id', 'to_status'])
      .execute();
    for (const move of moves)
      times.set(`${move.dealership_id}/${move.lead_id}/${move.to_status}`, move.moved_at);
    return times;
  }

  return {
    table: LEADS_TABLE,
    async *rowsOf(day) {
      const pages = keysetPages<LeadRow, LeadCursor>(
        (after) => readPage(day, after),
        (last) => ({ updatedAt: last.updated_at, dealershipId: last.dealership_id, id: last.id }),
        pageSize,
      );
      for await (const page of pages) {
        const times = await closingTimes(page);
        yield page.map((lead): WarehouseRow => {
          const closedAt = (to: string) =>
            lead.status === to ? (times.get(`${lead.dealership_id}/${lead.id}/${to}`) ?? null) : null;
          return { ...lead, sold_at: closedAt('sold'), lost_at: closedAt('lost') };
        });
      }
    },
  };
}

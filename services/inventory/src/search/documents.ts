import type { Kysely, Selectable } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { InventoryDatabase, VehicleTable } from '../database';
import type { RooftopDirectory } from '../rooftops/rooftop-directory';
import type { SearchDocument, VehicleRef } from './port';

/** The current state of vehicles as search indexes hold them, read from MySQL. */
export interface SearchDocumentSource {
  /** The current documents of these vehicles; refs with no vehicle any more come back as `gone`. */
  load(refs: readonly VehicleRef[]): Promise<{ documents: SearchDocument[]; gone: VehicleRef[] }>;
  /** Every vehicle of every dealership, a page at a time, for a full build. */
  all(pageSize: number): AsyncIterable<SearchDocument[]>;
}

const DOCUMENT_COLUMNS = [
  'id',
  'dealership_id',
  'vin',
  'stock_number',
  'vehicle_condition',
  'status',
  'published',
  'year',
  'make',
  'model',
  'trim',
  'body_style',
  'drivetrain',
  'fuel_type',
  'exterior_color',
  'mileage',
  'price_cents',
  'created_at',
] as const;
type DocumentRow = Pick<Selectable<VehicleTable>, (typeof DOCUMENT_COLUMNS)[number]>;

export class MysqlSearchDocuments implements SearchDocumentSource {
  /**
   * `rooftops` names each vehicle's dealer group, for an index that filters by group (Algolia's
   * secured group keys); without it documents carry no group, and the users service being down
   * never stops an index that does not need one.
   */
  constructor(
    private readonly db: Kysely<InventoryDatabase>,
    private readonly rooftops?: RooftopDirectory,
  ) {}

  async load(refs: readonly VehicleRef[]): Promise<{ documents: SearchDocument[]; gone: VehicleRef[] }> {
    if (refs.length === 0) return { documents: [], gone: [] };
    const rows = await acrossDealerships(this.db)
      .selectFrom('vehicles')
      .select(DOCUMENT_COLUMNS)
      .where((eb) =>
        eb.or(refs.map((ref) => eb.and([eb('dealership_id', '=', ref.dealershipId), eb('id', '=', ref.id)]))),
      )
      .execute();
    const documents = await this.documentsOf(rows);
    const found = new Set(rows.map((row) => `${row.dealership_id}/${row.id}`));
    return { documents, gone: refs.filter((ref) => !found.has(`${ref.dealershipId}/${ref.id}`)) };
  }

  async *all(pageSize: number): AsyncIterable<SearchDocument[]> {
    let after: { dealershipId: string; id: string } | undefined;
    for (;;) {
      const from = after;
      // Keyset paging along the primary key: each page is one short index range, however deep.
      const rows = await acrossDealerships(this.db)
        .selectFrom('vehicles')
        .select(DOCUMENT_COLUMNS)
        .$if(from !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('dealership_id', '>', from?.dealershipId ?? ''),
              eb.and([eb('dealership_id', '=', from?.dealershipId ?? ''), eb('id', '>', from?.id ?? '')]),
            ]),
          ),
        )
        .orderBy('dealership_id')
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield await this.documentsOf(rows);
      const last = rows[rows.length - 1];
      after = { dealershipId: last.dealership_id, id: last.id };
      if (rows.length < pageSize) return;
    }
  }

  private async documentsOf(rows: DocumentRow[]): Promise<SearchDocument[]> {
    const groups = new Map<string, string | null>();
    for (const dealershipId of new Set(rows.map((row) => row.dealership_id))) {
      groups.set(dealershipId, (await this.rooftops?.rooftop(dealershipId))?.groupId ?? null);
    }
    return rows.map((row) => documentOf(row, groups.get(row.dealership_id) ?? null));
  }
}

function documentOf(row: DocumentRow, groupId: string | null): SearchDocument {
  return {
    id: row.id,
    dealershipId: row.dealership_id,
    groupId,
    vin: row.vin,
    stockNumber: row.stock_number,
    condition: row.vehicle_condition,
    status: row.status,
    published: Boolean(row.published),
    year: row.year,
    make: row.make,
    model: row.model,
    trim: row.trim,
    bodyStyle: row.body_style as SearchDocument['bodyStyle'],
    drivetrain: row.drivetrain as SearchDocument['drivetrain'],
    fuelType: row.fuel_type as SearchDocument['fuelType'],
    exteriorColor: row.exterior_color,
    mileage: row.mileage,
    priceCents: row.price_cents === null ? null : Number(row.price_cents),
    listedAt: row.created_at.getTime(),
  };
}

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AnalyticsEvent, ResponseTimes } from '@showroom/contracts';
import { AnalyticsEngineClosedError } from '../engine-errors';
import { checkedCount, checkedFilter, checkedInstant } from '../filter-checks';
import type {
  AnalyticsEngine,
  DayLeads,
  DaysToSell,
  EventFilter,
  LeadsAndSales,
  NoResultSearch,
  RooftopFigures,
  SalespersonResponses,
  SearchTotals,
  SourceFunnel,
} from '../port';
import { eventRows, storedEvent, type EventRow } from './event-rows';
import { GroupedAppends } from './grouped-appends';
import * as queries from './report-queries';
import { createEventsTableSql, createStagingTableSql } from './schema';
import { SerialConnection } from './serial-connection';
import { storeBatch } from './store-batch';

export interface DuckDbEngineOptions {
  /** A database file (created with its folder when missing), or `:memory:`. */
  path: string;
  /** Threads one query may use (DuckDB's default: one per core). */
  threads?: number;
}

interface OpenDatabase {
  instance: DuckDBInstance;
  serial: SerialConnection;
}

type Row = Record<string, unknown>;

const IN_MEMORY = ':memory:';

/**
 * The embedded engine: events in a DuckDB table inside this process. Chosen by measurement
 * (`npm run bench:analytics`: over a million events, a rooftop's 30-day reports take 5–25 ms at the
 * median on a shared 2-core machine, the 90-day group views 40–110 ms) and because it needs no
 * server, so `npm start` and every test run the real queries.
 */
export class DuckDbEngine implements AnalyticsEngine {
  private opening: Promise<OpenDatabase> | null = null;
  private closed = false;
  private readonly appends = new GroupedAppends<EventRow>((rows) => this.writeRows(rows));

  constructor(private readonly options: DuckDbEngineOptions) {}

  ready(): Promise<void> {
    return this.database().then(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const open = await this.opening?.catch(() => null);
    if (!open) return;
    // Batches already handed in are written, queued queries answered; then the file is released.
    await this.appends.idle();
    await open.serial.drain();
    this.opening = null;
    open.serial.connection.closeSync();
    open.instance.closeSync();
  }

  async append(events: readonly AnalyticsEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.closed) throw new AnalyticsEngineClosedError();
    // Checked and converted per caller, before grouping: a bad event refuses only its own batch.
    const rows = eventRows(events);
    await this.appends.append(rows);
  }

  /** One insert of every batch grouped together, on the serialised connection (also while closing). */
  private async writeRows(rows: readonly EventRow[]): Promise<void> {
    const { serial } = await (this.opening ?? this.database());
    return serial.use((connection) => storeBatch(connection, rows));
  }

  async leadsBySourceAndDay(filter: EventFilter): Promise<DayLeads[]> {
    const rows = await this.read(queries.leadsBySourceAndDaySql(checkedFilter(filter)));
    return rows.map((row) => ({
      day: row['day'] as string,
      source: row['source'] as string,
      leads: num(row['leads']),
    }));
  }

  async funnelBySource(filter: EventFilter): Promise<SourceFunnel[]> {
    const rows = await this.read(queries.funnelBySourceSql(checkedFilter(filter)));
    return rows.map((row) => ({
      source: row['source'] as string,
      vehicleViews: num(row['vehicle_views']),
      leads: num(row['leads']),
      appointments: num(row['appointments']),
      sold: num(row['sold']),
    }));
  }

  async firstResponseBySalesperson(
    filter: EventFilter,
    targetSeconds: number,
  ): Promise<SalespersonResponses[]> {
    const query = queries.firstResponseBySalespersonSql(
      checkedFilter(filter),
      checkedCount(targetSeconds, 'targetSeconds'),
    );
    const rows = await this.read(query);
    return rows.map((row) => ({
      salespersonId: row['salesperson_id'] as string,
      salespersonName: (row['salesperson_name'] as string | null) ?? null,
      responses: num(row['responses']),
      medianSeconds: numOrNull(row['median_seconds']),
      p90Seconds: numOrNull(row['p90_seconds']),
      withinTarget: num(row['within_target']),
    }));
  }

  async firstResponseOverall(filter: EventFilter, targetSeconds: number): Promise<ResponseTimes> {
    const query = queries.firstResponseOverallSql(
      checkedFilter(filter),
      checkedCount(targetSeconds, 'targetSeconds'),
    );
    const [row] = await this.read(query);
    return {
      responses: num(row?.['responses']),
      medianSeconds: numOrNull(row?.['median_seconds']),
      p90Seconds: numOrNull(row?.['p90_seconds']),
      withinTarget: num(row?.['within_target']),
    };
  }

  async leadsAndSalesBySource(filter: EventFilter): Promise<(LeadsAndSales & { source: string })[]> {
    const rows = await this.read(queries.leadsAndSalesBySourceSql(checkedFilter(filter)));
    return rows.map((row) => ({
      source: row['source'] as string,
      leads: num(row['leads']),
      sold: num(row['sold']),
    }));
  }

  async leadsAndSalesBySalesperson(
    filter: EventFilter,
  ): Promise<(LeadsAndSales & { salespersonId: string; salespersonName: string | null })[]> {
    const rows = await this.read(queries.leadsAndSalesBySalespersonSql(checkedFilter(filter)));
    return rows.map((row) => ({
      salespersonId: row['salesperson_id'] as string,
      salespersonName: (row['salesperson_name'] as string | null) ?? null,
      leads: num(row['leads']),
      sold: num(row['sold']),
    }));
  }

  async inventoryAging(
    dealershipIds: readonly string[],
    asOf: Date,
    bucketStartDays: readonly number[],
  ): Promise<number[]> {
    bucketStartDays.forEach((start, i) => checkedCount(start, `bucketStartDays[${i}]`));
    const rows = await this.read(queries.lotAgesSql(dealershipIds, checkedInstant(asOf, 'asOf')));
    return bucketCounts(
      rows.map((row) => ({ days: num(row['days']), vehicles: num(row['vehicles']) })),
      bucketStartDays,
    );
  }

  async daysToSell(filter: EventFilter): Promise<DaysToSell> {
    const [row] = await this.read(queries.daysToSellSql(checkedFilter(filter)));
    return {
      sold: num(row?.['sold']),
      medianDays: numOrNull(row?.['median_days']),
      averageDays: numOrNull(row?.['average_days']),
    };
  }

  async noResultSearches(filter: EventFilter, limit: number): Promise<NoResultSearch[]> {
    const query = queries.noResultSearchesSql(checkedFilter(filter), checkedCount(limit, 'limit'));
    const rows = await this.read(query);
    return rows.map((row) => ({
      terms: row['terms'] as string,
      searches: num(row['searches']),
      sessions: num(row['sessions']),
      lastSearchedAt: row['last_searched_at'] as Date,
    }));
  }

  async searchTotals(filter: EventFilter): Promise<SearchTotals> {
    const [row] = await this.read(queries.searchTotalsSql(checkedFilter(filter)));
    return { searches: num(row?.['searches']), noResultSearches: num(row?.['no_result_searches']) };
  }

  async rooftopFigures(filter: EventFilter): Promise<RooftopFigures[]> {
    const rows = await this.read(queries.rooftopFiguresSql(checkedFilter(filter)));
    return rows.map((row) => ({
      dealershipId: row['dealership_id'] as string,
      vehicleViews: num(row['vehicle_views']),
      leads: num(row['leads']),
      sold: num(row['sold']),
      medianFirstResponseSeconds: numOrNull(row['median_seconds']),
    }));
  }

  async leadSources(filter: EventFilter): Promise<string[]> {
    const rows = await this.read(queries.leadSourcesSql(checkedFilter(filter)));
    return rows.map((row) => row['source'] as string);
  }

  async eventsBetween(
    from: Date,
    to: Date,
    afterId: string | null,
    limit: number,
  ): Promise<AnalyticsEvent[]> {
    const query = queries.eventsBetweenSql(
      checkedInstant(from, 'from'),
      checkedInstant(to, 'to'),
      afterId,
      checkedCount(limit, 'limit'),
    );
    return (await this.read(query)).map(storedEvent);
  }

  private async read(query: queries.Query): Promise<Row[]> {
    return this.use(async (connection) => {
      const reader = await connection.runAndReadAll(query.sql, query.params);
      return reader.getRowObjectsJS() as Row[];
    });
  }

  private async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const { serial } = await this.database();
    return serial.use(work);
  }

  private database(): Promise<OpenDatabase> {
    if (this.closed) return Promise.reject(new AnalyticsEngineClosedError());
    this.opening ??= openDatabase(this.options).catch((error: unknown) => {
      // A failed open (a locked file, a bad path) is tried again by the next call, not remembered.
      this.opening = null;
      throw error;
    });
    return this.opening;
  }
}

async function openDatabase({ path, threads }: DuckDbEngineOptions): Promise<OpenDatabase> {
  if (path !== IN_MEMORY) await mkdir(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path, threads ? { threads: String(threads) } : {});
  try {
    const connection = await instance.connect();
    await connection.run(createEventsTableSql());
    await connection.run(createStagingTableSql());
    return { instance, serial: new SerialConnection(connection) };
  } catch (error) {
    instance.closeSync();
    throw error;
  }
}

/** Vehicles per bucket: each age goes to the last bucket whose start it has reached. */
export function bucketCounts(
  ages: readonly { days: number; vehicles: number }[],
  bucketStartDays: readonly number[],
): number[] {
  const counts = bucketStartDays.map(() => 0);
  for (const { days, vehicles } of ages) {
    const bucket = bucketStartDays.findLastIndex((start) => days >= start);
    if (bucket >= 0) counts[bucket] = (counts[bucket] ?? 0) + vehicles;
  }
  return counts;
}

function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'bigint' ? Number(value) : (value as number);
}

function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

import type { Pool, PoolConnection } from 'mysql2';

export interface ReplicaHealthSettings {
  /** How often each replica is asked whether it has applied what the primary had committed. */
  checkIntervalMs: number;
  /** How far behind the primary a replica may be and still take reads. */
  maxLagMs: number;
}

export const DEFAULT_REPLICA_HEALTH: ReplicaHealthSettings = { checkIntervalMs: 500, maxLagMs: 1000 };

/** The server's dialect of GTIDs: MariaDB's positions or MySQL's executed sets. */
interface GtidDialect {
  /** Everything the primary has committed so far. */
  positionSql: string;
  /** Waits up to `?` seconds for the position `?`; answers `reached` (1) or not (0). */
  waitSql: string;
}

const MARIADB: GtidDialect = {
  positionSql: 'SELECT @@GLOBAL.gtid_binlog_pos AS position',
  waitSql: 'SELECT MASTER_GTID_WAIT(?, ?) = 0 AS reached',
};
const MYSQL: GtidDialect = {
  positionSql: 'SELECT @@GLOBAL.gtid_executed AS position',
  waitSql: 'SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?) = 0 AS reached',
};

/** One replica: the pool reads use, and the moment up to which it is known to hold every commit. */
export interface Replica {
  url: string;
  pool: Pool;
  /** The primary's position was read at this time (performance.now) and the replica had applied it. */
  freshAsOf: number;
}

type Query = (pool: Pool, sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

const query: Query = async (pool, sql, values) => {
  const [rows] = await pool.promise().query(sql, values);
  return rows as Array<Record<string, unknown>>;
};

/**
 * Which replicas may take reads now. A replica is in rotation while it has shown, within the last
 * `checkIntervalMs + maxLagMs`, that it applied everything the primary had committed at that moment
 * (the primary's GTID position, then a GTID wait on the replica of at most `maxLagMs`). So a replica
 * in rotation holds every write committed more than `staleAfterMs` ago: that bound is what
 * read-your-writes builds on (see ReadYourWrites). A replica that lags past it, does not answer or
 * drops a connection is out until a check finds it caught up again.
 */
export class ReplicaRotation {
  private readonly replicas: Replica[];
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private dialect: GtidDialect | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly primary: Pool,
    replicas: Array<{ url: string; pool: Pool }>,
    private readonly settings: ReplicaHealthSettings = DEFAULT_REPLICA_HEALTH,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.replicas = replicas.map((replica) => ({ ...replica, freshAsOf: Number.NEGATIVE_INFINITY }));
  }

  /** How old the newest write a replica in rotation may still miss can be. */
  get staleAfterMs(): number {
    return this.settings.checkIntervalMs + this.settings.maxLagMs;
  }

  get size(): number {
    return this.replicas.length;
  }

  /** The replicas taking reads now, for health pages and tests. */
  inRotation(): Replica[] {
    const freshEnough = this.now() - this.staleAfterMs;
    return this.replicas.filter((replica) => replica.freshAsOf >= freshEnough);
  }

  /** Throws, naming them, when replicas are out of rotation (a readiness check that is not critical). */
  expectAllInRotation(): void {
    const taking = new Set(this.inRotation());
    const out = this.replicas.filter((replica) => !taking.has(replica));
    if (out.length > 0)
      throw new Error(
        `${out.length} of ${this.replicas.length} replicas out of rotation (lagging or not answering): ` +
          `${out.map((replica) => new URL(replica.url).host).join(', ')}; the primary answers their reads`,
      );
  }

  /** The next replica in rotation (round robin), or undefined when reads must go to the primary. */
  pick(): Replica | undefined {
    const candidates = this.inRotation();
    if (candidates.length === 0) return undefined;
    return candidates[this.next++ % candidates.length];
  }

  /** A replica that failed a read leaves the rotation until a check finds it well again. */
  takeOut(replica: Replica): void {
    replica.freshAsOf = Number.NEGATIVE_INFINITY;
  }

  /** Checks now, then every `checkIntervalMs` until `stop()`. */
  start(): void {
    if (this.timer || this.replicas.length === 0) return;
    const loop = () => {
      void this.check().finally(() => {
        if (this.timer) this.timer = setTimeout(loop, this.settings.checkIntervalMs).unref();
      });
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One round: each replica is asked to reach the primary's position of now. */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    const askedAt = this.now();
    let position: string;
    try {
      this.dialect ??= await this.dialectOf();
      const [row] = await query(this.primary, this.dialect.positionSql);
      position = String(row?.['position'] ?? '');
    } catch {
      // The primary does not answer: nothing can be proven fresh, the rotation ages out by itself.
      return;
    }
    const dialect = this.dialect;
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const [row] = await query(replica.pool, dialect.waitSql, [position, this.settings.maxLagMs / 1000]);
          if (Number(row?.['reached']) === 1) replica.freshAsOf = Math.max(replica.freshAsOf, askedAt);
          else this.takeOut(replica);
        } catch {
          this.takeOut(replica);
        }
      }),
    );
  }

  private async dialectOf(): Promise<GtidDialect> {
    const [row] = await query(this.primary, 'SELECT VERSION() AS version');
    return /mariadb/i.test(String(row?.['version'])) ? MARIADB : MYSQL;
  }
}

/** mysql2's error for a connection that is gone (reset, closed, timed out): another server may answer. */
export const isConnectionLost = (error: unknown): boolean => Boolean((error as { fatal?: boolean })?.fatal);

export type { PoolConnection };

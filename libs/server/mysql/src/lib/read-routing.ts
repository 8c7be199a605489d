import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolConnection } from 'mysql2';
import { isConnectionLost, type Replica, type ReplicaRotation } from './replica-rotation';

const primaryOnly = new AsyncLocalStorage<boolean>();

/** Runs `work` with every read of `Database.reader` sent to the primary (it must see a recent write). */
export function readingFromPrimary<T>(work: () => T): T {
  return primaryOnly.run(true, work);
}

/** Whether reads in this async context must go to the primary. */
export const readsFromPrimaryNow = (): boolean => primaryOnly.getStore() === true;

type ConnectionCallback = (error: NodeJS.ErrnoException | null, connection?: PoolConnection) => void;
type QueryCallback = (error: unknown, result?: unknown, fields?: unknown) => void;

/**
 * The pool Kysely's MySQL dialect is given for reads: each query takes a connection from a replica
 * in rotation, or from the primary when none is or when the caller must see its own writes. A
 * replica that refuses the connection, or loses it during a query, leaves the rotation and the
 * query runs on the primary instead, so a dying replica costs time, never an error.
 */
export class ReadRoutingPool {
  constructor(
    private readonly primary: Pool,
    private readonly rotation: ReplicaRotation,
  ) {}

  getConnection(callback: ConnectionCallback): void {
    const replica = readsFromPrimaryNow() ? undefined : this.rotation.pick();
    if (!replica) return this.primary.getConnection(callback);
    replica.pool.getConnection((error, connection) => {
      if (error || !connection) {
        this.rotation.takeOut(replica);
        return this.primary.getConnection(callback);
      }
      callback(null, this.failingOver(connection, replica));
    });
  }

  end(callback: (error?: unknown) => void): void {
    callback();
  }

  /** The connection, with a lost-connection error on a query answered by running it on the primary. */
  private failingOver(connection: PoolConnection, replica: Replica): PoolConnection {
    const primary = this.primary;
    const rotation = this.rotation;
    let lost = false;
    return new Proxy(connection, {
      get(target, property, receiver) {
        if (property === 'release')
          return () => {
            if (lost) target.destroy();
            else target.release();
          };
        if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
        return (sql: string, values: unknown, callback?: QueryCallback) => {
          // Without a callback the caller streams the rows: no second chance for those.
          if (!callback) return target.query(sql, values as never);
          return target.query(sql, values as never, (error: unknown, result: unknown, fields: unknown) => {
            if (!isConnectionLost(error)) return callback(error, result, fields);
            lost = true;
            rotation.takeOut(replica);
            primary.query(sql, values as never, callback as never);
          });
        };
      },
    });
  }
}

import { createHash } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2';

/** Only the instance holding the lease writes to the shared index; the others stand by. */
export interface LeaderLease {
  /** True when this instance holds the lease now (acquired now or still held). */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * A MySQL named lock (GET_LOCK) held on a connection of its own: the lock lives exactly as long as
 * that connection, so an instance that dies or loses MySQL releases it without anyone's help, and
 * another instance's next `acquire` takes over. Each `acquire` also checks that the lock is still
 * this connection's. Two leaders at once (a connection cut that only one side has noticed) are
 * harmless: indexes receive current states, and the cursor only moves forward.
 */
export class MysqlLeaderLease implements LeaderLease {
  private connection: Connection | undefined;
  private readonly lockName: string;

  constructor(
    private readonly databaseUrl: string,
    lockName: string,
  ) {
    this.lockName = usableLockName(lockName);
  }

  async acquire(): Promise<boolean> {
    try {
      this.connection ??= await createConnection({ uri: this.databaseUrl, connectTimeout: 2000 });
      const [rows] = await this.connection.query<(RowDataPacket & { held: number | null })[]>(
        'SELECT IF(IS_USED_LOCK(?) = CONNECTION_ID(), 1, GET_LOCK(?, 0)) AS held',
        [this.lockName, this.lockName],
      );
      if (Number(rows[0]?.held) === 1) return true;
      return false;
    } catch (error) {
      await this.dropConnection();
      throw error;
    }
  }

  async release(): Promise<void> {
    if (!this.connection) return;
    await this.connection.query('DO RELEASE_LOCK(?)', [this.lockName]).catch(() => undefined);
    await this.dropConnection();
  }

  private async dropConnection(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    await connection.end().catch(() => connection.destroy());
  }
}

/** MySQL refuses lock names over 64 characters; a long one (a long index name) is hashed instead. */
export function usableLockName(name: string): string {
  return name.length <= 64 ? name : `lock:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

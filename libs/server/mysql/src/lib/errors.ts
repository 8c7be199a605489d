import type { Kysely, Transaction } from 'kysely';

/** MySQL's duplicate-key error (unique index clash), for turning races into 409s. */
export function isDuplicateKeyError(error: unknown, indexName?: string): boolean {
  const e = error as { code?: string; errno?: number; sqlMessage?: string };
  if (e?.code !== 'ER_DUP_ENTRY' && e?.errno !== 1062) return false;
  return indexName === undefined || (e.sqlMessage ?? '').includes(indexName);
}

/** InnoDB chose this transaction as a deadlock's victim and rolled it back whole (1213). */
export function isDeadlockError(error: unknown): boolean {
  const e = error as { code?: string; errno?: number };
  return e?.code === 'ER_LOCK_DEADLOCK' || e?.errno === 1213;
}

/**
 * Runs a transaction again when InnoDB rolls it back as a deadlock's victim, as MySQL's manual asks
 * of applications: concurrent `FOR UPDATE SKIP LOCKED` claims on one queue can deadlock on its
 * indexes. `transaction` must be the whole transaction (nothing of it survives the rollback).
 * Another error, or the last of `attempts` deadlocks, is thrown.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlockError(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * `work` as one transaction on `db`, begun again whole when InnoDB picks it as a deadlock's victim
 * (see `retryOnDeadlock`). A queue claim takes {@link queueClaimTransaction} instead.
 */
export function transactionRetryingDeadlocks<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  attempts = 3,
): Promise<T> {
  return retryOnDeadlock(() => db.transaction().execute(work), attempts);
}

/**
 * A queue claim (`FOR UPDATE SKIP LOCKED` on the rows waiting) as one transaction at READ COMMITTED,
 * begun again whole on a deadlock. At MySQL's default REPEATABLE READ the claim also locks the gap
 * after the last row it read, which is where producers insert the next waiting row: every producer
 * then waits for the claim to commit, network calls inside it included. At READ COMMITTED it locks
 * only the rows it claimed. Needs row-based (or mixed) binary logging, as RDS and MariaDB default to.
 */
export function queueClaimTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  attempts = 3,
): Promise<T> {
  return retryOnDeadlock(() => db.transaction().setIsolationLevel('read committed').execute(work), attempts);
}

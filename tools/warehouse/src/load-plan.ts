import {
  fillPlaceholders,
  runRedshiftBatch,
  statementsOf,
  type BatchOutcome,
  type CopyPlaceholder,
  type RedshiftDataSender,
  type RedshiftTarget,
} from '@showroom/server-warehouse';
import type { SqlFileContents } from './sql-files';

/** One BatchExecuteStatement: Redshift runs its statements as one transaction. */
export interface LoadBatch {
  name: string;
  sqls: string[];
}

/** The Data API takes at most 40 statements in a batch. */
const MAX_BATCH_STATEMENTS = 40;

/**
 * The load of some days from the committed SQL: first the schema (CREATE … IF NOT EXISTS, harmless
 * when it is there), then per day, oldest first, every table's DELETE of the day + COPY of its
 * partition in ONE transaction, so the warehouse never shows a day half loaded, and loading a day
 * twice leaves it loaded once (the nightly job reloads its last few days for late events).
 */
export function loadBatches(
  files: SqlFileContents,
  dates: readonly string[],
  values: Readonly<Record<Exclude<CopyPlaceholder, 'date'>, string>>,
): LoadBatch[] {
  const batches = [
    { name: 'warehouse-schema', sqls: statementsOf(files.schema) },
    ...dates.map((date) => ({
      name: `warehouse-load-${date}`,
      sqls: statementsOf(fillPlaceholders(files.copy, { ...values, date })),
    })),
  ];
  for (const batch of batches) {
    if (batch.sqls.length === 0 || batch.sqls.length > MAX_BATCH_STATEMENTS) {
      throw new Error(
        `${batch.name} has ${batch.sqls.length} statements; a batch takes 1 to ${MAX_BATCH_STATEMENTS}`,
      );
    }
  }
  return batches;
}

export interface LoadOptions {
  pollIntervalMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Runs the batches in order through the Data API; a failed batch stops the load (days before it stay loaded). */
export async function runLoad(
  client: RedshiftDataSender,
  target: RedshiftTarget,
  batches: readonly LoadBatch[],
  options: LoadOptions,
): Promise<Array<BatchOutcome & { name: string }>> {
  const outcomes: Array<BatchOutcome & { name: string }> = [];
  for (const batch of batches) {
    const outcome = await runRedshiftBatch(client, target, batch.sqls, {
      ...options,
      statementName: batch.name,
    });
    outcomes.push({ ...outcome, name: batch.name });
  }
  return outcomes;
}

import {
  BatchExecuteStatementCommand,
  DescribeStatementCommand,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { createHash } from 'node:crypto';

/** The part of the Data API client the load uses: a test passes a recording stand-in. */
export type RedshiftDataSender = Pick<RedshiftDataClient, 'send'>;

export interface RedshiftTarget {
  /** Redshift Serverless workgroup. */
  workgroupName: string;
  database: string;
}

export interface BatchOptions {
  /** Shown in Redshift's query history, e.g. `warehouse-load-2026-12-05`. */
  statementName: string;
  /** Time between DescribeStatement calls. */
  pollIntervalMs: number;
  /** Give up (and say so) after this long; the statement itself keeps running in Redshift. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface BatchOutcome {
  id: string;
  /** Rows changed per statement (DELETE, COPY), in order. */
  resultRows: number[];
  /** Redshift's time for the batch, in milliseconds. */
  durationMs: number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs statements as one transaction through the Redshift Data API (BatchExecuteStatement into a
 * Serverless workgroup, credentials from the caller's IAM role: no database password anywhere), then
 * polls DescribeStatement until Redshift says FINISHED, FAILED or ABORTED.
 *
 * The ClientToken is a hash of the name and the SQL: a retried call of the same batch (a network
 * error after Redshift accepted it) is recognised by the Data API instead of running twice.
 */
export async function runRedshiftBatch(
  client: RedshiftDataSender,
  target: RedshiftTarget,
  sqls: readonly string[],
  options: BatchOptions,
): Promise<BatchOutcome> {
  if (sqls.length === 0) throw new Error(`${options.statementName}: no statements to run`);
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const clientToken = createHash('sha256')
    .update(options.statementName)
    .update('\0')
    .update(sqls.join('\0'))
    .digest('hex')
    .slice(0, 64);
  const started = await client.send(
    new BatchExecuteStatementCommand({
      WorkgroupName: target.workgroupName,
      Database: target.database,
      Sqls: [...sqls],
      StatementName: options.statementName,
      ClientToken: clientToken,
    }),
  );
  const id = started.Id;
  if (!id) throw new Error(`${options.statementName}: the Data API returned no statement id`);

  const deadline = now() + options.timeoutMs;
  for (;;) {
    const statement = await client.send(new DescribeStatementCommand({ Id: id }));
    switch (statement.Status) {
      case 'FINISHED':
        return {
          id,
          resultRows: (statement.SubStatements ?? []).map((sub) => Number(sub.ResultRows ?? 0)),
          durationMs: Math.round(Number(statement.Duration ?? 0) / 1_000_000),
        };
      case 'FAILED':
      case 'ABORTED': {
        const failed = statement.SubStatements?.find((sub) => sub.Status === 'FAILED');
        const which = failed?.Id ? ` (statement ${failed.Id})` : '';
        throw new Error(
          `${options.statementName} ${statement.Status.toLowerCase()}${which}: ${statement.Error ?? failed?.Error ?? 'no error given'}`,
        );
      }
      default:
        if (now() >= deadline) {
          throw new Error(
            `${options.statementName} still ${statement.Status ?? 'unknown'} after ${options.timeoutMs} ms (statement ${id}); it keeps running in Redshift`,
          );
        }
        await sleep(options.pollIntervalMs);
    }
  }
}

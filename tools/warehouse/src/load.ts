// `npm run warehouse:load -- [--date YYYY-MM-DD] [--days N] [--dry-run]`: the nightly ETL's second
// half. Runs infra/warehouse/schema.sql, then copy.sql for each of the N days (default 1) ending with
// the day (default: yesterday, UTC), one transaction per day, in Amazon Redshift
// Serverless through the Redshift Data API with the caller's IAM role (no database password).
// --dry-run prints the statements instead (there is no Redshift on a developer's machine).
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { loadConfig } from '@showroom/server-kit';
import { exportDaysFromArgs } from '@showroom/server-warehouse';
import { z } from 'zod';
import { loadBatches, runLoad } from './load-plan';
import { committedSqlFiles } from './sql-files';

const configSchema = z.object({
  /** The Redshift Serverless workgroup (Terraform output `warehouse_workgroup`). */
  REDSHIFT_WORKGROUP: z.string().min(3).max(64).default('showroom-dev-warehouse'),
  REDSHIFT_DATABASE: z.string().min(1).max(127).default('showroom'),
  /** The role Redshift assumes to read warehouse/ (Terraform output `warehouse_copy_role_arn`). */
  REDSHIFT_COPY_ROLE_ARN: z.string().default('arn:aws:iam::000000000000:role/showroom-dev-redshift-copy'),
  WAREHOUSE_S3_BUCKET: z.string().default('showroom-warehouse-local'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  REDSHIFT_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** A night's COPY of four tables takes seconds to minutes; past this the job says so and fails. */
  REDSHIFT_LOAD_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(6 * 3_600_000)
    .default(30 * 60_000),
});

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const days = exportDaysFromArgs(args, new Date());
  const config = loadConfig(configSchema);
  const batches = loadBatches(
    committedSqlFiles(),
    days.map((day) => day.date),
    {
      bucket: config.WAREHOUSE_S3_BUCKET,
      copy_role_arn: config.REDSHIFT_COPY_ROLE_ARN,
    },
  );
  if (args.includes('--dry-run')) {
    for (const batch of batches)
      console.log(`-- ${batch.name} (one transaction)\n${batch.sqls.join(';\n\n')};\n`);
    return 0;
  }
  const client = new RedshiftDataClient({ region: config.AWS_REGION });
  const outcomes = await runLoad(
    client,
    { workgroupName: config.REDSHIFT_WORKGROUP, database: config.REDSHIFT_DATABASE },
    batches,
    { pollIntervalMs: config.REDSHIFT_POLL_INTERVAL_MS, timeoutMs: config.REDSHIFT_LOAD_TIMEOUT_MS },
  );
  for (const outcome of outcomes) {
    console.log(
      `${outcome.name}: ${outcome.resultRows.join(', ')} rows in ${outcome.durationMs} ms (statement ${outcome.id})`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

// `npm run warehouse:export -- [--date YYYY-MM-DD]`: the nightly ETL's first half. Every service
// exports its table's day (default: yesterday, UTC) as Parquet to warehouse/<table>/dt=<day>/ in S3,
// replacing what an earlier run of that day left, so running it again is harmless.
import { exportDayFromArgs, type ExportResult } from '@showroom/server-warehouse';
import { exportService, WAREHOUSE_SERVICES } from './warehouse-services';

async function main(): Promise<number> {
  const day = exportDayFromArgs(process.argv.slice(2), new Date());
  console.log(`warehouse export of ${day.date} (UTC)`);
  const failures: string[] = [];
  const results: ExportResult[] = [];
  // One after another: each export is a reader query and a DuckDB file, and the machine Jenkins
  // runs on also builds; the whole night's export takes minutes, not hours.
  for (const service of WAREHOUSE_SERVICES) {
    try {
      const result = await exportService(service, day.date);
      results.push(result);
      console.log(`  ${result.table}: ${result.rows} rows → ${result.key}`);
    } catch (error) {
      failures.push(service.service);
      console.error(`  ${service.service}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) {
    // Every table's partition must be in place before the load, which replaces the day in one transaction.
    console.error(`warehouse export of ${day.date} failed for ${failures.join(', ')}; do not load this day`);
    return 1;
  }
  console.log(`warehouse export of ${day.date}: ${results.length} tables`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

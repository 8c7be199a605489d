// `npm run warehouse:export -- [--date YYYY-MM-DD] [--days N]`: the nightly ETL's first half. Every
// service exports its table's day (default: yesterday, UTC) as Parquet to warehouse/<table>/dt=<day>/
// in S3, replacing what an earlier run of that day left, so running it again is harmless. With
// --days N, the late-arriving events also redo the N-1 days before it (warehouse-services.ts).
import { exportDaysFromArgs, type ExportResult } from '@showroom/server-warehouse';
import { daysToExport, exportService, WAREHOUSE_SERVICES } from './warehouse-services';

async function main(): Promise<number> {
  const days = exportDaysFromArgs(process.argv.slice(2), new Date()).map((day) => day.date);
  const label = days.length === 1 ? days[0] : `${days[0]} to ${days.at(-1)}`;
  console.log(`warehouse export of ${label} (UTC)`);
  const failures: string[] = [];
  const results: ExportResult[] = [];
  // One after another: each export is a reader query and a DuckDB file, and the machine Jenkins
  // runs on also builds; the whole night's export takes minutes, not hours.
  for (const service of WAREHOUSE_SERVICES) {
    for (const date of daysToExport(service, days)) {
      try {
        const result = await exportService(service, date);
        results.push(result);
        console.log(`  ${result.table}: ${result.rows} rows → ${result.key}`);
      } catch (error) {
        failures.push(`${service.service} ${date}`);
        console.error(
          `  ${service.service} ${date}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  if (failures.length > 0) {
    // Every table's partition must be in place before the load, which replaces the day in one transaction.
    console.error(`warehouse export of ${label} failed for ${failures.join(', ')}; do not load these days`);
    return 1;
  }
  console.log(`warehouse export of ${label}: ${results.length} partitions`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

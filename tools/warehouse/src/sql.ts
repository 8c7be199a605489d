// `npm run warehouse:sql -- --write | --check`: infra/warehouse/schema.sql and copy.sql from the
// services' table declarations. --write regenerates them after a declaration changed; --check
// fails when they differ (a test does the same).
import { committedSqlFiles, generatedSqlFiles, SQL_FILES, writeSqlFiles } from './sql-files';
import { warehouseTables } from './warehouse-services';

async function main(): Promise<number> {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') {
    console.error('usage: npm run warehouse:sql -- --write | --check');
    return 2;
  }
  const generated = generatedSqlFiles(await warehouseTables());
  if (mode === '--write') {
    writeSqlFiles(generated);
    console.log(`wrote ${SQL_FILES.schema} and ${SQL_FILES.copy}`);
    return 0;
  }
  const committed = committedSqlFiles();
  const stale = (['schema', 'copy'] as const).filter((name) => committed[name] !== generated[name]);
  for (const name of stale)
    console.error(`${SQL_FILES[name]} differs from the declarations: npm run warehouse:sql -- --write`);
  return stale.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);

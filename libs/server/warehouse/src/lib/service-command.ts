import type { ObjectStore } from '@showroom/server-storage';
import { exportDayFromArgs } from './export-day';
import { exportPartition, type ExportResult, type WarehouseExporter } from './exporter';
import type { WarehouseTable } from './table';

/** What a service's warehouse command opens for an export: its exporter on its own schema, and the store. */
export interface OpenedExport {
  exporter: WarehouseExporter;
  store: ObjectStore;
  close(): Promise<void>;
}

export interface ServiceWarehouseCommand {
  table: WarehouseTable;
  /** Reads the service's configuration and connects; called only by `export`. */
  open(): Promise<OpenedExport>;
}

/**
 * A service's warehouse command line (`services/<svc>/src/warehouse/warehouse-cli.ts`), which the ETL
 * (tools/warehouse) runs as a process so each export reads only its own service's schema with its
 * own configuration:
 * - `table`: prints the table declaration as JSON (the ETL builds schema.sql / copy.sql from it);
 * - `export [--date YYYY-MM-DD]`: exports the day (default yesterday UTC) and prints the result as JSON.
 * Output on stdout is exactly one JSON document; anything for people goes to stderr.
 */
export async function runServiceWarehouseCommand(
  command: ServiceWarehouseCommand,
  args: readonly string[],
  now: Date = new Date(),
): Promise<WarehouseTable | ExportResult> {
  const [verb, ...rest] = args;
  if (verb === 'table') return command.table;
  if (verb !== 'export') {
    throw new Error(
      `usage: warehouse-cli table | warehouse-cli export [--date YYYY-MM-DD] (got ${JSON.stringify(verb ?? '')})`,
    );
  }
  const day = exportDayFromArgs(rest, now);
  const opened = await command.open();
  try {
    return await exportPartition(opened.exporter, day, opened.store);
  } finally {
    await opened.close();
  }
}

/** Runs the command for `process.argv` and exits: 0 with the JSON on stdout, 1 with the reason on stderr. */
export function mainServiceWarehouseCommand(command: ServiceWarehouseCommand): void {
  runServiceWarehouseCommand(command, process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

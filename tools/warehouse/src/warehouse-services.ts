import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportResult, WarehouseTable } from '@showroom/server-warehouse';

export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The services that export to the warehouse, each with its own command line. The ETL runs each as a
 * process with the environment it was given, so an export reads only its own service's schema (or
 * engine) and no tool imports a service. Their order is the order of schema.sql and copy.sql.
 */
export const WAREHOUSE_SERVICES = [
  { service: 'leads', cli: 'services/leads/src/warehouse/warehouse-cli.ts', lateRows: false },
  { service: 'inventory', cli: 'services/inventory/src/warehouse/warehouse-cli.ts', lateRows: false },
  { service: 'retail', cli: 'services/retail/src/warehouse/warehouse-cli.ts', lateRows: false },
  // Events arrive late (shoppers' up to 24 h, business events whenever analytics was down), so
  // their recent days are exported again each night. The other tables are the records' state as at
  // the export: exporting an old day again would move a record changed since out of that day.
  { service: 'analytics', cli: 'services/analytics/src/warehouse/warehouse-cli.ts', lateRows: true },
] as const;

/** The days a service exports in a run over `days` (oldest first): all of them for late rows, else the last. */
export function daysToExport<Day>(service: WarehouseService, days: readonly Day[]): Day[] {
  return service.lateRows ? [...days] : days.slice(-1);
}
export type WarehouseService = (typeof WAREHOUSE_SERVICES)[number];

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * Runs a TypeScript command line with this Node (24, through npm) and tsx, and returns the one JSON
 * document it prints. Its stderr (what it tells people) is passed through with the service's name.
 */
export function runJsonCommand<T>(
  script: string,
  args: readonly string[],
  options: { label: string; env?: NodeJS.ProcessEnv } = { label: script },
): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        TSX_CLI,
        '--tsconfig',
        join(WORKSPACE_ROOT, 'tsconfig.base.json'),
        join(WORKSPACE_ROOT, script),
        ...args,
      ],
      { cwd: WORKSPACE_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      for (const line of chunk.split('\n').filter(Boolean))
        process.stderr.write(`[${options.label}] ${line}\n`);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        const reason = stderr.trim().split('\n').at(-1) ?? '';
        reject(new Error(`${options.label} exited with ${code}${reason ? `: ${reason}` : ''}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(stdout) as T);
      } catch {
        reject(new Error(`${options.label} printed no JSON result: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

/** Each service's table declaration, in WAREHOUSE_SERVICES order. */
export function warehouseTables(env?: NodeJS.ProcessEnv): Promise<WarehouseTable[]> {
  return Promise.all(
    WAREHOUSE_SERVICES.map(({ service, cli }) =>
      runJsonCommand<WarehouseTable>(cli, ['table'], { label: service, ...(env ? { env } : {}) }),
    ),
  );
}

/** One service's export of a day. */
export function exportService(
  { service, cli }: WarehouseService,
  date: string,
  env?: NodeJS.ProcessEnv,
): Promise<ExportResult> {
  return runJsonCommand<ExportResult>(cli, ['export', '--date', date], {
    label: service,
    ...(env ? { env } : {}),
  });
}

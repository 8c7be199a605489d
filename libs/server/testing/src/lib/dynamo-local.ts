import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** The options of dynalite 4 we use (the package ships no types). */
interface DynaliteOptions {
  path?: string;
  createTableMs: number;
  deleteTableMs: number;
  updateTableMs: number;
}

const dynalite = createRequire(import.meta.url)('dynalite') as (options: DynaliteOptions) => Server;

export interface DynamoLocalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A LevelDB folder, so tables survive restarts (npm start); in memory when absent (tests, e2e). */
  path?: string;
}

export interface DynamoLocal {
  /** `http://127.0.0.1:<port>`: the `endpoint` of a DynamoDBClient. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * DynamoDB on 127.0.0.1, in this process (dynalite: tables, GSIs, Put/Get/Query, conditional and
 * batch writes; no transactions, PartiQL or TTL). Tables are ACTIVE as soon as they are created.
 * Any static credentials and region work.
 */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Also closes the LevelDB store, releasing its lock for the next start.
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

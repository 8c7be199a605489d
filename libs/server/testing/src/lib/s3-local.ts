import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The methods of s3rver's filesystem store that create or remove files and folders. */
const STORE_CHANGES = ['putObject', 'copyObject', 'deleteObject'] as const;
type StoreChanges = Record<(typeof STORE_CHANGES)[number], (...args: unknown[]) => Promise<unknown>>;

/** The part of s3rver 3.7 we use (the package ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
  store: StoreChanges;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
  vhostBuckets: boolean;
}) => S3rverInstance;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface S3LocalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A folder that keeps objects across restarts (npm start); a temporary one, removed on close, when absent. */
  directory?: string;
  /** Created at start when missing (names of 3 characters or more). */
  buckets: readonly string[];
}

export interface S3Local {
  /** `http://127.0.0.1:<port>`: the `endpoint` of an S3Client (path-style, credentials S3RVER/S3RVER). */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** An S3 API on 127.0.0.1, in this process (s3rver: objects on disk, put/get/list/delete, multipart). */
export async function startS3Local(options: S3LocalOptions): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'showroom-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
    vhostBuckets: false,
  });
  oneChangeAtATime(server.store);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async close() {
      server.httpServer?.closeAllConnections();
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver keeps objects in folders, and deleting an object removes the folders it leaves empty. A
 * put into such a folder that started just before opens its file after the folder is gone, on a
 * write stream without an error handler: the ENOENT is an uncaught exception that fails the whole
 * test run (a feed written under a secret while the secret's old files are retired). S3 has no
 * folders, so the stand-in makes its changes one at a time, which S3's behaviour allows.
 */
function oneChangeAtATime(store: StoreChanges): void {
  let previous: Promise<unknown> = Promise.resolve();
  for (const method of STORE_CHANGES) {
    const change = store[method].bind(store);
    store[method] = (...args) => {
      const result = previous.then(() => change(...args));
      previous = result.catch(() => undefined);
      return result;
    };
  }
}

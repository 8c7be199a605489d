import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

/** The methods of s3rver's filesystem store that create or remove files and folders. */
const STORE_CHANGES = ['putObject', 'copyObject', 'deleteObject'] as const;
type StoreMethod = (...args: unknown[]) => Promise<unknown>;
type Store = Record<(typeof STORE_CHANGES)[number] | 'getObject', StoreMethod>;

/** The part of s3rver 3.7 we use (the package ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
  store: Store;
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
  atomicObjects(server.store);
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
 * Makes s3rver's objects behave as S3's do: a put is seen whole or not at all.
 *
 * s3rver keeps each object in a file it rewrites in place, and removes the folders a delete leaves
 * empty. So a get racing a put of the same key streams a file being truncated (the client sees its
 * response cut short: "aborted"), and a put into a folder a delete just removed opens its file on a
 * write stream without an error handler (an uncaught ENOENT that fails the whole test run). Here
 * changes run one at a time, each after the gets already running, and a get reads its object whole
 * before any later change starts. S3 allows all of that; it only costs the stand-in some overlap.
 */
function atomicObjects(store: Store): void {
  let changes: Promise<unknown> = Promise.resolve();
  const reading = new Set<Promise<unknown>>();
  for (const method of STORE_CHANGES) {
    const change = store[method].bind(store);
    store[method] = (...args) => {
      const readsBefore = [...reading];
      const result = changes.then(() => Promise.allSettled(readsBefore)).then(() => change(...args));
      changes = result.catch(() => undefined);
      return result;
    };
  }
  const get = store.getObject.bind(store);
  store.getObject = (...args) => {
    const read = changes.then(async () => {
      const object = (await get(...args)) as { content: unknown } | null;
      if (object?.content instanceof Readable) object.content = Readable.from(await buffer(object.content));
      return object;
    });
    reading.add(read);
    void read.finally(() => reading.delete(read)).catch(() => undefined);
    return read;
  };
}

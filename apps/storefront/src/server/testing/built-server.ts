import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const WORKSPACE = resolve(import.meta.dirname, '../../../../..');
export const BUILT_SERVER = join(WORKSPACE, 'dist/apps/storefront/server/server.mjs');
export const BUILT_BROWSER = join(WORKSPACE, 'dist/apps/storefront/browser');

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export interface RunningStorefront {
  port: number;
  /** GET (or `method`) with the Host header a browser on that site would send. */
  get(
    path: string,
    options: { host: string; headers?: Record<string, string>; method?: string },
  ): Promise<Answer>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): string;
}

/**
 * The storefront as production runs it: the built `server.mjs` in its own Node process (this one's
 * Node, 24), configured only through its environment.
 */
export async function startBuiltStorefront(env: Record<string, string>): Promise<RunningStorefront> {
  if (!existsSync(BUILT_SERVER)) {
    throw new Error(`${BUILT_SERVER} is missing: build first (NX_DAEMON=false npx nx build storefront)`);
  }
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [BUILT_SERVER], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const get: RunningStorefront['get'] = (path, { host, headers = {}, method = 'GET' }) =>
    new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { host, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          done({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
      });
      req.on('error', fail);
      req.end();
    });

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the storefront exited at start:\n${output}`);
    const ready = await get('/healthz', { host: 'probe' }).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the storefront did not answer /healthz:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }

  return {
    port,
    get,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

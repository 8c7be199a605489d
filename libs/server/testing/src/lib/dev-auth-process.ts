import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort } from './free-port';

export interface DevAuthProcess {
  /** `http://127.0.0.1:<port>`, also the issuer (with a trailing slash). */
  url: string;
  /** What the `auth0` SDK takes as its domain: `127.0.0.1:<port>`. */
  domain: string;
  close(): Promise<void>;
}

export interface DevAuthProcessOptions {
  /** Where dev-auth reads memberships (the users service under test); unused by the Management API. */
  usersApiUrl?: string;
  env?: Record<string, string>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * The real dev-auth, as `npm start` runs it, in a process of its own on a free port with its keys
 * and accounts in a temporary folder: services' tests drive its Management API with the `auth0` SDK
 * (a service may not import a tool, so it cannot be started in-process).
 */
export async function startDevAuthProcess(options: DevAuthProcessOptions = {}): Promise<DevAuthProcess> {
  const root = workspaceRoot();
  const folder = await mkdtemp(join(tmpdir(), 'dev-auth-process-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['--tsconfig', 'tools/dev-auth/tsconfig.json', 'tools/dev-auth/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DEV_AUTH_PORT: String(port),
        DEV_AUTH_HOST: '127.0.0.1',
        DEV_AUTH_ISSUER: `${url}/`,
        DEV_AUTH_KEYS_FILE: join(folder, 'jwks.json'),
        DEV_AUTH_ACCOUNTS_FILE: join(folder, 'accounts.json'),
        USERS_API_URL: options.usersApiUrl ?? 'http://127.0.0.1:9',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`dev-auth exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`dev-auth was not ready after ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return { url, domain: `127.0.0.1:${port}`, close };
}

function workspaceRoot(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

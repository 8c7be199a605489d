import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSchema, TEST_REDIS_URL, type TestSchema } from '@showroom/server-testing';

/**
 * No Docker engine runs in CI, so this does what the image does, step by step: the production
 * build, `npm ci --omit=dev` of the generated package.json in an empty folder outside the
 * workspace, then `node main.js` with the image's environment. A module missing from the
 * generated manifest (a known Nx pitfall) crashes here exactly as it would in the container.
 */
const root = join(import.meta.dirname, '..', '..');
const SERVICES = [
  { name: 'inventory', databaseVariable: 'INVENTORY_DATABASE_URL' },
  { name: 'users', databaseVariable: 'USERS_DATABASE_URL' },
  { name: 'leads', databaseVariable: 'LEADS_DATABASE_URL' },
] as const;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForStatus(url: string, child: ChildProcess, output: () => string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output()}`);
    try {
      return (await fetch(url)).status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no answer from ${url}:\n${output()}`);
}

describe.each(SERVICES)('the $name image, assembled as the Dockerfile does', ({ name, databaseVariable }) => {
  const folder = mkdtempSync(join(tmpdir(), `image-${name}-`));
  let schema: TestSchema | undefined;
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await schema?.drop();
  });

  it('installs from its generated manifest and answers /healthz and /readyz, then stops on SIGTERM', async () => {
    // The Nx test target depends on the services' production builds (docker/project.json).
    const dist = join(root, 'dist', 'services', name);
    if (!existsSync(join(dist, 'package-lock.json'))) throw new Error(`Build it first: npx nx build ${name}`);
    for (const file of ['main.js', 'package.json', 'package-lock.json'])
      copyFileSync(join(dist, file), join(folder, file));

    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const required = [
      ...readFileSync(join(folder, 'main.js'), 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g),
    ]
      .map((m) => (m[1] as string).replace(/^node:/, ''))
      .map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : (id.split('/')[0] as string)));
    expect(required).toContain('express');
    const missing = [...new Set(required)].filter(
      (id) => !builtinModules.includes(id) && !manifest.dependencies[id],
    );
    expect(missing, 'modules main.js requires but package.json does not list').toEqual([]);

    run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], folder);

    schema = await createTestSchema(`image_${name}`);
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, ['main.js'], {
      cwd: folder,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        NEW_RELIC_LOG: 'stdout',
        NEW_RELIC_NO_CONFIG_FILE: 'true',
        [databaseVariable]: schema.url,
        REDIS_URL: TEST_REDIS_URL,
      },
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      expect(await waitForStatus(`http://127.0.0.1:${port}/healthz`, child, () => output)).toBe(200);
      expect(await waitForStatus(`http://127.0.0.1:${port}/readyz`, child, () => output)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/Cannot find module/);
  });
});

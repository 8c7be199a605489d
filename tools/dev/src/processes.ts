import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(import.meta.dirname, '..', '..', '..');

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Prefix each output line with the name (npm start); otherwise write to `.data/logs/<name>.log`. */
  echo: boolean;
}

/** Runs a TypeScript entry point with tsx on this Node (24), with the workspace's path aliases. */
export function startTypeScript(name: string, entry: string, options: StartOptions): ManagedProcess {
  return startNode(name, ['--import', 'tsx', join(WORKSPACE_ROOT, entry)], {
    ...options,
    env: { TSX_TSCONFIG_PATH: join(WORKSPACE_ROOT, 'tsconfig.base.json'), ...options.env },
  });
}

/** Runs a built JavaScript file (e.g. the storefront's SSR server) on this Node (24). */
export function startBuilt(name: string, file: string, options: StartOptions): ManagedProcess {
  return startNode(name, [file], options);
}

function startNode(name: string, args: string[], options: StartOptions): ManagedProcess {
  const child = spawn(process.execPath, args, {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.echo) {
    const prefix = `[${name}]`.padEnd(12);
    for (const stream of [child.stdout, child.stderr]) {
      let carry = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (carry + chunk.toString()).split('\n');
        carry = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
      });
    }
  } else {
    const logDir = join(WORKSPACE_ROOT, '.data', 'logs');
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, `${name}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Runs a one-shot TypeScript script to completion; rejects with its output when it fails. */
export async function runTypeScript(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<void> {
  const run = startTypeScript(name, entry, { env, echo: false });
  const code = await run.exited;
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); see .data/logs/${name}.log`);
}

/** Polls `url` until it answers 2xx, the process dies, or the time is up. */
export async function waitUntilReady(
  process: ManagedProcess,
  url: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void process.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${process.name} exited before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${process.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}

export async function stopAll(processes: ManagedProcess[]): Promise<void> {
  await Promise.all(
    processes.map(async (p) => {
      if (p.child.exitCode !== null) return;
      p.child.kill('SIGTERM');
      const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
      await p.exited;
      clearTimeout(timer);
    }),
  );
}

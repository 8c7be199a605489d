import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

/**
 * A child Node process of the workspace (tsx resolves the path aliases), stopped by `stopAll`.
 * Its stdout is dropped, unless `watch` is given: then each line is shown to it until it answers
 * true, and the rest is drained unread (a blocked pipe would stall the child).
 */
export function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  watch?: (output: string) => boolean,
): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', watch ? 'pipe' : 'ignore', 'inherit'],
  });
  const stdout = child.stdout;
  if (watch && stdout) {
    stdout.setEncoding('utf8');
    let partial = '';
    const onData = (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (lines.some(watch)) stdout.off('data', onData).resume();
    };
    stdout.on('data', onData);
  }
  children.push(child);
  return child;
}

/** The child's exit code once it has exited: at once when it already has (its 'exit' event is past). */
export function finish(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', resolve));
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not come up`);
}

export function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}

export function benchDealership(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

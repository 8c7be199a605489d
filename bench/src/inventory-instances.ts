// Inventory instances of the bench: the production build, one process each, on the bench schema.
import { residentBytes } from './process-memory';
import { start } from './processes';

export type SearchEngineName = 'embedded' | 'mysql';

export interface InventoryInstance {
  name: string;
  url: string;
  pid: number | undefined;
  /** Resolves once /readyz reports the search index up (at once for SEARCH_ENGINE=mysql). */
  ready: Promise<IndexReadiness>;
  /** SIGTERM now, for a part of the bench that is done with it (stopAll does it at the end anyway). */
  stop(): void;
}

export interface IndexReadiness {
  /** From the spawn to /readyz reporting the index up: start, connect, migrate check, full build. */
  readyMs: number;
  /** What the service logged when the build was done ("search index built"); null without an index. */
  built: { vehicles: number; ms: number } | null;
  /** RSS right after it became ready. */
  rssAtReady: number | null;
}

const READY_TIMEOUT_MS = 10 * 60_000;

export function startInventory(
  name: string,
  port: number,
  engine: SearchEngineName,
  env: NodeJS.ProcessEnv,
): InventoryInstance {
  const started = performance.now();
  let built: IndexReadiness['built'] = null;
  const child = start(
    ['dist/services/inventory/main.js'],
    { ...env, PORT: String(port), SEARCH_ENGINE: engine },
    (line) => {
      if (!line.includes('search index built')) return false;
      try {
        const entry = JSON.parse(line) as { vehicles?: number; ms?: number };
        built = { vehicles: Number(entry.vehicles), ms: Number(entry.ms) };
      } catch {
        built = null;
      }
      return true;
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const ready = (async (): Promise<IndexReadiness> => {
    await waitForSearchIndex(url, () => child.exitCode !== null);
    return { readyMs: performance.now() - started, built, rssAtReady: residentBytes(child.pid) };
  })();
  return { name, url, pid: child.pid, ready, stop: () => child.kill('SIGTERM') };
}

async function waitForSearchIndex(url: string, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (exited()) throw new Error(`${url}: inventory exited before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`);
      const report = (await res.json()) as { checks?: Record<string, { status: string }> };
      if (res.ok && report.checks?.['search-index']?.status === 'up') return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: the search index was not ready within ${READY_TIMEOUT_MS / 60_000} minutes`);
}

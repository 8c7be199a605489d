import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route an Express app serves, as "METHOD /path", walking mounted routers. */
export function servedRoutes(app: Express): string[] {
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        const methods = Object.keys(layer.route.methods).filter(
          (m) => layer.route?.methods[m] && m !== '_all',
        );
        return paths.flatMap((path) => methods.map((method) => `${method.toUpperCase()} ${path}`));
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: string;
}

/** Redocly's `lint --extends recommended` on a document: every error and warning it reports. */
export async function redoclyLint(document: unknown): Promise<LintProblem[]> {
  const cli = createRequire(join(process.cwd(), 'noop.js')).resolve('@redocly/cli/bin/cli.js');
  const dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  const file = join(dir, 'openapi.json');
  try {
    await writeFile(file, JSON.stringify(document));
    const run = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', '--extends', 'recommended', '--format', 'json', file],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as {
      problems: Array<{
        ruleId: string;
        severity: 'error' | 'warn';
        message: string;
        location: Array<{ pointer: string }>;
      }>;
    };
    return report.problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      location: p.location.map((l) => l.pointer).join(', '),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

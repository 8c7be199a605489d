import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './processes';

export const NX_BIN = join(WORKSPACE_ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');

/** What a platform run serves from `dist/`: the portal (edge) and the storefront (its SSR server). */
export const BUILT_APPS = ['portal', 'storefront'] as const;

/** `nx` arguments that build them, each from Nx's cache when unchanged. */
export const BUILD_APPS_ARGS = ['run-many', '-t', 'build', `--projects=${BUILT_APPS.join(',')}`];

/** The environment every nx call of the dev runner gets. */
export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/** Builds the portal and the storefront as `npm start` serves them (from Nx's cache when unchanged). */
export function buildApps(): void {
  console.log('Building the portal and the storefront (cached after the first run)…');
  execFileSync(process.execPath, [NX_BIN, ...BUILD_APPS_ARGS, '--output-style=static'], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...NX_ENV },
  });
}

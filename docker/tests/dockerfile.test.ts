import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const stage = (name: string) => stages.find((s) => new RegExp(`^\\S+ AS ${name}$`, 'm').test(s)) ?? '';
const base = stage('node-runtime');
const runtime = stages.at(-1) ?? '';
const storefront = stage('storefront');

describe('the image recipe', () => {
  it('builds from a pinned Node 24 slim base, never a floating tag', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-\w+-slim$/m);
    expect(dockerfile).not.toMatch(/:latest\b/);
    // Every stage starts from that base, or from a stage of this file that does.
    const names = stages.map((s) => /AS ([\w-]+)/.exec(s)?.[1]);
    for (const s of stages) {
      const from = s.split(/\s/)[0] ?? '';
      expect(from === '${NODE_IMAGE}' || names.includes(from), from).toBe(true);
    }
  });

  it('is multi-stage: workspace, service build, production-only dependencies, storefront build, runtimes', () => {
    expect(stages.map((s) => /AS ([\w-]+)/.exec(s)?.[1])).toEqual([
      'workspace',
      'build',
      'dependencies',
      'storefront-build',
      'storefront-dependencies',
      'node-runtime',
      'storefront',
      'runtime',
    ]);
    expect(dockerfile).toContain('nx build "${SERVICE}" --configuration=production');
    expect(stage('build')).toContain('node docker/prune-manifest.mjs "dist/services/${SERVICE}"');
    expect(stage('dependencies')).toContain('dist/services/${SERVICE}/package.json');
    expect(stage('dependencies')).toContain('dist/services/${SERVICE}/package-lock.json');
    expect(stage('dependencies')).toMatch(/npm ci --omit=dev/);
  });

  it('runs as a non-root user under tini, with a health check, in every image', () => {
    expect(base).toMatch(/^USER node$/m);
    expect(base).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(base).toMatch(/HEALTHCHECK[\s\S]*process\.env\.PORT \+ '\/healthz'/);
    for (const image of [runtime, storefront]) {
      expect(image.startsWith('node-runtime AS ')).toBe(true);
      expect(image).not.toMatch(/^USER /m); // nothing switches back to root
      expect(image).not.toMatch(/npm (start|run)/);
    }
  });

  it('services: `node main.js` from the bundle and its production dependencies (the default target)', () => {
    expect(runtime.startsWith('node-runtime AS runtime\n')).toBe(true);
    expect(runtime).toMatch(/^CMD \["node", "main\.js"\]$/m);
    expect(runtime).toContain('COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules');
  });

  it('storefront: `node server/server.mjs` from the Angular SSR build and the packages it leaves outside, on 4400', () => {
    expect(stage('storefront-build')).toContain('nx build storefront --configuration=production');
    expect(stage('storefront-build')).toContain('node docker/storefront-package.mjs');
    expect(stage('storefront-dependencies')).toContain('/workspace/dist/apps/storefront/package.json');
    expect(stage('storefront-dependencies')).toMatch(/npm install --omit=dev/);
    expect(storefront).toContain(
      'COPY --from=storefront-dependencies --chown=node:node /app/node_modules ./node_modules',
    );
    expect(storefront).toContain(
      'COPY --from=storefront-build --chown=node:node /workspace/dist/apps/storefront/ ./',
    );
    expect(storefront).toMatch(/^ENV PORT=4400$/m);
    expect(storefront).toMatch(/^CMD \["node", "server\/server\.mjs"\]$/m);
  });

  it('labels every image with its version and commit (OCI)', () => {
    expect(base).toContain('org.opencontainers.image.version="${APP_VERSION}"');
    expect(base).toContain('org.opencontainers.image.revision="${GIT_COMMIT}"');
    expect(runtime).toContain('org.opencontainers.image.title="showroom-${SERVICE}"');
    expect(storefront).toContain('org.opencontainers.image.title="showroom-storefront"');
  });

  it('keeps dependencies, build output and secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist', '.env']));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? '';

describe('the service image recipe', () => {
  it('builds from a pinned Node 24 slim base, never a floating tag', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-\w+-slim$/m);
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(stages.every((stage) => stage.startsWith('${NODE_IMAGE}'))).toBe(true);
  });

  it('is multi-stage: build, production-only dependencies from the generated lock, runtime', () => {
    expect(stages.map((s) => /AS (\w+)/.exec(s)?.[1])).toEqual(['build', 'dependencies', 'runtime']);
    expect(dockerfile).toContain('nx build "${SERVICE}" --configuration=production');
    expect(stages[1]).toContain('dist/services/${SERVICE}/package.json');
    expect(stages[1]).toContain('dist/services/${SERVICE}/package-lock.json');
    expect(stages[1]).toMatch(/npm ci --omit=dev/);
  });

  it('runs as a non-root user under tini, with `node main.js` (not npm) and a health check', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime).toMatch(/^CMD \["node", "main\.js"\]$/m);
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(runtime).not.toMatch(/npm (start|run)/);
  });

  it('labels the image with its version and commit (OCI)', () => {
    expect(runtime).toContain('org.opencontainers.image.version="${APP_VERSION}"');
    expect(runtime).toContain('org.opencontainers.image.revision="${GIT_COMMIT}"');
  });

  it('keeps dependencies, build output and secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist', '.env']));
  });
});

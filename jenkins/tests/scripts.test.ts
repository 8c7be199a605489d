// The scripts the pipeline runs (jenkins/scripts): shellcheck-clean, and doing what the stages
// rely on, checked with stand-ins for docker and aws on the PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VITEST_FLAGS,
  angularFlags,
  classify,
  normalizeLcov,
  parseArgs,
  reportSources,
} from '../scripts/ci-test';
import { WORKSPACE } from './support/pipeline-checks';

const SCRIPTS = join(WORKSPACE, 'jenkins/scripts');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jenkins-scripts-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A directory with fake commands that append their arguments to <dir>/calls.log. */
function stubs(name: string, commands: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [command, body] of Object.entries(commands)) {
    const path = join(dir, command);
    writeFileSync(path, `#!/usr/bin/env bash\necho "${command} $*" >> "${dir}/calls.log"\n${body}\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}
const calls = (dir: string) =>
  existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];

function run(
  script: string,
  args: string[],
  options: { cwd?: string; path?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const result = spawnSync('bash', [join(SCRIPTS, script), ...args], {
    cwd: options.cwd ?? WORKSPACE,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...options.env,
      PATH: `${options.path ? `${options.path}:` : ''}${process.env['PATH']}`,
    },
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('shell scripts', () => {
  const scripts = readdirSync(SCRIPTS).filter((f) => f.endsWith('.sh'));

  it.each(scripts)('%s passes shellcheck', (script) => {
    const result = spawnSync('shellcheck', ['-x', join(SCRIPTS, script)], { encoding: 'utf8' });
    if (result.error)
      throw new Error('shellcheck is not installed (apt-get install shellcheck; agent-setup.sh lint)');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(scripts)('%s is executable', (script) => {
    expect(() => execFileSync('test', ['-x', join(SCRIPTS, script)])).not.toThrow();
  });
});

describe('build-images.sh', () => {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: WORKSPACE, encoding: 'utf8' }).trim();
  const version = (JSON.parse(readFileSync(join(WORKSPACE, 'package.json'), 'utf8')) as { version: string })
    .version;
  const tag = `${version}-${head.slice(0, 7)}`;
  const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

  it('builds every service from docker/Dockerfile with its build arguments, then pushes them all', () => {
    const bin = stubs('docker-ok', { docker: 'exit 0' });
    const result = run('build-images.sh', [registry, tag, 'inventory', 'users'], { path: bin });
    expect(result.out).not.toMatch(/error|usage/i);
    expect(result.status).toBe(0);
    expect(calls(bin)).toEqual([
      `docker build -f docker/Dockerfile --build-arg SERVICE=inventory --build-arg APP_VERSION=${version} --build-arg GIT_COMMIT=${head} -t ${registry}/showroom/inventory:${tag} .`,
      `docker build -f docker/Dockerfile --build-arg SERVICE=users --build-arg APP_VERSION=${version} --build-arg GIT_COMMIT=${head} -t ${registry}/showroom/users:${tag} .`,
      `docker push ${registry}/showroom/inventory:${tag}`,
      `docker push ${registry}/showroom/users:${tag}`,
    ]);
  });

  it('builds the storefront from its own target of the same Dockerfile', () => {
    const bin = stubs('docker-storefront', { docker: 'exit 0' });
    const result = run('build-images.sh', [registry, tag, 'users', 'storefront'], { path: bin });
    expect(result.status, result.out).toBe(0);
    expect(calls(bin)).toEqual([
      `docker build -f docker/Dockerfile --build-arg SERVICE=users --build-arg APP_VERSION=${version} --build-arg GIT_COMMIT=${head} -t ${registry}/showroom/users:${tag} .`,
      `docker build -f docker/Dockerfile --target storefront --build-arg APP_VERSION=${version} --build-arg GIT_COMMIT=${head} -t ${registry}/showroom/storefront:${tag} .`,
      `docker push ${registry}/showroom/users:${tag}`,
      `docker push ${registry}/showroom/storefront:${tag}`,
    ]);
  });

  it('pushes nothing when one image fails to build', () => {
    const bin = stubs('docker-fails', { docker: '[[ "$*" == *SERVICE=users* ]] && exit 1; exit 0' });
    const result = run('build-images.sh', [registry, tag, 'inventory', 'users'], { path: bin });
    expect(result.status).not.toBe(0);
    expect(calls(bin).filter((c) => c.startsWith('docker push'))).toEqual([]);
  });

  it('refuses a tag that is not <version>-<sha> of the checked-out commit', () => {
    const bin = stubs('docker-unused', { docker: 'exit 0' });
    expect(run('build-images.sh', [registry, 'latest', 'inventory'], { path: bin }).status).toBe(2);
    expect(run('build-images.sh', [registry, `${version}-0000000`, 'inventory'], { path: bin }).out).toMatch(
      /does not name the checked-out commit/,
    );
    expect(run('build-images.sh', [registry, tag], { path: bin }).status).toBe(2);
    expect(calls(bin)).toEqual([]);
  });
});

describe('publish-qa-report.sh', () => {
  it('uploads e2e/reports under the build, packs it, and leaves a pre-signed link', () => {
    const work = join(tmp, 'qa-workspace');
    mkdirSync(join(work, 'e2e/reports/html'), { recursive: true });
    writeFileSync(join(work, 'e2e/reports/junit.xml'), '<testsuites/>');
    writeFileSync(join(work, 'e2e/reports/html/report.html'), '<html></html>');
    const bin = stubs('aws', {
      aws: '[[ "$1 $2" == "s3 presign" ]] && echo "https://showroom-qa-reports.s3.amazonaws.com/311/qa-report-311.tar.gz?sig"; exit 0',
    });
    const result = run('publish-qa-report.sh', ['showroom-qa-reports', '311'], { cwd: work, path: bin });
    expect(result.status).toBe(0);
    expect(calls(bin)).toEqual([
      'aws s3 cp --recursive --only-show-errors e2e/reports s3://showroom-qa-reports/311/',
      'aws s3 cp --only-show-errors qa-report-311.tar.gz s3://showroom-qa-reports/311/qa-report-311.tar.gz',
      'aws s3 presign s3://showroom-qa-reports/311/qa-report-311.tar.gz --expires-in 604800',
    ]);
    expect(readFileSync(join(work, 'e2e-report-url.txt'), 'utf8').trim()).toMatch(
      /^https:\/\/.*qa-report-311\.tar\.gz\?sig$/,
    );
    const listing = execFileSync('tar', ['-tzf', join(work, 'qa-report-311.tar.gz')], { encoding: 'utf8' });
    expect(listing).toContain('./junit.xml');
    expect(listing).toContain('./html/report.html');
  });

  it('fails when the suite left no reports', () => {
    const result = run('publish-qa-report.sh', ['showroom-qa-reports', '312'], {
      cwd: mkdtempSync(join(tmp, 'empty-')),
    });
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/no e2e\/reports/);
  });
});

describe('wait-for-stores.sh', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns once MySQL and Redis accept connections', () => {
    const result = run('wait-for-stores.sh', ['5'], {
      env: {
        TEST_MYSQL_URL: `mysql://root@127.0.0.1:${port}`,
        TEST_REDIS_URL: `redis://127.0.0.1:${port}/0`,
      },
    });
    expect(result.out).toContain(`mysql at 127.0.0.1:${port} is up`);
    expect(result.status).toBe(0);
  });

  it('gives up, saying which, when one does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = run('wait-for-stores.sh', ['1'], {
      env: {
        TEST_MYSQL_URL: `mysql://root@127.0.0.1:${port}`,
        TEST_REDIS_URL: `redis://127.0.0.1:${closedPort}/0`,
      },
    });
    expect(result.status).toBe(1);
    expect(result.out).toContain(`redis at 127.0.0.1:${closedPort} did not answer within 1s`);
  });
});

describe('agent-setup.sh', () => {
  it('installs nothing that is already there, and knows its tools', () => {
    const bin = stubs('tools', {
      java: '',
      shellcheck: '',
      chromium: '',
      chromedriver: '',
      aws: '',
      docker: '',
    });
    expect(run('agent-setup.sh', ['java', 'lint', 'chromium', 'aws', 'docker'], { path: bin }).out).toContain(
      'nothing to install',
    );
    const unknown = run('agent-setup.sh', ['python'], { path: bin });
    expect(unknown.status).toBe(2);
    expect(unknown.out).toContain("unknown tool 'python'");
  });
});

describe('ci-test.ts (the tests stage)', () => {
  it('tests everything on master, what is affected since the base on pull requests', () => {
    expect(parseArgs(['--all'])).toEqual({ mode: 'all' });
    expect(parseArgs(['--base=origin/master', '--head=HEAD'])).toEqual({
      mode: 'affected',
      base: 'origin/master',
      head: 'HEAD',
    });
    expect(() => parseArgs([])).toThrow(/usage/);
  });

  it('gives each runner the flags it understands, JUnit and lcov from both', () => {
    const nodes = {
      portal: {
        name: 'portal',
        data: { root: 'apps/portal', targets: { test: { executor: '@angular/build:unit-test' } } },
      },
      users: {
        name: 'users',
        data: {
          root: 'services/users',
          targets: { test: { executor: 'nx:run-commands', options: { command: 'vitest run' } } },
        },
      },
      odd: {
        name: 'odd',
        data: {
          root: 'tools/odd',
          targets: { test: { executor: 'nx:run-commands', options: { command: 'jest' } } },
        },
      },
    };
    const projects = classify(['portal', 'users', 'odd'], nodes);
    expect(projects.map((p) => p.runner)).toEqual(['angular', 'vitest', 'other']);
    expect(VITEST_FLAGS).toEqual(
      expect.arrayContaining(['--coverage.enabled=true', '--coverage.reporter=lcov', '--reporter=junit']),
    );
    expect(angularFlags(projects[0])).toEqual(
      expect.arrayContaining([
        '--coverage',
        '--coverage-reporters=lcov',
        '--output-file=coverage/junit/portal.xml',
      ]),
    );
    expect(reportSources(projects[0])).toEqual({
      junit: 'coverage/junit/portal.xml',
      lcov: ['coverage/portal/lcov.info'],
    });
    expect(reportSources(projects[1])).toEqual({
      junit: 'services/users/coverage/junit.xml',
      lcov: ['services/users/coverage/lcov.info'],
    });
  });

  it('rewrites lcov source paths relative to the workspace, for SonarQube', () => {
    const exists = (p: string) => ['services/users/src/main.ts', 'apps/portal/src/app/app.ts'].includes(p);
    expect(normalizeLcov('TN:\nSF:src/main.ts\nDA:1,1\nend_of_record\n', 'services/users', exists)).toBe(
      'TN:\nSF:services/users/src/main.ts\nDA:1,1\nend_of_record\n',
    );
    expect(normalizeLcov('SF:apps/portal/src/app/app.ts\n', 'apps/portal', exists)).toBe(
      'SF:apps/portal/src/app/app.ts\n',
    );
    expect(
      normalizeLcov(`SF:${join(WORKSPACE, 'libs/contracts/src/vin.ts')}\n`, 'libs/contracts', exists),
    ).toBe('SF:libs/contracts/src/vin.ts\n');
  });
});

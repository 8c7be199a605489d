// 4. The Jenkins helpers in infra/scripts pass shellcheck (strictest severity, following sourced
//    files) and refuse to run without their arguments, before touching AWS.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { infraPath } from './support/terraform';

const SCRIPTS_DIR = infraPath('scripts');
const scripts = readdirSync(SCRIPTS_DIR)
  .filter((name) => name.endsWith('.sh'))
  .sort();
const runnable = scripts.filter((name) => !name.startsWith('_'));

function shellcheck(args: string[], input?: string) {
  const result = spawnSync('shellcheck', ['-x', '-S', 'style', ...args], {
    cwd: SCRIPTS_DIR,
    input,
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(`shellcheck could not run: ${result.error.message} (apt-get install shellcheck)`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('infra/scripts', () => {
  it('holds the deploy, publish, rollback and terraform helpers', () => {
    expect(runnable).toEqual(
      expect.arrayContaining([
        'deploy-service.sh',
        'publish-portal.sh',
        'rollback.sh',
        'tf.sh',
        'bootstrap-state.sh',
      ]),
    );
  });

  it('pass shellcheck', () => {
    const { status, output } = shellcheck(scripts);
    expect(output, output).toBe('');
    expect(status).toBe(0);
  });

  it('shellcheck fails on an unquoted expansion (the check can fail)', () => {
    const { status, output } = shellcheck(['-'], '#!/usr/bin/env bash\nrm -rf $1/cache\n');
    expect(status).not.toBe(0);
    expect(output).toContain('SC2086');
  });

  it.each(runnable)('%s is strict: set -euo pipefail', (name) => {
    expect(readFileSync(infraPath('scripts', name), 'utf8')).toMatch(/^set -euo pipefail$/m);
  });

  it.each(runnable)('%s --help prints its usage and exits 2 without calling AWS', (name) => {
    const result = spawnSync('bash', [infraPath('scripts', name), '--help'], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(result.stderr).toMatch(/^Usage: /m);
    expect(result.status).toBe(2);
  });

  it.each(runnable.filter((name) => name !== 'bootstrap-state.sh'))(
    '%s without arguments prints its usage and exits 2',
    (name) => {
      const result = spawnSync('bash', [infraPath('scripts', name)], {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      });
      expect(result.stderr).toMatch(/^Usage: /m);
      expect(result.status).toBe(2);
    },
  );

  it('deploy-service.sh rejects an unknown environment before calling AWS', () => {
    const result = spawnSync(
      'bash',
      [infraPath('scripts', 'deploy-service.sh'), 'staging', 'inventory', 'v1.0.0'],
      {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      },
    );
    expect(result.stderr).toContain("unknown environment 'staging'");
    expect(result.status).toBe(1);
  });
});

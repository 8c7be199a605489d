// 4. The Jenkins helpers in infra/scripts pass shellcheck (strictest severity, following sourced
//    files) and refuse to run without their arguments, before touching AWS.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
        'search-configure.sh',
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

  it('deploy-service.sh and rollback.sh know the storefront (dealer websites) as one more service', () => {
    const usage = spawnSync('bash', [infraPath('scripts', 'deploy-service.sh'), '--help'], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(usage.stderr).toContain('one of: inventory users leads retail analytics storefront');
    const unknown = spawnSync(
      'bash',
      [infraPath('scripts', 'deploy-service.sh'), 'qa', 'website', 'v1.0.0'],
      {
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      },
    );
    expect(unknown.stderr).toContain("unknown service 'website'");
    expect(unknown.status).toBe(1);
  });

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

  describe('search-configure.sh configures Algolia from the revision being deployed, before its tasks start', () => {
    // A stand-in aws on PATH records its arguments and answers what the script asks.
    const scratch = mkdtempSync(join(tmpdir(), 'infra-search-'));
    const calls = join(scratch, 'calls.log');
    writeFileSync(
      join(scratch, 'aws'),
      [
        '#!/bin/bash',
        'printf "%s\\n" "$*" >>"$AWS_CALLS"',
        'case "$1 $2" in',
        '  "ecs describe-task-definition") echo "$SEARCH_ENGINE_VALUE" ;;',
        '  "ssm get-parameter") echo "showroom-qa" ;;',
        '  "ecs describe-services") echo \'{"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}}\' ;;',
        '  "ecs run-task") echo "arn:aws:ecs:us-east-1:1:task/showroom-qa/f00d" ;;',
        '  "ecs describe-tasks") echo "$TASK_EXIT_CODE" ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(scratch, 'aws'), 0o755);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const revision = 'arn:aws:ecs:us-east-1:1:task-definition/showroom-qa-inventory:42';

    const run = (searchEngine: string, exitCode = '0') => {
      rmSync(calls, { force: true });
      const result = spawnSync('bash', [infraPath('scripts', 'search-configure.sh'), 'qa', revision], {
        encoding: 'utf8',
        env: {
          PATH: `${scratch}:/usr/bin:/bin`,
          AWS_CALLS: calls,
          SEARCH_ENGINE_VALUE: searchEngine,
          TASK_EXIT_CODE: exitCode,
        },
      });
      return { ...result, calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [] };
    };

    it('runs `node search-admin.js configure` as a one-off task of that revision, in the service’s network', () => {
      const result = run('algolia');
      expect(result.status, result.stderr).toBe(0);
      expect(result.calls).toEqual([
        expect.stringMatching(/^ecs describe-task-definition --task-definition \S+:42 /),
        'ssm get-parameter --name /showroom/qa/deploy/cluster --query Parameter.Value --output text',
        'ecs describe-services --cluster showroom-qa --services inventory --query services[0].networkConfiguration --output json',
        `ecs run-task --cluster showroom-qa --task-definition ${revision} --count 1 --launch-type FARGATE --network-configuration {"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}} --overrides {"containerOverrides":[{"name":"inventory","command":["node","search-admin.js","configure"]}]} --started-by search-configure --query tasks[0].taskArn --output text`,
        'ecs wait tasks-stopped --cluster showroom-qa --tasks arn:aws:ecs:us-east-1:1:task/showroom-qa/f00d',
        expect.stringMatching(/^ecs describe-tasks --cluster showroom-qa --tasks \S+\/f00d /),
      ]);
      expect(result.stderr).toContain('Algolia settings, replicas and synonyms applied');
    });

    it('fails the deploy when the configure task fails, naming the task to look up', () => {
      const result = run('algolia', '1');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('search-admin configure exited with 1');
      expect(result.stderr).toContain('f00d');
    });

    it('does nothing else where the inventory searches with the embedded engine', () => {
      const result = run('None');
      expect(result.status).toBe(0);
      expect(result.calls).toHaveLength(1);
      expect(result.stderr).toContain('nothing to configure');
    });

    it('is run by deploy-service.sh for inventory, between registering the revision and updating the service', () => {
      const deploy = readFileSync(infraPath('scripts', 'deploy-service.sh'), 'utf8');
      const register = deploy.indexOf('aws ecs register-task-definition');
      const configure = deploy.indexOf('/search-configure.sh" "$environment" "$next"');
      const update = deploy.indexOf('aws ecs update-service');
      expect(register).toBeGreaterThan(0);
      expect(configure).toBeGreaterThan(register);
      expect(update).toBeGreaterThan(configure);
    });
  });

  describe('publish-portal.sh uploads each file of a portal build with the cache lifetime it can take', () => {
    // A stand-in aws on PATH records its arguments; jq is Debian's.
    const scratch = mkdtempSync(join(tmpdir(), 'infra-publish-'));
    const calls = join(scratch, 'calls.log');
    const dist = join(scratch, 'browser');
    writeFileSync(
      join(scratch, 'aws'),
      [
        '#!/bin/bash',
        'printf "%s\\n" "$*" >>"$AWS_CALLS"',
        'case "$1 $2 $4" in',
        '  "ssm get-parameter /showroom/qa/portal/config.json") echo \'{"auth":{"domain":"qa.auth0.com"}}\' ;;',
        '  "ssm get-parameter"*) echo "portal-qa" ;;',
        '  "cloudfront create-invalidation"*) echo "I1" ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(scratch, 'aws'), 0o755);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    const publish = (files: string[]) => {
      rmSync(calls, { force: true });
      rmSync(dist, { recursive: true, force: true });
      mkdirSync(dist);
      for (const file of files) writeFileSync(join(dist, file), '.');
      const result = spawnSync('bash', [infraPath('scripts', 'publish-portal.sh'), 'qa', dist], {
        encoding: 'utf8',
        env: { PATH: `${scratch}:/usr/bin:/bin`, AWS_CALLS: calls },
      });
      return { ...result, calls: readFileSync(calls, 'utf8').trim().split('\n') };
    };
    const uploadOf = (calls: string[], file: string) =>
      calls.findIndex((call) => call.startsWith(`s3 cp ${join(dist, file)} s3://portal-qa/${file} `));

    it('keeps the service worker’s scripts and manifest out of the year-long cache, the manifest after index.html', () => {
      const result = publish([
        'index.html',
        'main-ABCDEFGH.js',
        'ngsw.json',
        'ngsw-worker.js',
        'safety-worker.js',
      ]);
      expect(result.status, result.stderr).toBe(0);
      const immutable =
        result.calls.find(
          (call) => call.includes('max-age=31536000,immutable') && call.includes('--include'),
        ) ?? '';
      expect(immutable).toMatch(/--include \*\.js .*--exclude ngsw-worker\.js --exclude safety-worker\.js/);
      for (const file of ['ngsw-worker.js', 'safety-worker.js', 'ngsw.json', 'index.html']) {
        expect([file, result.calls[uploadOf(result.calls, file)]]).toEqual([
          file,
          expect.stringContaining('--cache-control no-cache'),
        ]);
      }
      expect(uploadOf(result.calls, 'ngsw.json')).toBeGreaterThan(uploadOf(result.calls, 'index.html'));
      const hourLong = result.calls.find((call) => call.includes('max-age=3600')) ?? '';
      expect(hourLong).toContain('--exclude ngsw.json');
      expect(result.calls.find((call) => call.startsWith('cloudfront create-invalidation'))).toMatch(
        /--paths \/ \/index\.html \/config\.json \/ngsw\.json \/ngsw-worker\.js /,
      );
    });

    it('uploads the build’s brotli of each bundle under the bundle’s name, marked as brotli, and not the bundle as well', () => {
      const result = publish([
        'index.html',
        'main-ABCDEFGH.js',
        'main-ABCDEFGH.js.br',
        'styles-XYZ12345.css.br',
        'chunk-Q1w2E3r4.js',
      ]);
      expect(result.status, result.stderr).toBe(0);
      const brotli = result.calls.find((call) => call.includes('--content-encoding br')) ?? '';
      expect(brotli).toMatch(
        /^s3 sync \S+\/compressed s3:\/\/portal-qa .*--cache-control public,max-age=31536000,immutable/,
      );
      const plain =
        result.calls.find(
          (call) => call.includes('max-age=31536000,immutable') && call.includes('--include'),
        ) ?? '';
      expect(plain).toContain('--exclude main-ABCDEFGH.js --exclude styles-XYZ12345.css');
      expect(plain).not.toContain('--exclude chunk-Q1w2E3r4.js');
      const hourLong = result.calls.find((call) => call.includes('max-age=3600')) ?? '';
      expect(hourLong).toContain('--exclude *.br');
    });

    it('publishes a build without a service worker as before', () => {
      const result = publish(['index.html', 'main-ABCDEFGH.js']);
      expect(result.status, result.stderr).toBe(0);
      expect(uploadOf(result.calls, 'ngsw.json')).toBe(-1);
      expect(uploadOf(result.calls, 'ngsw-worker.js')).toBe(-1);
    });
  });

  describe('tf.sh runs every environment from the one root, on its own state and variables', () => {
    // A stand-in terraform on PATH records how it was called (working directory, TF_DATA_DIR, args)
    // and writes the plan file it is asked for, so plan then apply runs end to end here.
    const scratch = mkdtempSync(join(tmpdir(), 'infra-tf-'));
    const calls = join(scratch, 'calls.log');
    writeFileSync(
      join(scratch, 'terraform'),
      [
        '#!/bin/bash',
        'echo "$PWD|${TF_DATA_DIR:-}|$*" >>"$TF_CALLS"',
        'for arg in "$@"; do [[ $arg == -out=* ]] && : >"${arg#-out=}"; done',
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(join(scratch, 'terraform'), 0o755);
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    const run = (...args: string[]) => {
      rmSync(calls, { force: true });
      const result = spawnSync('bash', [infraPath('scripts', 'tf.sh'), ...args], {
        encoding: 'utf8',
        env: { PATH: `${scratch}:/usr/bin:/bin`, TF_CALLS: calls },
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(calls, 'utf8').trim().split('\n');
    };

    it.each(['dev', 'qa', 'beta', 'prod'])(
      '%s: init on its backend, plan with its tfvars, apply that plan',
      (env) => {
        const live = infraPath('live');
        const dataDir = join(live, '.terraform', env);
        const plan = join(live, `${env}.tfplan`);
        try {
          expect(run(env, 'plan')).toEqual([
            `${live}|${dataDir}|init -input=false -no-color -reconfigure -backend-config=${infraPath('envs', `${env}.backend.hcl`)}`,
            `${live}|${dataDir}|plan -input=false -lock-timeout=5m -no-color -var-file=${infraPath('envs', `${env}.tfvars`)} -out=${plan}`,
            `${live}|${dataDir}|show -no-color ${plan}`,
          ]);
          expect(run(env, 'apply')).toEqual([
            `${live}|${dataDir}|init -input=false -no-color -reconfigure -backend-config=${infraPath('envs', `${env}.backend.hcl`)}`,
            `${live}|${dataDir}|apply -input=false -lock-timeout=5m -no-color ${plan}`,
          ]);
          expect(existsSync(plan)).toBe(false);
        } finally {
          rmSync(plan, { force: true });
          rmSync(`${plan}.txt`, { force: true });
        }
      },
    );

    it('global: its own root and backend, no environment variables file', () => {
      const root = infraPath('global');
      const plan = join(root, 'global.tfplan');
      try {
        expect(run('global', 'plan')).toEqual([
          `${root}||init -input=false -no-color`,
          `${root}||plan -input=false -lock-timeout=5m -no-color -out=${plan}`,
          `${root}||show -no-color ${plan}`,
        ]);
      } finally {
        rmSync(plan, { force: true });
        rmSync(`${plan}.txt`, { force: true });
      }
    });

    it('refuses to apply what was not planned', () => {
      const result = spawnSync('bash', [infraPath('scripts', 'tf.sh'), 'qa', 'apply'], {
        encoding: 'utf8',
        env: { PATH: `${scratch}:/usr/bin:/bin`, TF_CALLS: calls },
      });
      expect(result.stderr).toContain('no saved plan');
      expect(result.status).toBe(1);
    });
  });
});

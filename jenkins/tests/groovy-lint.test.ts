// Groovy syntax of the pipelines and the shared library: npm-groovy-lint (CodeNarc on Java 17),
// rules in the root .groovylintrc.json. Fails on any error-level finding; warnings are printed.
// One JVM run lints everything, plus a deliberately broken snippet that must be reported: the
// proof that this check can fail.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_JVM_OPTIONS, WORKSPACE } from './support/pipeline-checks';

interface Finding {
  line: number | string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  msg: string;
}
interface LintReport {
  summary: { totalFilesLinted: number };
  files: Record<string, { errors: Finding[] }>;
}

const groovyFiles = (dir: string): string[] =>
  readdirSync(join(WORKSPACE, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.groovy') || f.endsWith('Jenkinsfile'))
    .map((f) => join(dir, f));

const targets = [
  'Jenkinsfile',
  ...groovyFiles('jenkins/vars'),
  ...groovyFiles('jenkins/jobs'),
  ...groovyFiles('jenkins/pipelines'),
  ...groovyFiles('jenkins/tests'),
];

const BROKEN = `pipeline {
  agent none
  stages {
    stage('Broken') {
      steps {
        sh 'echo missing parenthesis'
        script {
          if (env.BRANCH_NAME == 'master' {
            echo 'never'
          }
        }
      }
    }
  }
}
`;

let report: LintReport;
let brokenPath: string;
let tmp: string;
let seconds: number;

/** Runs a command in its own process group; on timeout the whole group (the JVM too) is killed. */
function run(command: string, args: string[], timeoutMs: number) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { cwd: WORKSPACE, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${timeoutMs} ms)`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // Inside the workspace (tmp/ is git-ignored): npm-groovy-lint hands CodeNarc the common parent
  // of all files as its base directory, and a file under /tmp makes that / (a scan of the disk).
  mkdirSync(join(WORKSPACE, 'tmp'), { recursive: true });
  tmp = mkdtempSync(join(WORKSPACE, 'tmp', 'groovy-lint-'));
  brokenPath = join(tmp, 'Broken.Jenkinsfile');
  writeFileSync(brokenPath, BROKEN);
  const started = Date.now();
  const result = await run(
    process.execPath,
    [
      join(WORKSPACE, 'node_modules/npm-groovy-lint/lib/index.js'),
      '--noserver',
      '--config',
      WORKSPACE,
      '--output',
      'json',
      '--failon',
      'none',
      '--javaexecutable',
      process.env['JAVA_EXECUTABLE'] ?? 'java',
      // Replaces its own defaults (-Xms256m,-Xmx2048m), so they are repeated; one argument, since a
      // value that starts with "-" would be read as an option.
      `--javaoptions=${['-Xms256m', '-Xmx2048m', ...SHORT_JVM_OPTIONS].join(',')}`,
      ...targets.map((t) => join(WORKSPACE, t)),
      brokenPath,
    ],
    240_000,
  );
  seconds = (Date.now() - started) / 1000;
  const json = result.stdout.slice(result.stdout.indexOf('{"summary"'));
  if (result.status !== 0 || !json.startsWith('{')) {
    throw new Error(
      `npm-groovy-lint did not run (exit ${result.status}). It needs Java 17 on the PATH ` +
        `(apt-get install openjdk-17-jre-headless; jenkins/scripts/agent-setup.sh java).\n${result.stderr}\n${result.stdout}`,
    );
  }
  report = JSON.parse(json) as LintReport;
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const findings = (file: string, severity: Finding['severity']) =>
  (report.files[file]?.errors ?? []).filter((f) => f.severity === severity);

describe('npm-groovy-lint', () => {
  it('lints every Groovy file of the pipeline, in one JVM run', () => {
    expect(report.summary.totalFilesLinted).toBe(targets.length + 1);
    console.info(`npm-groovy-lint: ${targets.length + 1} files in ${seconds.toFixed(1)} s`);
  });

  it.each(targets)('%s has no error', (target) => {
    const path = join(WORKSPACE, target);
    const warnings = findings(path, 'warning');
    if (warnings.length > 0)
      console.warn(warnings.map((w) => `${target}:${w.line} ${w.rule} ${w.msg}`).join('\n'));
    expect(
      findings(path, 'error').map((e) => `${relative(WORKSPACE, path)}:${e.line} ${e.rule}: ${e.msg}`),
    ).toEqual([]);
  });

  it('reports a syntax error (the check can fail)', () => {
    const errors = findings(brokenPath, 'error');
    expect(errors.map((e) => e.rule)).toContain('NglParseError');
    expect(errors.find((e) => e.rule === 'NglParseError')?.msg).toMatch(/Unexpected input/);
  });
});

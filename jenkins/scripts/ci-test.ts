// The pipeline's "Unit & integration tests" stage: runs the `test` target of every project (master)
// or of the projects affected since a base (pull requests), with JUnit XML and lcov coverage, and
// gathers both where Jenkins and SonarQube read them:
//
//   coverage/junit/<project>.xml        Jenkins `junit 'coverage/junit/*.xml'`
//   coverage/<project root>/lcov.info   sonar.javascript.lcov.reportPaths (paths workspace-relative)
//
//   npx tsx jenkins/scripts/ci-test.ts --all
//   npx tsx jenkins/scripts/ci-test.ts --base=origin/master [--head=HEAD]
//   npx tsx jenkins/scripts/ci-test.ts --projects=portal,users      (to try it on a few projects)
//
// Vitest projects (the `nx:run-commands` targets that @nx/vitest infers) take Vitest's CLI flags;
// Angular projects (`@angular/build:unit-test`) take the builder's own flags, so each group is run
// with the flags it understands. Vitest writes lcov paths relative to the project root; they are
// rewritten relative to the workspace so SonarQube resolves them.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type Scope =
  | { mode: 'all' }
  | { mode: 'affected'; base: string; head: string }
  | { mode: 'projects'; projects: string[] };
export type Runner = 'vitest' | 'angular' | 'other';
export interface TestProject {
  name: string;
  root: string;
  runner: Runner;
}

export function parseArgs(argv: string[]): Scope {
  if (argv.includes('--all')) return { mode: 'all' };
  const value = (flag: string) => argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
  const projects = value('projects');
  if (projects) return { mode: 'projects', projects: projects.split(',').filter(Boolean) };
  const base = value('base');
  if (!base) throw new Error('usage: ci-test.ts --all | --base=<ref> [--head=<ref>] | --projects=<a,b>');
  return { mode: 'affected', base, head: value('head') ?? 'HEAD' };
}

interface GraphNode {
  name: string;
  data: { root: string; targets?: Record<string, { executor?: string; options?: { command?: string } }> };
}

/** The projects to test, with the runner behind their `test` target (from `nx graph --file`). */
export function classify(names: string[], nodes: Record<string, GraphNode>): TestProject[] {
  return names.map((name) => {
    const node = nodes[name];
    if (!node) throw new Error(`project ${name} is not in the project graph`);
    const test = node.data.targets?.['test'] ?? {};
    const runner: Runner =
      test.executor === '@angular/build:unit-test'
        ? 'angular'
        : test.executor === '@nx/vitest:test' ||
            (test.executor === 'nx:run-commands' && /\bvitest\b/.test(test.options?.command ?? ''))
          ? 'vitest'
          : 'other';
    return { name, root: node.data.root, runner };
  });
}

/** Vitest CLI flags: lcov into `<project root>/coverage/`, JUnit next to it (both git-ignored). */
export const VITEST_FLAGS = [
  '--coverage.enabled=true',
  '--coverage.reporter=lcov',
  '--reporter=default',
  '--reporter=junit',
  '--outputFile.junit=coverage/junit.xml',
];

/** @angular/build:unit-test flags: lcov into `coverage/<project name>/`, JUnit where we say. */
export function angularFlags(project: TestProject): string[] {
  return [
    '--coverage',
    '--coverage-reporters=lcov',
    '--reporters=default',
    '--reporters=junit',
    `--output-file=coverage/junit/${project.name}.xml`,
  ];
}

/** Rewrites `SF:` lines so every source path is relative to the workspace root. */
export function normalizeLcov(lcov: string, projectRoot: string, exists: (path: string) => boolean): string {
  return lcov.replace(/^SF:(.*)$/gm, (_line, raw: string) => {
    const path = raw.trim();
    if (isAbsolute(path)) return `SF:${relative(WORKSPACE, path)}`;
    if (!exists(join(projectRoot, path)) && exists(path)) return `SF:${path}`;
    return `SF:${join(projectRoot, path)}`;
  });
}

/** Where a project's reports land before they are gathered. */
export function reportSources(project: TestProject): { junit: string; lcov: string[] } {
  return project.runner === 'angular'
    ? { junit: `coverage/junit/${project.name}.xml`, lcov: [`coverage/${project.name}/lcov.info`] }
    : { junit: `${project.root}/coverage/junit.xml`, lcov: [`${project.root}/coverage/lcov.info`] };
}

function nx(args: string[]): number {
  console.log(`\n$ nx ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [join(WORKSPACE, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd: WORKSPACE,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  return result.status ?? 1;
}

function nxOutput(args: string[]): string {
  const result = spawnSync(process.execPath, [join(WORKSPACE, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd: WORKSPACE,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function projectsToTest(scope: Scope): TestProject[] {
  const scopeArgs =
    scope.mode === 'all'
      ? []
      : scope.mode === 'projects'
        ? [`--projects=${scope.projects.join(',')}`]
        : ['--affected', `--base=${scope.base}`, `--head=${scope.head}`];
  const which = ['show', 'projects', ...scopeArgs, '-t', 'test', '--json'];
  const names = JSON.parse(nxOutput(which)) as string[];
  const dir = mkdtempSync(join(tmpdir(), 'ci-test-'));
  try {
    nxOutput(['graph', `--file=${join(dir, 'graph.json')}`]);
    const graph = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as {
      graph: { nodes: Record<string, GraphNode> };
    };
    return classify(names.sort(), graph.graph.nodes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies JUnit files to coverage/junit/ and normalised lcov to coverage/<root>/lcov.info. */
function gather(projects: TestProject[]): void {
  const at = (p: string) => join(WORKSPACE, p);
  mkdirSync(at('coverage/junit'), { recursive: true });
  for (const project of projects) {
    const sources = reportSources(project);
    const junitTarget = `coverage/junit/${project.name}.xml`;
    if (existsSync(at(sources.junit)) && sources.junit !== junitTarget)
      copyFileSync(at(sources.junit), at(junitTarget));
    const lcov = sources.lcov.find((p) => existsSync(at(p)));
    if (!lcov) {
      console.log(`(no lcov from ${project.name})`);
      continue;
    }
    const target = `coverage/${project.root}/lcov.info`;
    const text = normalizeLcov(readFileSync(at(lcov), 'utf8'), project.root, (p) => existsSync(at(p)));
    mkdirSync(dirname(at(target)), { recursive: true });
    writeFileSync(at(target), text);
    console.log(`coverage of ${project.name} -> ${target}`);
  }
}

function main(): void {
  const scope = parseArgs(process.argv.slice(2));
  const projects = projectsToTest(scope);
  console.log(`projects to test (${scope.mode}): ${projects.map((p) => p.name).join(', ') || 'none'}`);
  if (projects.length === 0) return;
  rmSync(join(WORKSPACE, 'coverage/junit'), { recursive: true, force: true });
  const failures: string[] = [];
  const names = (runner: Runner) =>
    projects
      .filter((p) => p.runner === runner)
      .map((p) => p.name)
      .join(',');
  const common = ['--parallel=2', '--output-style=static'];
  if (
    names('vitest') &&
    nx(['run-many', '-t', 'test', `-p=${names('vitest')}`, ...common, ...VITEST_FLAGS]) !== 0
  )
    failures.push('vitest projects');
  for (const project of projects.filter((p) => p.runner === 'angular'))
    if (nx(['run', `${project.name}:test`, '--output-style=static', ...angularFlags(project)]) !== 0)
      failures.push(project.name);
  if (names('other') && nx(['run-many', '-t', 'test', `-p=${names('other')}`, ...common]) !== 0)
    failures.push('other projects');
  gather(projects);
  if (failures.length > 0) {
    console.error(`\ntests failed: ${failures.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

// sonar-project.properties: the project, its sources and tests, and one lcov report per project
// with tests, at the path the pipeline's test stage (jenkins/scripts/ci-test.ts) writes it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSources } from '../scripts/ci-test';
import { WORKSPACE } from './support/pipeline-checks';

/** Java-properties reading: `key=value`, `#` comments, `\` continuations. */
function readProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/);
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const at = trimmed.search(/[=:]/);
    out[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return out;
}

const properties = readProperties(readFileSync(join(WORKSPACE, 'sonar-project.properties'), 'utf8'));
const list = (key: string) =>
  (properties[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Projects under the analysed folders that have tests, by their project.json. */
function projectsWithTests(): Array<{ name: string; root: string; angular: boolean }> {
  const found: Array<{ name: string; root: string; angular: boolean }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(WORKSPACE, dir), { withFileTypes: true })) {
      if (!entry.isDirectory() || ['node_modules', 'dist', 'coverage', 'src'].includes(entry.name)) continue;
      const root = join(dir, entry.name);
      const projectJson = join(WORKSPACE, root, 'project.json');
      if (existsSync(projectJson)) {
        const project = JSON.parse(readFileSync(projectJson, 'utf8')) as {
          name: string;
          targets?: { test?: { executor?: string } };
        };
        const vitest = ['vitest.config.mts', 'vitest.config.ts'].some((f) =>
          existsSync(join(WORKSPACE, root, f)),
        );
        const angular = project.targets?.test?.executor === '@angular/build:unit-test';
        if (vitest || angular) found.push({ name: project.name, root: relative('.', root), angular });
      }
      walk(root);
    }
  };
  for (const dir of list('sonar.sources')) walk(dir);
  return found.sort((a, b) => a.root.localeCompare(b.root));
}

describe('sonar-project.properties', () => {
  it('names the project and what to analyse', () => {
    expect(properties['sonar.projectKey']).toBe('showroom');
    expect(list('sonar.sources')).toEqual(['apps', 'services', 'libs', 'tools']);
    expect(list('sonar.tests')).toEqual(['apps', 'services', 'libs', 'tools']);
    expect(list('sonar.test.inclusions')).toEqual(['**/*.test.ts', '**/*.spec.ts']);
  });

  it('keeps build output, dependencies, reports and the tests themselves out of the sources', () => {
    expect(list('sonar.exclusions')).toEqual(
      expect.arrayContaining([
        '**/*.test.ts',
        '**/*.spec.ts',
        '**/node_modules/**',
        '**/dist/**',
        '**/coverage/**',
        'e2e/reports/**',
      ]),
    );
  });

  it('reads the lcov of every project with tests, where the test stage writes it', () => {
    const projects = projectsWithTests();
    expect(projects.map((p) => p.name)).toEqual(
      expect.arrayContaining(['portal', 'inventory', 'users', 'contracts']),
    );
    const expected = projects.map((p) => `coverage/${p.root}/lcov.info`);
    expect(list('sonar.javascript.lcov.reportPaths').sort()).toEqual(expected.sort());
    // ...and the test stage gathers each project's report from where its runner writes it.
    for (const p of projects)
      expect(
        reportSources({ name: p.name, root: p.root, runner: p.angular ? 'angular' : 'vitest' }).lcov[0],
      ).toMatch(p.angular ? `coverage/${p.name}/lcov.info` : `${p.root}/coverage/lcov.info`);
  });
});

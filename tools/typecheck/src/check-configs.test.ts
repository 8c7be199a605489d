import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutorContext } from '@nx/devkit';
import typecheckBatch, { type BatchResult } from './batch.ts';
import { checkConfigs, createSharedFiles } from './check-configs.ts';

const workspaceRoot = join(import.meta.dirname, '..', '..', '..');
const tscBin = join(workspaceRoot, 'node_modules', 'typescript', 'bin', 'tsc');
let root: string;

function write(path: string, content: string | object): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
}

/** What tsc itself says of the same tsconfig, the reference this executor must agree with. */
function tscErrorCodes(tsConfig: string): string[] {
  const result = spawnSync(process.execPath, [tscBin, '-p', tsConfig, '--noEmit', '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...result.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1] as string);
}

const codesIn = (output: string) => [...output.matchAll(/error (TS\d+)/g)].map((m) => m[1] as string);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'typecheck-'));
  const base = {
    target: 'es2022',
    lib: ['es2022'],
    module: 'esnext',
    moduleResolution: 'bundler',
    types: [],
  };
  // One library read by a lenient and a strict program: the shared parse must not share verdicts.
  write('lib/echo.ts', 'export function echo(value) {\n  return value;\n}\n');
  write('lenient/main.ts', "import { echo } from '../lib/echo';\nexport const one = echo(1);\n");
  write('lenient/tsconfig.json', { compilerOptions: { ...base, strict: false }, include: ['*.ts'] });
  write('strict/main.ts', "import { echo } from '../lib/echo';\nexport const one = echo(1);\n");
  write('strict/tsconfig.json', { compilerOptions: { ...base, strict: true }, include: ['*.ts'] });
  write('typo/main.ts', "export const count: number = 'three';\n");
  write('typo/tsconfig.json', { compilerOptions: base, include: ['*.ts'] });
  // tsc --noEmit still reports declaration errors when the config asks for declarations.
  write('declarations/main.ts', 'export const Hidden = class {\n  private secret = 1;\n};\n');
  write('declarations/tsconfig.json', { compilerOptions: { ...base, declaration: true }, include: ['*.ts'] });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checkConfigs', () => {
  it('reports what tsc reports for each tsconfig, one program after another on the same parsed files', () => {
    const shared = createSharedFiles(root);
    const configs = ['lenient/tsconfig.json', 'strict/tsconfig.json', 'lenient/tsconfig.json'];
    const runs = configs.map((config) => checkConfigs(root, [config], shared));

    expect(runs.map((run) => run.ok)).toEqual([true, false, true]);
    expect(codesIn(runs[1]?.output ?? '')).toEqual(tscErrorCodes('strict/tsconfig.json'));
    expect(runs[1]?.output).toContain('lib/echo.ts(1,22): error TS7006');
    expect(tscErrorCodes('lenient/tsconfig.json')).toEqual([]);
  });

  it('fails on a type error and on a declaration error, naming the file and the line as tsc does', () => {
    const check = checkConfigs(
      root,
      ['typo/tsconfig.json', 'declarations/tsconfig.json'],
      createSharedFiles(root),
    );

    expect(check.ok).toBe(false);
    expect(check.output).toContain(
      "typo/main.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
    expect(codesIn(check.output)).toEqual([
      ...tscErrorCodes('typo/tsconfig.json'),
      ...tscErrorCodes('declarations/tsconfig.json'),
    ]);
    expect(codesIn(check.output)).toContain('TS4094');
    expect(check.output).toMatch(/typo\/tsconfig\.json: 1 error/);
  });

  it('fails on a tsconfig that is not there', () => {
    const check = checkConfigs(root, ['missing/tsconfig.json'], createSharedFiles(root));

    expect(check.ok).toBe(false);
    expect(check.output).toMatch(/error TS\d+: .*missing\/tsconfig\.json/);
  });
});

describe('the batch of several projects', () => {
  it('answers for every project, on threads, each with its own verdict and output', async () => {
    const inputs = {
      'strict:typecheck': { tsConfigs: ['strict/tsconfig.json'] },
      'lenient:typecheck': { tsConfigs: ['lenient/tsconfig.json'] },
      'typo:typecheck': { tsConfigs: ['typo/tsconfig.json'] },
      'both:typecheck': { tsConfigs: ['lenient/tsconfig.json', 'declarations/tsconfig.json'] },
    };
    const results: BatchResult[] = [];
    for await (const result of typecheckBatch(
      { roots: [], tasks: {}, dependencies: {}, continuousDependencies: {} },
      inputs,
      {},
      { root } as ExecutorContext,
    ))
      results.push(result);

    const verdicts = Object.fromEntries(results.map(({ task, result }) => [task, result.success]));
    expect(verdicts).toEqual({
      'strict:typecheck': false,
      'lenient:typecheck': true,
      'typo:typecheck': false,
      'both:typecheck': false,
    });
    const output = (task: string) => results.find((r) => r.task === task)?.result.terminalOutput;
    expect(output('typo:typecheck')).toContain('TS2322');
    expect(output('both:typecheck')).toContain('TS4094');
    expect(output('lenient:typecheck')).not.toMatch(/error TS/);
  });
});

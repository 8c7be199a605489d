import { describe, expect, it } from 'vitest';
import { pruneLock, requiredPackages } from '../prune-manifest.mjs';

describe('requiredPackages', () => {
  it('names the packages a bundle requires, scoped ones whole, without Node builtins or relative files', () => {
    const bundle =
      'const a=require("express");const b=require("@aws-sdk/client-s3");const c=require("kysely/migration");' +
      'const d=require("node:crypto");const e=require("fs");const f=require("./chunk.js");';
    expect(requiredPackages(bundle)).toEqual(['express', '@aws-sdk/client-s3', 'kysely']);
  });
});

describe('pruneLock', () => {
  // kept → shared (hoisted) and → nested (its own copy of a package dropped's other version is hoisted);
  // dropped → only-dropped; nested's optional and peer dependencies count too.
  const lock = {
    name: 'svc',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'svc', dependencies: { kept: '1.0.0', dropped: '1.0.0' } },
      'node_modules/kept': { version: '1.0.0', dependencies: { shared: '^1', nested: '^2' } },
      'node_modules/kept/node_modules/nested': {
        version: '2.0.0',
        optionalDependencies: { native: '1' },
        peerDependencies: { peer: '1' },
      },
      'node_modules/nested': { version: '1.0.0' },
      'node_modules/shared': { version: '1.0.0' },
      'node_modules/native': { version: '1.0.0', optional: true },
      'node_modules/peer': { version: '1.0.0' },
      'node_modules/dropped': { version: '1.0.0', dependencies: { nested: '^1', 'only-dropped': '1' } },
      'node_modules/only-dropped': { version: '1.0.0' },
    },
  };

  it('keeps what the remaining dependencies reach, resolved as Node does, and nothing else', () => {
    const pruned = pruneLock(lock, { kept: '1.0.0' });
    expect(Object.keys(pruned.packages).sort()).toEqual([
      '',
      'node_modules/kept',
      'node_modules/kept/node_modules/nested',
      'node_modules/native',
      'node_modules/peer',
      'node_modules/shared',
    ]);
    expect(pruned.packages['']).toEqual({ name: 'svc', dependencies: { kept: '1.0.0' } });
    expect(pruned).toMatchObject({ name: 'svc', lockfileVersion: 3, requires: true });
  });

  it('keeps the whole lock when every dependency stays', () => {
    const pruned = pruneLock(lock, { kept: '1.0.0', dropped: '1.0.0' });
    expect(Object.keys(pruned.packages)).toHaveLength(Object.keys(lock.packages).length);
  });
});

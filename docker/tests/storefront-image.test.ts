import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@showroom/server-testing';
import { runOrThrow, waitForStatus } from './image-steps';

/**
 * The storefront image (docker/Dockerfile, target `storefront`) is the Angular SSR build plus the
 * packages its server leaves outside the bundle (docker/storefront-package.mjs writes their
 * package.json from the project's externalDependencies and the lock file). No Docker engine runs in
 * CI, so this does the same in an empty folder outside the workspace (no node_modules above it to
 * fall back on): the manifest, `npm install --omit=dev`, then `node server/server.mjs` with
 * production settings. A package the server imports but the manifest lacks crashes it here as in
 * the container.
 */
const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist', 'apps', 'storefront');

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/|$)/;

/** The packages an ES module bundle imports (static and dynamic), `node:` prefix dropped. */
function importedPackages(source: string): string[] {
  const names = [
    ...source.matchAll(/\bfrom\s*["']([^"'./][^"']*)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"'./][^"']*)["']\s*\)/g),
    ...source.matchAll(/\bimport\s*["']([^"'./][^"']*)["']/g),
    ...source.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g),
  ]
    .map((match) => (match[1] as string).replace(/^node:/, ''))
    // Minified code has `"from"in x` and the like: only what could name a package is one.
    .filter((id) => PACKAGE_NAME.test(id));
  return [
    ...new Set(
      names.map((id) =>
        id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : (id.split('/')[0] as string),
      ),
    ),
  ];
}

describe('importedPackages (the check can fail)', () => {
  it('finds bare imports, static and dynamic, and ignores relative ones and Node builtins by prefix', () => {
    const source =
      'import{a}from"express";import"./chunk-1.mjs";const s=await import("@aws-sdk/client-s3/dist");' +
      'import x from "node:path";const y=require("zod");import("./lazy.mjs");' +
      'if("from"in this.opts||f(",")){}';
    expect(importedPackages(source).sort()).toEqual(['@aws-sdk/client-s3', 'express', 'path', 'zod']);
  });
});

describe('the storefront image, assembled as the Dockerfile does', () => {
  const folder = mkdtempSync(join(tmpdir(), 'image-storefront-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists every package its server imports in the manifest it installs from, and installs them', async () => {
    // The Nx test target depends on the storefront's production build (docker/project.json).
    if (!existsSync(join(dist, 'server', 'server.mjs')))
      throw new Error('Build it first: npx nx build storefront');
    cpSync(dist, folder, { recursive: true });
    await runOrThrow(
      process.execPath,
      [join(root, 'docker', 'storefront-package.mjs'), root, join(folder, 'package.json')],
      root,
    );
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const bundles = readdirSync(join(folder, 'server'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.mjs'),
    );
    expect(bundles).toContain('server.mjs');
    const imported = bundles.flatMap((file) =>
      importedPackages(readFileSync(join(folder, 'server', file), 'utf8')),
    );
    expect(imported).toContain('express');
    expect(
      [...new Set(imported)].filter((id) => !builtinModules.includes(id) && !manifest.dependencies[id]),
      'packages the server imports but the image would not install',
    ).toEqual([]);
    expect(existsSync(join(folder, 'browser'))).toBe(true);
    await runOrThrow('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], folder);
  });

  it('starts with `node server/server.mjs` in production, answers /healthz, and stops on SIGTERM', async () => {
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, ['server/server.mjs'], {
      cwd: folder,
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        INVENTORY_API_URL: 'http://inventory.showroom-image-test.internal:3001',
        RETAIL_API_URL: 'http://retail.showroom-image-test.internal:3004',
        PUBLIC_API_ORIGIN: 'https://qa.showroom-image-test.example',
        S3_BUCKET: 'showroom-image-test-media',
        S3_ENDPOINT: 'https://s3.us-east-1.amazonaws.com',
        S3_KMS_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/image-test',
        MEDIA_PUBLIC_URL: 'https://media.sites.showroom-image-test.example/media',
      },
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      expect(await waitForStatus(`http://127.0.0.1:${port}/healthz`, child, () => output)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/Cannot find (module|package)/);
  });
});

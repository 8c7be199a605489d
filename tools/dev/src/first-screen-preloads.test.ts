import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addFirstScreenPreloads,
  type BuildMetafile,
  chunkOfModule,
  FIRST_SCREENS,
  planFirstScreens,
  screenPreloadScript,
  SHELL_MODULE,
  withFirstScreenHints,
} from './first-screen-preloads';

const [INVENTORY, INBOX, LEAD] = FIRST_SCREENS.map((screen) => screen.module) as [string, string, string];

/** A build as the builder's metafile describes it: chunk -> its sources and its imports. */
function metafileOf(chunks: Record<string, { sources?: string[]; imports?: string[]; lazy?: string[] }>) {
  const outputs: BuildMetafile['outputs'] = {};
  for (const [chunk, { sources = [], imports = [], lazy = [] }] of Object.entries(chunks)) {
    outputs[chunk] = {
      inputs: Object.fromEntries(sources.map((source) => [source, { bytesInOutput: 100 }])),
      imports: [
        ...imports.map((path) => ({ path, kind: 'import-statement' })),
        ...lazy.map((path) => ({ path, kind: 'dynamic-import' })),
      ],
    };
  }
  return { outputs };
}

const BUILD = metafileOf({
  'main-A.js': { sources: ['apps/portal/src/main.ts'], imports: ['chunk-core.js'], lazy: ['chunk-shell.js'] },
  'polyfills-B.js': { sources: ['node_modules/zone.js/fesm2015/zone.js'] },
  'chunk-core.js': { sources: ['node_modules/@angular/core/fesm2022/core.mjs'] },
  'chunk-shell.js': { sources: [SHELL_MODULE], imports: ['chunk-core.js', 'chunk-buttons.js'] },
  'chunk-buttons.js': { sources: ['node_modules/@angular/material/fesm2022/button.mjs'] },
  'chunk-cards.js': { sources: ['apps/portal/src/app/shared/cards.ts'], imports: ['chunk-buttons.js'] },
  'chunk-inventory.js': { sources: [INVENTORY], imports: ['chunk-cards.js'], lazy: ['chunk-filters.js'] },
  'chunk-filters.js': { sources: ['apps/portal/src/app/inventory/vehicle-filters.ts'] },
  'chunk-inbox.js': { sources: [INBOX], imports: ['chunk-cards.js', 'chunk-chips.js'] },
  'chunk-chips.js': { sources: ['apps/portal/src/app/shared/chips.ts'] },
  'chunk-lead.js': { sources: [LEAD], imports: ['chunk-chips.js'] },
});

const INDEX = [
  '<!doctype html><html><head><title>Showroom</title>',
  '<link rel="stylesheet" href="styles-C.css">',
  '<link rel="modulepreload" href="chunk-core.js">',
  '<script src="polyfills-B.js" type="module"></script><script src="main-A.js" type="module"></script>',
  '</head><body><sr-root></sr-root></body></html>',
].join('');

/** Runs the preload script as a browser at `pathname` would; returns the chunks it preloaded, with how. */
function preloadedAt(script: string, pathname: string): string[] {
  const links: Array<{ rel: string; fetchPriority: string; href: string }> = [];
  const document = {
    createElement: () => ({ rel: '', fetchPriority: '', href: '' }),
    head: { appendChild: (link: (typeof links)[number]) => links.push(link) },
  };
  runInNewContext(script, { document, location: { pathname } });
  expect(links.every((link) => link.rel === 'modulepreload' && link.fetchPriority === 'low')).toBe(true);
  return links.map((link) => link.href);
}

describe('the first screens’ preloads', () => {
  it('preloads the shell’s chunks beyond the initial bundle, and each screen’s beyond those, never what loads lazily', () => {
    const plan = planFirstScreens(BUILD, INDEX);
    expect(plan.shell).toEqual(['chunk-shell.js', 'chunk-buttons.js']);
    expect(plan.screens.map((screen) => screen.chunks)).toEqual([
      ['chunk-inventory.js', 'chunk-cards.js'],
      ['chunk-inbox.js', 'chunk-cards.js', 'chunk-chips.js'],
      ['chunk-lead.js', 'chunk-chips.js'],
    ]);
  });

  it('preloads, in the browser, only the chunks of the screen the address opens', () => {
    const script = screenPreloadScript(planFirstScreens(BUILD, INDEX).screens);
    expect(preloadedAt(script, '/inventory')).toEqual(['chunk-inventory.js', 'chunk-cards.js']);
    expect(preloadedAt(script, '/')).toEqual(['chunk-inventory.js', 'chunk-cards.js']);
    expect(preloadedAt(script, '/leads')).toEqual(['chunk-inbox.js', 'chunk-cards.js', 'chunk-chips.js']);
    expect(preloadedAt(script, '/leads/0b3dce22-585b-4376-bac6-34ecddc1248b')).toEqual([
      'chunk-lead.js',
      'chunk-chips.js',
    ]);
    // Pages beside a lead, other screens and vehicles are no first screens: nothing is preloaded.
    for (const path of ['/leads/board', '/leads/settings', '/deals', '/inventory/new', '/inventory/v-1']) {
      expect(preloadedAt(script, path)).toEqual([]);
    }
  });

  it('puts the script first and the shell’s preloads after it, before the builder’s own preloads and scripts', () => {
    const html = withFirstScreenHints(INDEX, ['chunk-shell.js'], 'first-screens-1.js');
    const order = ['first-screens-1.js', 'chunk-shell.js', 'chunk-core.js', 'polyfills-B.js', 'main-A.js'];
    const positions = order.map((file) => html.indexOf(`"${file}"`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<script src="first-screens-1.js" async fetchpriority="high"></script>');
    expect(html).toContain('<link rel="modulepreload" fetchpriority="low" href="chunk-shell.js">');
  });

  it('says which screen moved when a first screen’s source is no longer in the build', () => {
    expect(() => chunkOfModule(BUILD, 'apps/portal/src/app/leads/lead-inbox/inbox-page.ts')).toThrow(
      /No chunk of the build holds .*inbox-page\.ts: was it renamed\?/,
    );
  });
});

describe('the portal as published', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function builderOutput(): string {
    root = mkdtempSync(join(tmpdir(), 'first-screens-'));
    const bundle = join(root, 'bundle');
    mkdirSync(join(bundle, 'browser'), { recursive: true });
    writeFileSync(join(bundle, 'browser-stats.json'), JSON.stringify(BUILD));
    writeFileSync(join(bundle, 'browser', 'index.html'), INDEX);
    for (const chunk of Object.keys(BUILD.outputs)) writeFileSync(join(bundle, 'browser', chunk), '');
    const manifest = {
      hashTable: { '/index.html': 'builder’s hash' },
      assetGroups: [
        { name: 'app-shell', urls: ['/index.html', '/main-A.js'] },
        { name: 'screens', urls: ['/chunk-shell.js'] },
      ],
    };
    writeFileSync(join(bundle, 'browser', 'ngsw.json'), JSON.stringify(manifest));
    return bundle;
  }

  it('is the builder’s output with the hints, and a service worker manifest that accepts the new index.html', () => {
    const bundle = builderOutput();
    const output = join(root, 'portal');
    const added = addFirstScreenPreloads(bundle, output);

    const html = readFileSync(join(output, 'browser', 'index.html'), 'utf8');
    expect(html).toContain(`<script src="${added.script}" async fetchpriority="high">`);
    const script = readFileSync(join(output, 'browser', added.script), 'utf8');
    expect(preloadedAt(script, '/leads')).toEqual(['chunk-inbox.js', 'chunk-cards.js', 'chunk-chips.js']);
    const sha1 = (content: string) => createHash('sha1').update(content).digest('hex');
    const manifest = JSON.parse(readFileSync(join(output, 'browser', 'ngsw.json'), 'utf8'));
    expect(manifest.hashTable['/index.html']).toBe(sha1(html));
    expect(manifest.hashTable[`/${added.script}`]).toBe(sha1(script));
    expect(manifest.assetGroups[0].urls).toContain(`/${added.script}`);
    // The builder's output is left as it was: a second run starts from it and writes the same portal.
    expect(readFileSync(join(bundle, 'browser', 'index.html'), 'utf8')).toBe(INDEX);
    addFirstScreenPreloads(bundle, output);
    expect(readFileSync(join(output, 'browser', 'index.html'), 'utf8')).toBe(html);
  });
});

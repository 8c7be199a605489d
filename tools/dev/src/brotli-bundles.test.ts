import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBrotliBundles } from './brotli-bundles';

describe('the build’s brotli of each bundle', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written beside every hashed script and style sheet, at brotli’s best, and decodes to the bundle', () => {
    dir = mkdtempSync(join(tmpdir(), 'brotli-bundles-'));
    const bundle = Array.from({ length: 500 }, (_, i) => `export const v${i}=${i * 3};`).join('');
    const hashed = [
      'main-UBM7CX7C.js',
      'chunk-B--E9i9r.js',
      'styles-Z3WVQZE6.css',
      'first-screens-0123456789.js',
    ];
    const others = ['index.html', 'ngsw-worker.js', 'safety-worker.js', 'ngsw.json', 'favicon.ico'];
    for (const name of [...hashed, ...others]) writeFileSync(join(dir, name), bundle);

    expect(writeBrotliBundles(dir)).toBe(hashed.length);

    expect(
      readdirSync(dir)
        .filter((name) => name.endsWith('.br'))
        .sort(),
    ).toEqual(hashed.map((name) => `${name}.br`).sort());
    const written = readFileSync(join(dir, 'main-UBM7CX7C.js.br'));
    expect(brotliDecompressSync(written).toString()).toBe(bundle);
    const fast = brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(written.length).toBeLessThan(fast.length);
  });
});

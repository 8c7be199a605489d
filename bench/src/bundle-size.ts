import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * What index.html starts the portal with: its module scripts and style sheets. Not its hints (module
 * preloads, the first screens' preload script): the builder's preloads are imported by these anyway,
 * the first screens' are fetched beside them but not needed to start.
 */
export function startFiles(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*\btype="module"/g)];
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+\.css)"/g)];
  return [...new Set([...scripts, ...styles].map((m) => m[1] as string))].filter(
    (file) => !/^https?:/.test(file),
  );
}

/** The chunks a built script imports statically (`import"./chunk-….js"`, `from"./chunk-….js"`), not `import(…)`. */
export function staticImports(script: string): string[] {
  return [...script.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1] as string);
}

/** The initial bundle: what index.html starts the portal with and every chunk those scripts import statically. */
export async function initialBundleFiles(
  html: string,
  read: (file: string) => string | Promise<string>,
): Promise<string[]> {
  const files = new Set(startFiles(html));
  const pending = [...files].filter((file) => file.endsWith('.js'));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const imported of staticImports(await read(file))) {
      if (files.has(imported)) continue;
      files.add(imported);
      pending.push(imported);
    }
  }
  return [...files];
}

/** index.html and the built files compressed here as a CDN would (gzip -9, brotli 11), whatever the edge does. */
export function compressedSizes(distDir: string, files: string[]): BundleSize {
  const size: BundleSize = { files: ['index.html', ...files], rawBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const file of size.files) {
    const content = readFileSync(join(distDir, file));
    size.rawBytes += content.length;
    size.gzipBytes += gzipSync(content, { level: 9 }).length;
    size.brotliBytes += brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return size;
}

/** What a browser downloads before the portal starts, as built in `distDir`. */
export async function initialBundleSize(distDir: string): Promise<BundleSize> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = await initialBundleFiles(html, (file) => readFileSync(join(distDir, file), 'utf8'));
  return compressedSizes(distDir, files);
}

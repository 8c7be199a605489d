import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/** What a browser downloads before the portal starts: index.html plus the scripts and styles it names. */
export function initialBundleSize(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = ['index.html', ...new Set(referenced.filter((f) => !/^https?:/.test(f)))];
  let rawBytes = 0;
  let gzipBytes = 0;
  let brotliBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
    brotliBytes += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, rawBytes, gzipBytes, brotliBytes };
}

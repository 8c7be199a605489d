// The portal's hashed scripts and style sheets compressed once, at brotli's best (quality 11), as
// `<file>.br` beside each: the last step of `nx build portal` writes them, the local edge serves them
// and infra/scripts/publish-portal.sh uploads them under the bundle's own name with
// `Content-Encoding: br`, which CloudFront passes on as it is. Compressing per request (CloudFront,
// the `compression` middleware) uses a fast quality instead: about 14 % more bytes, 0.2 s on a phone
// with 1.6 Mbps (docs/adr/0013).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Angular names every bundle and style sheet after its content (`main-MXTNVKNE.js`, `chunk-B--E9i9r.js`). */
export const HASHED_BUNDLE = /^[a-z]+(?:-[a-z]+)*-[\w-]{8,}\.(?:js|css)$/;

/** Writes `<file>.br` beside every hashed bundle of `browserDir`; returns how many. */
export function writeBrotliBundles(browserDir: string): number {
  const bundles = readdirSync(browserDir).filter((name) => HASHED_BUNDLE.test(name));
  for (const name of bundles) {
    const compressed = brotliCompressSync(readFileSync(join(browserDir, name)), {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    });
    writeFileSync(join(browserDir, `${name}.br`), compressed);
  }
  return bundles.length;
}

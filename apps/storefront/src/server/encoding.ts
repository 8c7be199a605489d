import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A response body with its compressed copies, made once and sent many times. */
export interface EncodedBody {
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  /** Strong validator of the identity bytes. */
  etag: string;
}

/** Below this, compressing costs more than it saves. */
const MIN_COMPRESSIBLE_BYTES = 1024;

export const isCompressible = (contentType: string) =>
  /^(text\/|application\/(javascript|json|xml|manifest\+json|ld\+json)|image\/svg\+xml)/.test(contentType);

/**
 * Compresses `body` with brotli and gzip. `effort` trades CPU for bytes: `max` for files compressed
 * once at start (scripts, styles), `fast` for pages compressed as they are rendered.
 */
export async function encodeBody(
  body: Buffer,
  contentType: string,
  effort: 'max' | 'fast',
): Promise<EncodedBody> {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  if (body.length < MIN_COMPRESSIBLE_BYTES || !isCompressible(contentType)) return { identity: body, etag };
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? 11 : 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipped(body, { level: effort === 'max' ? 9 : 6 }),
  ]);
  return { identity: body, br, gzip: gz, etag };
}

/** The best encoding the client accepts (`q=0` refuses one), brotli first. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const wildcard = accepted.get('*');
  for (const encoding of ['br', 'gzip'] as const) {
    const q = accepted.get(encoding) ?? wildcard ?? 0;
    if (q > 0) return encoding;
  }
  return null;
}

/**
 * Sends `body` in the encoding the client prefers (when a copy exists), with its validator; answers
 * 304 when the client already has it. Headers already set on `res` stay.
 */
export function sendEncoded(req: Request, res: Response, status: number, body: EncodedBody): void {
  res.vary('Accept-Encoding');
  res.setHeader('ETag', body.etag);
  if (status === 200 && req.fresh) {
    res.status(304).end();
    return;
  }
  const encoding = preferredEncoding(req.headers['accept-encoding']);
  const bytes = (encoding && body[encoding]) || body.identity;
  if (bytes !== body.identity) res.setHeader('Content-Encoding', encoding as Encoding);
  res.setHeader('Content-Length', bytes.length);
  res.status(status);
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}

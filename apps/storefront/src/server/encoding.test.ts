import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBody, preferredEncoding } from './encoding';

describe('choosing an encoding', () => {
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });
});

describe('encoding a body once', () => {
  it('keeps brotli and gzip copies of text that decode to the same bytes', async () => {
    const html = Buffer.from(`<!doctype html>${'<p>Toyota Camry</p>'.repeat(200)}`);
    const body = await encodeBody(html, 'text/html; charset=utf-8', 'fast');
    const { br = Buffer.alloc(0), gzip = Buffer.alloc(0) } = body;
    expect(brotliDecompressSync(br)).toEqual(html);
    expect(gunzipSync(gzip)).toEqual(html);
    expect(br.length).toBeLessThan(html.length / 5);
  });

  it('leaves images and tiny bodies alone', async () => {
    expect((await encodeBody(Buffer.alloc(5000), 'image/png', 'max')).br).toBeUndefined();
    expect((await encodeBody(Buffer.from('ok'), 'text/plain', 'max')).gzip).toBeUndefined();
  });
});

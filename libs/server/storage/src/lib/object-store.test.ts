import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3Local } from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { describe, expect, it } from 'vitest';
import { createS3ObjectStore } from './object-store';
import { LOCAL_S3_CREDENTIALS, mediaUrl } from './storage-config';

describe('the S3 ObjectStore (against s3rver)', () => {
  const local = startForTheseTests(async () => {
    const s3 = await startS3Local({ buckets: ['store-test'] });
    const store = createS3ObjectStore({
      bucket: 'store-test',
      region: 'us-east-1',
      endpoint: s3.endpoint,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
    const raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
    return {
      s3,
      store,
      raw,
      async close() {
        raw.destroy();
        await s3.close();
      },
    };
  });
  const prefix = () => `t/${randomUUID()}/`;

  it('puts bytes and text and gets them back with their content type and cache control', async () => {
    const at = prefix();
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 256));
    await local.store.put(`${at}photo.webp`, bytes, {
      contentType: 'image/webp',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    await local.store.put(`${at}feed.csv`, 'vin,price\n1,2\n', { contentType: 'text/csv; charset=utf-8' });

    expect(await local.store.get(`${at}photo.webp`)).toEqual({ body: bytes, contentType: 'image/webp' });
    const feed = await local.store.get(`${at}feed.csv`);
    expect(feed?.body.toString('utf8')).toBe('vin,price\n1,2\n');
    expect(feed?.contentType).toBe('text/csv; charset=utf-8');
    const head = await local.raw.send(
      new HeadObjectCommand({ Bucket: 'store-test', Key: `${at}photo.webp` }),
    );
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('answers null for a missing key', async () => {
    expect(await local.store.get(`${prefix()}nothing.jpg`)).toBeNull();
  });

  it('lists by prefix in key order and deletes several keys, missing ones included', async () => {
    const at = prefix();
    for (const name of ['b.jpg', 'a.jpg', 'c/d.jpg']) {
      await local.store.put(`${at}${name}`, name, { contentType: 'image/jpeg' });
    }
    await local.store.put(`${prefix()}other.jpg`, 'x', { contentType: 'image/jpeg' });
    expect(await local.store.list(at)).toEqual([`${at}a.jpg`, `${at}b.jpg`, `${at}c/d.jpg`]);

    await local.store.delete([`${at}a.jpg`, `${at}c/d.jpg`, `${at}never-there.jpg`]);
    expect(await local.store.list(at)).toEqual([`${at}b.jpg`]);
    await local.store.delete([]);
  });

  it('asks for SSE-KMS with the configured key on every put', async () => {
    // s3rver does not keep encryption headers: read them on the way in.
    const seen: IncomingHttpHeaders[] = [];
    const target = new URL(local.s3.endpoint);
    const recorder = createServer((incoming, outgoing) => {
      seen.push(incoming.headers);
      const forwarded = request(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    try {
      const store = createS3ObjectStore({
        bucket: 'store-test',
        region: 'us-east-1',
        endpoint: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
        credentials: { ...LOCAL_S3_CREDENTIALS },
        kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/media',
      });
      const key = `${prefix()}secret.jpg`;
      await store.put(key, 'x', { contentType: 'image/jpeg' });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.['x-amz-server-side-encryption']).toBe('aws:kms');
      expect(seen[0]?.['x-amz-server-side-encryption-aws-kms-key-id']).toBe(
        'arn:aws:kms:us-east-1:111122223333:key/media',
      );
      expect((await local.store.get(key))?.body.toString()).toBe('x');
    } finally {
      recorder.closeAllConnections();
      await new Promise((resolve) => recorder.close(resolve));
    }
  });

  it('sends no encryption headers without a key (the bucket default applies)', async () => {
    const key = `${prefix()}plain.jpg`;
    await local.store.put(key, 'x', { contentType: 'image/jpeg' });
    const head = await local.raw.send(new HeadObjectCommand({ Bucket: 'store-test', Key: key }));
    expect(head.ServerSideEncryption).toBeUndefined();
  });
});

describe('mediaUrl', () => {
  it('joins the public base and the key, escaping each segment', () => {
    expect(mediaUrl('https://cdn.example.com/media', 'photos/d1/v1/ab-card.webp')).toBe(
      'https://cdn.example.com/media/photos/d1/v1/ab-card.webp',
    );
    expect(mediaUrl('http://localhost:4200/media', 'feeds/d 1/a#b.csv')).toBe(
      'http://localhost:4200/media/feeds/d%201/a%23b.csv',
    );
  });
});

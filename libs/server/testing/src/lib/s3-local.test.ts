import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { startForTheseTests } from './for-these-tests';
import { startS3Local } from './s3-local';

const clientFor = (endpoint: string) =>
  new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

describe('startS3Local: a real S3 API on 127.0.0.1', () => {
  const local = startForTheseTests(async () => {
    const s3 = await startS3Local({ buckets: ['media-one', 'media-two'] });
    const client = clientFor(s3.endpoint);
    return {
      s3,
      client,
      async close() {
        client.destroy();
        await s3.close();
      },
    };
  });

  it('listens on a free port of 127.0.0.1 with the buckets asked for', async () => {
    expect(local.s3.endpoint).toBe(`http://127.0.0.1:${local.s3.port}`);
    const { Buckets } = await local.client.send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name).sort()).toEqual(['media-one', 'media-two']);
  });

  it('stores bytes and headers as sent', async () => {
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    await local.client.send(
      new PutObjectCommand({ Bucket: 'media-one', Key: 'a/b.bin', Body: bytes, ContentType: 'image/webp' }),
    );
    const got = await local.client.send(new GetObjectCommand({ Bucket: 'media-one', Key: 'a/b.bin' }));
    expect(got.ContentType).toBe('image/webp');
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(bytes);
  });
});

describe('startS3Local under concurrent puts and gets of one key', () => {
  const local = startForTheseTests(async () => {
    const s3 = await startS3Local({ buckets: ['racing'] });
    const client = clientFor(s3.endpoint);
    return {
      client,
      async close() {
        client.destroy();
        await s3.close();
      },
    };
  });

  it('answers every get with one whole version, as S3 does (never a cut or mixed body)', async () => {
    const versions = [Buffer.alloc(1_500_000, 'a'), Buffer.alloc(300_000, 'b')];
    const put = (body: Buffer) =>
      local.client.send(new PutObjectCommand({ Bucket: 'racing', Key: 'feeds/x/feed.csv', Body: body }));
    await put(versions[0] as Buffer);
    const gets: Promise<string>[] = [];
    const puts: Promise<unknown>[] = [];
    for (let i = 0; i < 30; i++) {
      puts.push(put(versions[i % 2] as Buffer));
      gets.push(
        local.client
          .send(new GetObjectCommand({ Bucket: 'racing', Key: 'feeds/x/feed.csv' }))
          .then(async (got) =>
            Buffer.from((await got.Body?.transformToByteArray()) ?? []).toString('latin1'),
          ),
      );
    }
    await Promise.all(puts);
    const bodies = await Promise.all(gets);
    const whole = new Set(versions.map((v) => v.toString('latin1')));
    expect(bodies.filter((body) => !whole.has(body)).map((body) => body.length)).toEqual([]);
  });
});

describe('startS3Local with a folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'showroom-s3-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps objects across a restart on the same port', async () => {
    const first = await startS3Local({ directory: folder, buckets: ['kept-media'] });
    const before = clientFor(first.endpoint);
    await before.send(new PutObjectCommand({ Bucket: 'kept-media', Key: 'k.txt', Body: 'survives' }));
    before.destroy();
    await first.close();

    const second = await startS3Local({ port: first.port, directory: folder, buckets: ['kept-media'] });
    const after = clientFor(second.endpoint);
    try {
      const got = await after.send(new GetObjectCommand({ Bucket: 'kept-media', Key: 'k.txt' }));
      expect(await got.Body?.transformToString()).toBe('survives');
    } finally {
      after.destroy();
      await second.close();
    }
  });
});

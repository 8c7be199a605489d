import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { forEachUploadedFile } from './photo-upload';

const FILE_BYTES = 2 * 1024 * 1024;
/** Socket, busboy and stream buffers: far less than a file. */
const SLACK_BYTES = 512 * 1024;

describe('forEachUploadedFile', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  it('reads a file only once the one before is handled: an upload of several files holds at most one file’s bytes', async () => {
    const seen: Array<{ index: number; bytes: number; readFromClient: number; handledBefore: number }> = [];
    const app = express();
    app.post('/', (req, res) => {
      let handledBytes = 0;
      forEachUploadedFile(req, async (file) => {
        // What this process has taken off the socket beyond the files already handled is what it holds.
        seen.push({
          index: file.index,
          bytes: 'bytes' in file ? file.bytes.length : 0,
          readFromClient: req.socket.bytesRead,
          handledBefore: handledBytes,
        });
        await delay(150);
        handledBytes += FILE_BYTES;
      }).then(
        ({ files }) => res.end(String(files)),
        (error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server?.address() as AddressInfo;

    const upload = request(`http://127.0.0.1:${port}`).post('/');
    for (let i = 0; i < 5; i++) {
      upload.attach('photos', Buffer.alloc(FILE_BYTES, i + 1), {
        filename: `p${i}.jpg`,
        contentType: 'image/jpeg',
      });
    }
    const res = await upload;

    expect(res.status).toBe(200);
    expect(res.text).toBe('5');
    expect(seen.map((file) => [file.index, file.bytes])).toEqual([0, 1, 2, 3, 4].map((i) => [i, FILE_BYTES]));
    for (const file of seen) {
      expect(file.readFromClient - file.handledBefore).toBeLessThan(FILE_BYTES + SLACK_BYTES);
    }
  });
});

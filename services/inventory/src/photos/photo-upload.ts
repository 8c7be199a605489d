import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_VEHICLE,
  PHOTO_UPLOAD_FIELD,
  PROBLEM_TYPES,
  type InvalidParam,
} from '@showroom/contracts';
import { HttpProblem, problems } from '@showroom/server-kit';

/** One file of a multipart upload, read whole, or why it was not. */
export type UploadedFile =
  { index: number; name: string; bytes: Buffer } | { index: number; name: string; refused: string };

const MB = 1024 * 1024;

/** Reads a file's stream into memory; past `MAX_PHOTO_BYTES` it stops keeping bytes and drains the rest. */
function readFile(stream: Readable): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let tooLarge = false;
    stream.on('limit', () => {
      tooLarge = true;
      chunks.length = 0;
    });
    stream.on('data', (chunk: Buffer) => {
      if (!tooLarge) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(tooLarge ? 'tooLarge' : Buffer.concat(chunks)));
    // Destroyed without an error: the body ended inside this file.
    stream.on('close', () => reject(new Error('the file was cut off')));
  });
}

/**
 * Streams the files of a multipart/form-data upload (field `photos`) one at a time to `handle`, in
 * the order they were sent: a file is read once the one before is handled, so at most one file's
 * bytes are held at a time. A file over 25 MiB is handed over refused, without its bytes.
 * Answers the parts that were not photo files (other fields), for the caller to name.
 */
export async function forEachUploadedFile(
  req: Request,
  handle: (file: UploadedFile) => Promise<void>,
): Promise<{ refusedParts: InvalidParam[]; files: number }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fileSize: MAX_PHOTO_BYTES,
        files: MAX_PHOTOS_PER_VEHICLE,
        fields: 20,
        parts: MAX_PHOTOS_PER_VEHICLE + 20,
      },
    });
  } catch {
    throw new HttpProblem(
      415,
      PROBLEM_TYPES.unsupportedMediaType,
      'Unsupported media type',
      `Send the photos as multipart/form-data, each file in the field "${PHOTO_UPLOAD_FIELD}".`,
    );
  }
  const refusedParts: InvalidParam[] = [];
  let files = 0;
  let work: Promise<void> = Promise.resolve();
  let failure: unknown;
  const reading = new Set<Readable>();

  parser.on('file', (field, stream, info) => {
    if (field !== PHOTO_UPLOAD_FIELD) {
      refusedParts.push({
        name: field,
        reason: `unexpected file; send photos in the field "${PHOTO_UPLOAD_FIELD}"`,
      });
      stream.resume();
      return;
    }
    const index = files++;
    const name = info.filename || `photo ${index + 1}`;
    reading.add(stream);
    // Not read until the file before is handled: an unread file stream holds busboy, which holds the
    // request, so the client waits instead of this process buffering every file of the upload.
    work = work.then(async () => {
      if (failure !== undefined || stream.destroyed) {
        reading.delete(stream);
        stream.resume();
        return;
      }
      const bytes = await readFile(stream).finally(() => reading.delete(stream));
      if (failure !== undefined) return;
      await handle(
        bytes === 'tooLarge'
          ? { index, name, refused: `is larger than ${MAX_PHOTO_BYTES / MB} MB` }
          : { index, name, bytes },
      ).catch((error: unknown) => {
        failure = error;
      });
    });
  });
  parser.on('field', (field) => {
    refusedParts.push({
      name: field,
      reason: `unexpected field; send only files in "${PHOTO_UPLOAD_FIELD}"`,
    });
  });
  parser.on('filesLimit', () => {
    refusedParts.push({
      name: PHOTO_UPLOAD_FIELD,
      reason: `at most ${MAX_PHOTOS_PER_VEHICLE} files per upload; the files after that were not read`,
    });
  });
  const broken = await new Promise<string | null>((resolve) => {
    parser.on('error', (error: Error) => resolve(error.message));
    parser.on('close', () => resolve(null));
    req.on('error', (error) => resolve(error.message));
    req.on('close', () => {
      if (!req.complete) resolve('the upload was cut off');
    });
    req.pipe(parser);
  });
  if (broken !== null) {
    // A file cut off with the body never reaches `handle`; the ones before it finish first.
    req.unpipe(parser);
    for (const stream of reading) stream.destroy(new Error(broken));
    await work.catch(() => undefined);
    throw problems.validation([
      { name: 'body', reason: `not a complete multipart/form-data body: ${broken}` },
    ]);
  }
  await work;
  if (failure !== undefined) throw failure;
  if (files === 0 && refusedParts.length === 0) {
    refusedParts.push({ name: PHOTO_UPLOAD_FIELD, reason: 'no file was sent' });
  }
  return { refusedParts, files };
}

import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { PROBLEM_TYPES, type InvalidParam } from '@showroom/contracts';
import { HttpProblem, problems } from './problem';

/** One file of a multipart upload, read whole, or why it was not (larger than allowed). */
export type MultipartFile =
  { index: number; name: string; bytes: Buffer } | { index: number; name: string; refused: string };

export interface MultipartOptions {
  /** The form field the files come in. */
  field: string;
  /** What the files are, as the refusals name them ("photos", "the CSV"). */
  noun: string;
  maxFileBytes: number;
  maxFiles: number;
  maxFields?: number;
  /** The name of a file sent without one. */
  defaultName(index: number): string;
}

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;

/** Reads a file's stream into memory; past the limit it stops keeping bytes and drains the rest. */
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
 * Streams the files of a multipart/form-data upload (in `options.field`) one at a time to
 * `handle`, in the order they were sent: a file is read once the one before is handled, so at most
 * one file's bytes are held. A file over the limit is handed over refused, without its bytes. A
 * body that is not multipart answers 415; a body cut off answers 400 once the files before the cut
 * are handled (the request never hangs). Answers the parts that were not files of the field.
 */
export async function forEachMultipartFile(
  req: Request,
  options: MultipartOptions,
  handle: (file: MultipartFile) => Promise<void>,
): Promise<{ refusedParts: InvalidParam[]; files: number }> {
  const { field: expected, noun, maxFileBytes, maxFiles } = options;
  const maxFields = options.maxFields ?? 20;
  let parser: busboy.Busboy | undefined;
  try {
    if (req.is('multipart/form-data')) {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: maxFileBytes, files: maxFiles, fields: maxFields, parts: maxFiles + maxFields },
      });
    }
  } catch {
    parser = undefined;
  }
  if (!parser) {
    throw new HttpProblem(
      415,
      PROBLEM_TYPES.unsupportedMediaType,
      'Unsupported media type',
      `Send ${noun} as multipart/form-data, in the field "${expected}".`,
    );
  }
  const refusedParts: InvalidParam[] = [];
  let files = 0;
  let work: Promise<void> = Promise.resolve();
  let failure: unknown;
  const reading = new Set<Readable>();

  parser.on('file', (field, stream, info) => {
    if (field !== expected) {
      refusedParts.push({ name: field, reason: `unexpected file; send ${noun} in the field "${expected}"` });
      stream.resume();
      return;
    }
    const index = files++;
    const name = info.filename || options.defaultName(index);
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
          ? { index, name, refused: `is larger than ${sizeOf(maxFileBytes)}` }
          : { index, name, bytes },
      ).catch((error: unknown) => {
        failure = error;
      });
    });
  });
  parser.on('field', (field) => {
    refusedParts.push({ name: field, reason: `unexpected field; send only files in "${expected}"` });
  });
  parser.on('filesLimit', () => {
    refusedParts.push({
      name: expected,
      reason: `at most ${maxFiles} file${maxFiles === 1 ? '' : 's'} per upload; the files after that were not read`,
    });
  });
  const active = parser;
  const broken = await new Promise<string | null>((resolve) => {
    active.on('error', (error: Error) => resolve(error.message));
    active.on('close', () => resolve(null));
    req.on('error', (error) => resolve(error.message));
    req.on('close', () => {
      if (!req.complete) resolve('the upload was cut off');
    });
    req.pipe(active);
  });
  if (broken !== null) {
    // A file cut off with the body never reaches `handle`; the ones before it finish first.
    req.unpipe(active);
    for (const stream of reading) stream.destroy(new Error(broken));
    await work.catch(() => undefined);
    throw problems.validation([
      { name: 'body', reason: `not a complete multipart/form-data body: ${broken}` },
    ]);
  }
  await work;
  if (failure !== undefined) throw failure;
  if (files === 0 && refusedParts.length === 0)
    refusedParts.push({ name: expected, reason: 'no file was sent' });
  return { refusedParts, files };
}

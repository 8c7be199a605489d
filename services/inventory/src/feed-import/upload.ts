import busboy from 'busboy';
import type { Request, RequestHandler } from 'express';
import { MAX_IMPORT_BYTES, PROBLEM_TYPES } from '@showroom/contracts';
import { HttpProblem, problems } from '@showroom/server-kit';
import type { UploadedFile } from './service';

const FILE = Symbol('showroom.importFile');
type WithFile = Request & { [FILE]?: UploadedFile };

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);
const tooLarge = (name: string, maxBytes: number) =>
  new HttpProblem(
    413,
    PROBLEM_TYPES.payloadTooLarge,
    'Payload too large',
    `${name} is larger than ${sizeOf(maxBytes)}; split the file or use a feed URL.`,
    [{ name: 'file', reason: `larger than ${sizeOf(maxBytes)}` }],
  );

/**
 * Reads the one CSV of a multipart/form-data body (field `file`), refusing before it is all read
 * when it is too large. The handler takes it with {@link uploadedFile}.
 */
export const csvUpload =
  (maxBytes: number = MAX_IMPORT_BYTES): RequestHandler =>
  (req, _res, next) => {
    if (!req.is('multipart/form-data')) {
      return next(
        new HttpProblem(
          415,
          PROBLEM_TYPES.unsupportedMediaType,
          'Unsupported media type',
          'Send the CSV as multipart/form-data in the field "file".',
        ),
      );
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 5 } });
    } catch {
      return next(problems.validation([{ name: 'file', reason: 'the multipart body cannot be read' }]));
    }
    let failure: HttpProblem | undefined;
    let file: UploadedFile | undefined;
    let finished = false;
    const finish = (error?: HttpProblem) => {
      if (finished) return;
      finished = true;
      next(error);
    };
    parser.on('file', (field, stream, info) => {
      const name = info.filename || 'upload.csv';
      if (field !== 'file') {
        failure ??= problems.validation([{ name: field, reason: 'send the CSV in the field "file"' }]);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= tooLarge(name, maxBytes);
      });
      stream.on('end', () => {
        if (!stream.truncated) file = { name, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('error', () => {
      finish(failure ?? problems.validation([{ name: 'file', reason: 'the multipart body cannot be read' }]));
    });
    parser.on('close', () => {
      if (failure) return finish(failure);
      if (!file)
        return finish(
          problems.validation([{ name: 'file', reason: 'attach a CSV file in the field "file"' }]),
        );
      (req as WithFile)[FILE] = file;
      finish();
    });
    req.pipe(parser);
  };

export function uploadedFile(req: Request): UploadedFile {
  const file = (req as WithFile)[FILE];
  if (!file) throw new Error('csvUpload must run before the handler');
  return file;
}

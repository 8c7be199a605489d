import type { Request, RequestHandler } from 'express';
import { MAX_IMPORT_BYTES, PROBLEM_TYPES } from '@showroom/contracts';
import { forEachMultipartFile, HttpProblem, problems } from '@showroom/server-kit';
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
 * Reads the one CSV of a multipart/form-data body (field `file`) with the shared multipart reader,
 * refusing before it is all read when it is too large. The handler takes it with {@link uploadedFile}.
 */
export const csvUpload =
  (maxBytes: number = MAX_IMPORT_BYTES): RequestHandler =>
  (req, _res, next) => {
    let file: UploadedFile | undefined;
    const options = {
      field: 'file',
      noun: 'the CSV',
      maxFileBytes: maxBytes,
      maxFiles: 1,
      maxFields: 5,
      defaultName: () => 'upload.csv',
    };
    forEachMultipartFile(req, options, async (part) => {
      if ('refused' in part) throw tooLarge(part.name, maxBytes);
      file = { name: part.name, bytes: part.bytes };
    })
      .then(({ refusedParts }) => {
        if (refusedParts.length > 0) throw problems.validation(refusedParts);
        if (!file)
          throw problems.validation([{ name: 'file', reason: 'attach a CSV file in the field "file"' }]);
        (req as WithFile)[FILE] = file;
        next();
      })
      .catch(next);
  };

export function uploadedFile(req: Request): UploadedFile {
  const file = (req as WithFile)[FILE];
  if (!file) throw new Error('csvUpload must run before the handler');
  return file;
}

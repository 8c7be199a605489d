import type { Request } from 'express';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_VEHICLE,
  PHOTO_UPLOAD_FIELD,
  type InvalidParam,
} from '@showroom/contracts';
import { forEachMultipartFile, type MultipartFile } from '@showroom/server-kit';

/** One file of a multipart upload, read whole, or why it was not. */
export type UploadedFile = MultipartFile;

/**
 * Streams the photo files of a multipart/form-data upload (field `photos`) one at a time to
 * `handle`, in the order they were sent, holding at most one file's bytes (the shared multipart
 * reader). A file over 25 MiB is handed over refused, without its bytes. Answers the parts that were
 * not photo files (other fields), for the caller to name.
 */
export function forEachUploadedFile(
  req: Request,
  handle: (file: UploadedFile) => Promise<void>,
): Promise<{ refusedParts: InvalidParam[]; files: number }> {
  return forEachMultipartFile(
    req,
    {
      field: PHOTO_UPLOAD_FIELD,
      noun: 'photos',
      maxFileBytes: MAX_PHOTO_BYTES,
      maxFiles: MAX_PHOTOS_PER_VEHICLE,
      defaultName: (index) => `photo ${index + 1}`,
    },
    handle,
  );
}

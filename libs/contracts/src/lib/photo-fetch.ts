import { z } from 'zod';
import {
  MAX_PHOTO_FETCH_URLS,
  MAX_PHOTO_URL_LENGTH,
  PHOTO_FETCH_ITEM_STATUSES,
  photoUrlProblem,
} from './photo-options';

export const PhotoUrlSchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(MAX_PHOTO_URL_LENGTH, `is longer than ${MAX_PHOTO_URL_LENGTH} characters`)
  .superRefine((raw, ctx) => {
    // Empty and overlong entries already have their reason.
    if (raw.length === 0 || raw.length > MAX_PHOTO_URL_LENGTH) return;
    const problem = photoUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const PhotoFetchRequestSchema = z.strictObject({
  urls: z
    .array(PhotoUrlSchema)
    .min(1, 'give at least one image link')
    .max(MAX_PHOTO_FETCH_URLS, `give at most ${MAX_PHOTO_FETCH_URLS} image links`),
});
export type PhotoFetchRequest = z.input<typeof PhotoFetchRequestSchema>;

export const PhotoFetchItemStatusSchema = z.enum(PHOTO_FETCH_ITEM_STATUSES);

export const PhotoFetchItemSchema = z.object({
  position: z.int(),
  url: z.string(),
  status: PhotoFetchItemStatusSchema,
  /** Why a link failed, was refused or counted as a duplicate, in words a dealer can act on. */
  reason: z.string().nullable(),
  /** The photo it became (or the one it duplicates). */
  photoId: z.string().nullable(),
  attempts: z.int(),
});
export type PhotoFetchItem = z.infer<typeof PhotoFetchItemSchema>;

export const PhotoFetchCountsSchema = z.object({
  total: z.int(),
  queued: z.int(),
  fetching: z.int(),
  added: z.int(),
  duplicate: z.int(),
  failed: z.int(),
  refused: z.int(),
});
export type PhotoFetchCounts = z.infer<typeof PhotoFetchCountsSchema>;

export const PhotoFetchJobSchema = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  /** Pasted by a dealer, or listed in a feed import. */
  origin: z.enum(['dealer', 'feed']),
  /** `running` while any link is queued or being fetched. */
  status: z.enum(['running', 'done']),
  counts: PhotoFetchCountsSchema,
  items: z.array(PhotoFetchItemSchema),
  createdAt: z.iso.datetime(),
  /** When the last link finished; null while running. */
  finishedAt: z.iso.datetime().nullable(),
});
export type PhotoFetchJob = z.infer<typeof PhotoFetchJobSchema>;

export const PhotoFetchJobListSchema = z.object({ jobs: z.array(PhotoFetchJobSchema) });
export type PhotoFetchJobList = z.infer<typeof PhotoFetchJobListSchema>;

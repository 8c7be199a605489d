import { z } from 'zod';
import { MAX_PHOTOS_PER_VEHICLE, PHOTO_SOURCES } from './photo-options';
import { InvalidParamSchema } from './problem';

export const PhotoSourceSchema = z.enum(PHOTO_SOURCES);
export type PhotoSource = z.infer<typeof PhotoSourceSchema>;

const formats = z.object({ webp: z.url(), jpeg: z.url() });
/** The public URLs of a photo's variants (content-hashed: cache them forever). */
export const PhotoVariantUrlsSchema = z.object({ thumbnail: formats, card: formats, full: formats });
export type PhotoVariantUrls = z.infer<typeof PhotoVariantUrlsSchema>;

export const VehiclePhotoSchema = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  /** 0-based place in the gallery. */
  position: z.int(),
  hero: z.boolean(),
  /** Of the full variant. */
  width: z.int(),
  height: z.int(),
  /** Of the original file. */
  bytes: z.int(),
  /** sha256 of the original bytes (hex): the same file is kept once per vehicle. */
  contentHash: z.string(),
  source: PhotoSourceSchema,
  originalName: z.string().nullable(),
  urls: PhotoVariantUrlsSchema,
  createdAt: z.iso.datetime(),
});
export type VehiclePhoto = z.infer<typeof VehiclePhotoSchema>;

/** A vehicle's photos in gallery order; the hero is the one with `hero: true`. */
export const VehiclePhotoListSchema = z.object({ items: z.array(VehiclePhotoSchema) });
export type VehiclePhotoList = z.infer<typeof VehiclePhotoListSchema>;

/** One file of an upload: the photo kept, and whether the vehicle already had it. */
export const PhotoUploadResultSchema = z.object({
  name: z.string(),
  photo: VehiclePhotoSchema,
  duplicate: z.boolean(),
});
export const PhotoUploadResponseSchema = z.object({
  items: z.array(PhotoUploadResultSchema),
  /** Parts of the form that were not photo files (stray fields, files past the limit): skipped. */
  ignored: z.array(InvalidParamSchema).optional(),
});
export type PhotoUploadResponse = z.infer<typeof PhotoUploadResponseSchema>;

/** The new gallery order: every photo id of the vehicle, once each. */
export const PhotoOrderSchema = z.strictObject({
  photoIds: z
    .array(z.uuid('must be photo ids (UUID)'))
    .max(MAX_PHOTOS_PER_VEHICLE)
    .refine((ids) => new Set(ids).size === ids.length, 'names a photo twice'),
});
export type PhotoOrder = z.infer<typeof PhotoOrderSchema>;

export const PhotoHeroSchema = z.strictObject({ photoId: z.uuid('must be a photo id (UUID)') });
export type PhotoHero = z.infer<typeof PhotoHeroSchema>;

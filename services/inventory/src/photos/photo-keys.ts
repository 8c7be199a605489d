import type { PhotoVariant, PhotoVariantUrls } from '@showroom/contracts';
import { mediaUrl } from '@showroom/server-storage';

export type PhotoFormat = 'webp' | 'jpeg';
export const PHOTO_FORMATS: readonly PhotoFormat[] = ['webp', 'jpeg'];
export const CONTENT_TYPES: Record<PhotoFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
const EXTENSIONS: Record<PhotoFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** Variants never change under their name (the name carries the content hash): cache them for a year. */
export const PHOTO_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Where every object of a vehicle's photos lies. */
export const vehiclePhotoPrefix = (dealershipId: string, vehicleId: string): string =>
  `photos/${dealershipId}/${vehicleId}/`;

/**
 * `photos/<dealership>/<vehicle>/<first 16 hex of the sha256>_<photo id>`: what a photo's variant keys
 * start with. The photo id makes the objects one row's own: deleting them (a removed photo, a failed
 * upload) never touches another row's, even one of the same image uploaded meanwhile. (Rows written
 * before had `<hash16>` alone; `photoObjectsPrefix` of those matches no newer key.)
 */
export const photoKeyBase = (
  dealershipId: string,
  vehicleId: string,
  contentHash: string,
  photoId: string,
): string => `${vehiclePhotoPrefix(dealershipId, vehicleId)}${contentHash.slice(0, 16)}_${photoId}`;

/** What every object key of the photo with this key base, and no other photo's, starts with. */
export const photoObjectsPrefix = (keyBase: string): string => `${keyBase}-`;

export const variantKey = (keyBase: string, variant: PhotoVariant, format: PhotoFormat): string =>
  `${keyBase}-${variant}.${EXTENSIONS[format]}`;

/** A photo's key base → the public URLs of its variants. */
export type PhotoUrls = (keyBase: string) => PhotoVariantUrls;

/** PhotoUrls for media served at `mediaPublicUrl` (CloudFront, or the local edge's /media). */
export function photoUrlsAt(mediaPublicUrl: string): PhotoUrls {
  const urlOf = (keyBase: string, variant: PhotoVariant) => ({
    webp: mediaUrl(mediaPublicUrl, variantKey(keyBase, variant, 'webp')),
    jpeg: mediaUrl(mediaPublicUrl, variantKey(keyBase, variant, 'jpeg')),
  });
  return (keyBase) => ({
    thumbnail: urlOf(keyBase, 'thumbnail'),
    card: urlOf(keyBase, 'card'),
    full: urlOf(keyBase, 'full'),
  });
}

/**
 * Photo values free of zod (ADR 3): limits, sizes and statuses the portal shows or checks, so its
 * screens import them without the schemas of vehicle-photos.ts and photo-fetch.ts (the inventory
 * list shows thumbnails: a value from those files put all of zod in its first chunk).
 */

/** A vehicle holds at most this many photos. */
export const MAX_PHOTOS_PER_VEHICLE = 60;
/** The largest file accepted as a photo (25 MiB). */
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;
/** The multipart field that carries the files of an upload. */
export const PHOTO_UPLOAD_FIELD = 'photos';

/** Sizes every photo is kept in, each as WebP and JPEG; never wider than the original. */
export const PHOTO_VARIANTS = { thumbnail: 320, card: 800, full: 1920 } as const;
export type PhotoVariant = keyof typeof PHOTO_VARIANTS;

/** Where a photo came from: uploaded by a dealer, fetched by the robot, or named in a feed. */
export const PHOTO_SOURCES = ['upload', 'robot', 'feed'] as const;

/** How many links one request to the photo robot may carry: a vehicle holds at most 60 photos. */
export const MAX_PHOTO_FETCH_URLS = 60;
export const MAX_PHOTO_URL_LENGTH = 2048;

/** Why a pasted link cannot be fetched at all, or null when it is an http(s) link the robot may try. */
export function photoUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a link (it must start with http:// or https://)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `must be an http or https link, not ${url.protocol.replace(':', '')}`;
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  return null;
}

/**
 * One link's state: waiting, being fetched, or what came of it. `refused` links point somewhere the
 * robot must never go (a private address, a non-web scheme); `failed` ones could not be made a photo.
 */
export const PHOTO_FETCH_ITEM_STATUSES = [
  'queued',
  'fetching',
  'added',
  'duplicate',
  'failed',
  'refused',
] as const;
export type PhotoFetchItemStatus = (typeof PHOTO_FETCH_ITEM_STATUSES)[number];

/** Statuses a link does not leave again. */
export const FINISHED_PHOTO_FETCH_STATUSES: readonly PhotoFetchItemStatus[] = [
  'added',
  'duplicate',
  'failed',
  'refused',
];

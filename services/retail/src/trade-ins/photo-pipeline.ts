import sharp from 'sharp';
import { sniffImage } from '@showroom/server-storage';

/** Photos larger than this are refused unread. */
export const MAX_TRADE_PHOTO_BYTES = 10 * 1024 * 1024;
/** A trade has at most this many photos. */
export const MAX_TRADE_PHOTOS = 8;
/** Decompression bombs are refused before they are decoded. */
const MAX_INPUT_PIXELS = 50_000_000;
const MAX_WIDTH = 1600;

export interface NormalisedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Why a file is not a usable photo, in words that follow its name ("is a PDF document"). */
export class UnusablePhoto extends Error {}

/**
 * A shopper's photo as it is kept: turned upright, at most 1600 px wide, re-encoded as JPEG with no
 * metadata at all (sharp keeps none unless told), so no EXIF and no GPS position leaves the phone's
 * photo for our bucket — where the shopper lives is personal data.
 */
export async function normalisePhoto(bytes: Buffer): Promise<NormalisedPhoto> {
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw new UnusablePhoto('is not an image (JPEG, PNG, WebP, HEIF or TIFF)');
  if (!sniffed.image) throw new UnusablePhoto(`is ${sniffed.format}, not a photo`);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .autoOrient()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    throw new UnusablePhoto('could not be read as an image');
  }
}

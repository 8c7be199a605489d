import { createHash } from 'node:crypto';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { MAX_PHOTO_BYTES, PHOTO_VARIANTS, type PhotoVariant } from '@showroom/contracts';
import { sniffImage } from '@showroom/server-storage';
import { PHOTO_FORMATS, type PhotoFormat } from './photo-keys';

/** More pixels than any camera photo a dealer takes; beyond it a small file may decode to gigabytes. */
export const MAX_PHOTO_PIXELS = 50_000_000;

/** Why a file is not a usable photo, worded to follow its name ("car.jpg is not an image …"). */
export class PhotoRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PhotoRejected';
  }
}

export interface PhotoVariantImage {
  variant: PhotoVariant;
  format: PhotoFormat;
  body: Buffer;
  width: number;
  height: number;
}

export interface PreparedPhoto {
  /** sha256 of the original bytes, hex. */
  contentHash: string;
  bytes: number;
  /** Of the full variant (the original, oriented, at most 1920 on its longer side). */
  width: number;
  height: number;
  variants: PhotoVariantImage[];
}

const ACCEPTED = 'JPEG, PNG, WebP, AVIF or TIFF';
/** The size limit as refusals and the API description say it ("25 MB"). */
export const PHOTO_SIZE_LIMIT = `${MAX_PHOTO_BYTES / (1024 * 1024)} MB`;

/**
 * Checks a file and makes its variants: the type is decided from the bytes (never the name or the
 * declared type), size, pixel count and completeness are checked before any full decode, the
 * orientation is applied and every piece of metadata (EXIF with GPS, XMP, ICC) is dropped.
 */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw new PhotoRejected('is empty');
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new PhotoRejected(`is larger than ${PHOTO_SIZE_LIMIT}`);
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw new PhotoRejected(`is not an image (send a ${ACCEPTED} photo)`);
  if (!sniffed.image) throw new PhotoRejected(`is ${sniffed.format}, not a photo we take (${ACCEPTED})`);

  // Dimensions only: the header is read, nothing is decoded yet.
  const header = await sharp(bytes, { limitInputPixels: false, failOn: 'none' })
    .metadata()
    .catch(() => {
      throw new PhotoRejected(`is not a readable image (send a ${ACCEPTED} photo)`);
    });
  if (header.format !== sniffed.format) {
    throw new PhotoRejected(`is not a readable ${sniffed.format.toUpperCase()} image`);
  }
  const pixels = header.width * header.height;
  if (pixels > MAX_PHOTO_PIXELS) {
    throw new PhotoRejected(
      `is ${header.width}×${header.height} pixels (${Math.round(pixels / 1e6)} MP); photos may have at most ${MAX_PHOTO_PIXELS / 1e6} MP`,
    );
  }

  const fullSide = PHOTO_VARIANTS.full;
  let base: { data: Buffer; info: OutputInfo };
  try {
    // One decode, shrunk on load to the full variant; the smaller ones are made from it.
    base = await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'truncated' })
      .autoOrient()
      .resize({ width: fullSide, height: fullSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = (error as Error).message;
    if (/truncated|premature end|unexpected end|incomplete/i.test(message)) {
      throw new PhotoRejected('is cut short (the file is incomplete); upload it again');
    }
    if (header.format === 'heif' && header.compression === 'hevc') {
      throw new PhotoRejected('is a HEIC photo, which cannot be read here; export it as JPEG');
    }
    throw new PhotoRejected(
      `could not be read as a ${sniffed.format.toUpperCase()} image (it may be damaged)`,
    );
  }
  const { width, height, channels } = base.info;
  const raw = () => sharp(base.data, { raw: { width, height, channels } });

  const variants = await Promise.all(
    (Object.entries(PHOTO_VARIANTS) as [PhotoVariant, number][]).flatMap(([variant, side]) =>
      PHOTO_FORMATS.map(async (format) => {
        const resized = raw().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
        const { data, info } = await encode(resized, format).toBuffer({ resolveWithObject: true });
        return { variant, format, body: data, width: info.width, height: info.height };
      }),
    ),
  );
  return {
    contentHash: contentHashOf(bytes),
    bytes: bytes.length,
    width,
    height,
    variants,
  };
}

/** sha256 of a file's bytes, hex: the same file is kept once per vehicle. */
export const contentHashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const encode = (image: Sharp, format: PhotoFormat): Sharp =>
  format === 'webp' ? image.webp({ quality: 80, effort: 2 }) : image.jpeg({ quality: 82, progressive: true });

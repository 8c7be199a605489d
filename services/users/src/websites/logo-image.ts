import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { sniffImage, type ImageFormat } from '@showroom/server-storage';

/** The largest logo file taken. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** A logo wider or taller than this is not a logo (and may decode to far more memory than it weighs). */
export const MAX_LOGO_SIDE = 4000;
/** The stored logo fits inside this box: the site's header shows it at most 300×100 CSS pixels, at 2×. */
export const LOGO_BOX = { width: 600, height: 200 } as const;

const ACCEPTED = 'a PNG, JPEG or WebP image';
const LOGO_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp'];

/** Why a file is not a usable logo, worded to follow its name ("logo.png is a PDF document, …"). */
export class LogoRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'LogoRejected';
  }
}

export interface NormalisedLogo {
  png: Buffer;
  /** sha256 of the PNG, hex: names its objects. */
  hash: string;
  width: number;
  height: number;
}

/**
 * Checks a logo file and makes the one stored copy: the type comes from the bytes (never the name),
 * the size and the dimensions are checked before decoding, the orientation is applied, it is shrunk
 * to fit inside 600×200 (never enlarged), transparency is kept and every piece of metadata dropped.
 */
export async function normaliseLogo(bytes: Buffer): Promise<NormalisedLogo> {
  if (bytes.length === 0) throw new LogoRejected('is empty');
  if (bytes.length > MAX_LOGO_BYTES)
    throw new LogoRejected(`is larger than ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
  const sniffed = sniffImage(bytes);
  if (!sniffed) throw new LogoRejected(`is not an image (send ${ACCEPTED})`);
  if (!sniffed.image) throw new LogoRejected(`is ${sniffed.format}, not an image we take (${ACCEPTED})`);
  if (!LOGO_FORMATS.includes(sniffed.format)) {
    throw new LogoRejected(`is a ${sniffed.format.toUpperCase()} image; send ${ACCEPTED}`);
  }

  const header = await sharp(bytes, { limitInputPixels: false, failOn: 'none' })
    .metadata()
    .catch(() => {
      throw new LogoRejected(`is not a readable image (send ${ACCEPTED})`);
    });
  if (header.format !== sniffed.format) {
    throw new LogoRejected(`is not a readable ${sniffed.format.toUpperCase()} image`);
  }
  if (header.width > MAX_LOGO_SIDE || header.height > MAX_LOGO_SIDE) {
    throw new LogoRejected(
      `is ${header.width}×${header.height} pixels; a logo may be at most ${MAX_LOGO_SIDE} pixels on a side`,
    );
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated' })
      .autoOrient()
      .resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer({ resolveWithObject: true });
    return {
      png: data,
      hash: createHash('sha256').update(data).digest('hex'),
      width: info.width,
      height: info.height,
    };
  } catch {
    throw new LogoRejected(
      `could not be read as a ${sniffed.format.toUpperCase()} image (it may be damaged)`,
    );
  }
}

/** Raster formats sharp reads, by the names its `metadata().format` gives. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heif';

export type SniffedFile =
  /** An image sharp can read (whether a caller takes it is the caller's to say). */
  | { image: true; format: ImageFormat }
  /** A file people often send instead of an image, named for a refusal: "a PDF document". */
  | { image: false; format: string };

/**
 * What a file's first bytes say it is, whatever it is called or declared as: the raster formats,
 * and the usual wrong ones (to say so). Null for anything else.
 */
export function sniffImage(bytes: Buffer): SniffedFile | null {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { image: true, format: 'jpeg' };
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return { image: true, format: 'png' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { image: true, format: 'webp' };
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return { image: true, format: 'tiff' };
  if (ascii(4, 8) === 'ftyp') return { image: true, format: 'heif' };
  if (ascii(0, 4) === 'GIF8') return { image: false, format: 'a GIF' };
  if (ascii(0, 5) === '%PDF-') return { image: false, format: 'a PDF document' };
  if (ascii(0, 2) === 'BM') return { image: false, format: 'a BMP bitmap' };
  const head = ascii(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return { image: false, format: 'an SVG drawing' };
  }
  return null;
}

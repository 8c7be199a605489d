import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoRejected, preparePhoto } from './image-pipeline';
import { photoJpeg } from './photo-fixtures';

const reasonOf = async (bytes: Buffer) => {
  const error = await preparePhoto(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoRejected);
  return (error as PhotoRejected).reason;
};

describe('the photo pipeline on its own', () => {
  it.each([
    ['PNG', (image: Sharp) => image.png()],
    ['WebP', (image: Sharp) => image.webp()],
    ['AVIF', (image: Sharp) => image.avif()],
    ['TIFF', (image: Sharp) => image.tiff()],
  ])('takes %s and makes six variants, WebP and JPEG', async (_name, encode) => {
    const bytes = await encode(sharp(await photoJpeg(96, 64, 3))).toBuffer();
    const prepared = await preparePhoto(bytes);
    expect([prepared.width, prepared.height]).toEqual([96, 64]);
    expect(prepared.variants.map((v) => `${v.variant}.${v.format}`).sort()).toEqual([
      'card.jpeg',
      'card.webp',
      'full.jpeg',
      'full.webp',
      'thumbnail.jpeg',
      'thumbnail.webp',
    ]);
    for (const variant of prepared.variants) {
      expect((await sharp(variant.body).metadata()).format).toBe(variant.format);
    }
  });

  it('puts a transparent PNG on white, and keeps a tall photo inside the box', async () => {
    const clear = await sharp({
      create: { width: 400, height: 900, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const prepared = await preparePhoto(clear);
    const thumbnail = prepared.variants.find((v) => v.variant === 'thumbnail' && v.format === 'jpeg');
    expect([thumbnail?.width, thumbnail?.height]).toEqual([142, 320]);
    const { data } = await sharp(thumbnail?.body).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 255, 255]);
  });

  it('drops an embedded colour profile and XMP with the rest of the metadata', async () => {
    const tagged = await sharp(await photoJpeg(64, 48, 4))
      .withIccProfile('p3')
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')
      .jpeg()
      .toBuffer();
    const before = await sharp(tagged).metadata();
    expect(before.icc).toBeDefined();
    expect(before.xmp).toBeDefined();
    for (const variant of (await preparePhoto(tagged)).variants) {
      const after = await sharp(variant.body).metadata();
      expect([after.icc, after.xmp, after.exif]).toEqual([undefined, undefined, undefined]);
    }
  });

  it('says what a file is when it is not a photo, and when it is empty', async () => {
    expect(await reasonOf(Buffer.alloc(0))).toBe('is empty');
    expect(await reasonOf(Buffer.from('BM\x00\x00\x00\x00'))).toMatch(
      /^is a BMP bitmap, not a photo we take/,
    );
    // Claims to be a PNG by its signature, but nothing follows.
    expect(await reasonOf(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toMatch(/^is not a readable image/);
  });
});

import sharp from 'sharp';
import type { ObjectStore } from '@showroom/server-storage';
import { siteConfigKeys } from '@showroom/contracts';
import type { LogoUpload } from '../websites/published-site';
import { siteAssetKeys } from '../websites/logo-keys';
import { OwnerFacingError } from './owner-errors';

/** Content-hashed names: a new logo gets new keys, so an object, once written, never changes. */
const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const FAVICON_PX = 32;
const APPLE_TOUCH_PX = 180;

/** The public variants of a logo, by key. */
async function variantsOf(dealershipId: string, logo: LogoUpload, png: Buffer): Promise<Map<string, Buffer>> {
  const keys = siteAssetKeys(dealershipId, logo.hash);
  const [webp, favicon, appleTouch] = await Promise.all([
    sharp(png).webp({ quality: 90 }).toBuffer(),
    sharp(png)
      .resize(FAVICON_PX, FAVICON_PX, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer(),
    // iOS puts a transparent touch icon on black: white behind the logo.
    sharp(png)
      .resize(APPLE_TOUCH_PX, APPLE_TOUCH_PX, { fit: 'contain', background: '#ffffff' })
      .flatten({ background: '#ffffff' })
      .png()
      .toBuffer(),
  ]);
  return new Map([
    [keys.png, png],
    [keys.webp, webp],
    [keys.favicon, favicon],
    [keys.appleTouch, appleTouch],
  ]);
}

const wantedKeys = (dealershipId: string, logo: LogoUpload | null): string[] =>
  logo ? Object.values(siteAssetKeys(dealershipId, logo.hash)) : [];

/**
 * Makes the site's public files from the dealer's normalised logo upload (private): the logo as PNG
 * and WebP, a 32 px favicon and a 180 px touch icon, under the dealership's assets prefix. Runs
 * before publish-config, so a published configuration never names a file that is not there yet.
 * Files already there are kept (their names are their content).
 */
export async function uploadAssets(
  objects: ObjectStore,
  dealershipId: string,
  logo: LogoUpload | null,
): Promise<string> {
  if (!logo) return 'no logo: nothing to upload';
  const present = new Set(await objects.list(siteConfigKeys.assetsPrefix(dealershipId)));
  const wanted = wantedKeys(dealershipId, logo);
  if (wanted.every((key) => present.has(key))) return 'logo, favicon and touch icon already uploaded';
  const upload = await objects.get(logo.key);
  if (!upload) throw new OwnerFacingError('the uploaded logo is no longer stored; upload it again');
  const variants = await variantsOf(dealershipId, logo, upload.body);
  for (const [key, body] of variants) {
    if (present.has(key)) continue;
    await objects.put(key, body, {
      contentType: key.endsWith('.webp') ? 'image/webp' : 'image/png',
      cacheControl: ASSET_CACHE_CONTROL,
    });
  }
  return 'logo (PNG, WebP), favicon and touch icon uploaded';
}

/**
 * Removes the files of a logo the site no longer has. Only once the CDN was told to forget the
 * old pages (invalidate-cdn): pages cached until then still name the old files.
 */
export async function removeReplacedAssets(
  objects: ObjectStore,
  dealershipId: string,
  logo: LogoUpload | null,
): Promise<string | null> {
  const wanted = wantedKeys(dealershipId, logo);
  const stale = (await objects.list(siteConfigKeys.assetsPrefix(dealershipId))).filter(
    (key) => !wanted.includes(key),
  );
  if (stale.length === 0) return null;
  await objects.delete(stale);
  return 'the previous logo files removed';
}

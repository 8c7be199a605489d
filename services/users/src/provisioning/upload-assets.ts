import sharp from 'sharp';
import type { ObjectStore } from '@showroom/server-storage';
import { logoAssetKeys } from '../websites/logo-keys';
import type { LogoUpload } from '../websites/published-site';
import { iconAssetKeys } from './published';

/** Content-hashed names: a new logo gets new keys, so an object, once written, never changes. */
const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const FAVICON_PX = 32;
const APPLE_TOUCH_PX = 180;

/** The public variants of a logo, by key. */
async function variantsOf(dealershipId: string, logo: LogoUpload, png: Buffer): Promise<Map<string, Buffer>> {
  const keys = { ...logoAssetKeys(dealershipId, logo.hash), ...iconAssetKeys(dealershipId, logo.hash) };
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

/**
 * Makes the site's public files from the dealer's normalised logo upload (private): the logo as PNG
 * and WebP, a 32 px favicon and a 180 px touch icon, under the dealership's assets prefix. Files
 * already there are kept (their names are their content); those of a previous logo go once the
 * published configuration no longer names them (publish-config runs first).
 */
export async function uploadAssets(
  objects: ObjectStore,
  dealershipId: string,
  logo: LogoUpload | null,
  assetsPrefix: string,
): Promise<string> {
  const present = new Set(await objects.list(assetsPrefix));
  const wanted = logo
    ? [
        ...Object.values(logoAssetKeys(dealershipId, logo.hash)),
        ...Object.values(iconAssetKeys(dealershipId, logo.hash)),
      ]
    : [];
  const stale = [...present].filter((key) => !wanted.includes(key));
  if (stale.length > 0) await objects.delete(stale);
  const removed = stale.length > 0 ? '; the previous logo files removed' : '';
  if (!logo) return `no logo: nothing to upload${removed}`;
  if (wanted.every((key) => present.has(key)))
    return `logo, favicon and touch icon already uploaded${removed}`;
  const upload = await objects.get(logo.key);
  if (!upload) throw new Error('the uploaded logo is no longer stored; upload it again');
  const variants = await variantsOf(dealershipId, logo, upload.body);
  for (const [key, body] of variants) {
    if (present.has(key)) continue;
    await objects.put(key, body, {
      contentType: key.endsWith('.webp') ? 'image/webp' : 'image/png',
      cacheControl: ASSET_CACHE_CONTROL,
    });
  }
  return `logo (PNG, WebP), favicon and touch icon uploaded${removed}`;
}

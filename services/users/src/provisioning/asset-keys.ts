import { siteConfigKeys } from '@showroom/contracts';
import { logoAssetKeys } from '../websites/logo-keys';

/** A logo's files are named by the first 16 hex of its sha256, as logo-keys.ts names the logo's own. */
const hash16 = (hash: string) => hash.slice(0, 16);

/** The favicon and touch icon made from a logo: content-hashed names beside its public variants. */
export function faviconKeys(dealershipId: string, hash: string): { favicon: string; appleTouch: string } {
  const prefix = siteConfigKeys.assetsPrefix(dealershipId);
  return {
    favicon: `${prefix}favicon-32-${hash16(hash)}.png`,
    appleTouch: `${prefix}apple-touch-${hash16(hash)}.png`,
  };
}

/** Every public file of a logo: PNG, WebP, favicon, touch icon. */
export function siteAssetKeys(
  dealershipId: string,
  hash: string,
): { png: string; webp: string; favicon: string; appleTouch: string } {
  return { ...logoAssetKeys(dealershipId, hash), ...faviconKeys(dealershipId, hash) };
}

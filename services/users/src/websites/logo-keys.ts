import { siteConfigKeys } from '@showroom/contracts';

/** The first 16 hex of a logo's sha256 name its objects: a new logo gets new keys, so caches never serve an old one. */
const hash16 = (hash: string) => hash.slice(0, 16);

/** The dealer's normalised upload (private): provisioning makes the public variants from it. */
export const logoUploadKey = (dealershipId: string, hash: string): string =>
  `sites/uploads/${dealershipId.toLowerCase()}/logo-${hash16(hash)}.png`;

/** The public logo variants provisioning uploads (served at MEDIA_PUBLIC_URL, immutable). */
export const logoAssetKeys = (dealershipId: string, hash: string): { png: string; webp: string } => {
  const base = `${siteConfigKeys.assetsPrefix(dealershipId)}logo-${hash16(hash)}`;
  return { png: `${base}.png`, webp: `${base}.webp` };
};

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

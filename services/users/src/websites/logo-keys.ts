/** The first 16 hex of a logo's sha256 name its objects: a new logo gets new keys, so caches never serve an old one. */
const hash16 = (hash: string) => hash.slice(0, 16);

/** The dealer's normalised upload (private): provisioning makes the public variants from it. */
export const logoUploadKey = (dealershipId: string, hash: string): string =>
  `sites/uploads/${dealershipId.toLowerCase()}/logo-${hash16(hash)}.png`;

/** The public logo variants provisioning uploads (served at MEDIA_PUBLIC_URL, immutable). */
export const logoAssetKeys = (dealershipId: string, hash: string): { png: string; webp: string } => {
  const base = `sites/assets/${dealershipId.toLowerCase()}/logo-${hash16(hash)}`;
  return { png: `${base}.png`, webp: `${base}.webp` };
};

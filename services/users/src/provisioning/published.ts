import type { PublishedSite } from '@showroom/contracts';
import { mediaUrl } from '@showroom/server-storage';
import { logoAssetKeys } from '../websites/logo-keys';
import type { SiteToPublish } from '../websites/published-site';

/** The site as the storefront reads it: the public logo URLs in place of the private upload. */
export function publishedSiteOf(site: SiteToPublish, mediaPublicUrl: string, now: Date): PublishedSite {
  const { logoUpload, ...facts } = site;
  const keys = logoUpload ? logoAssetKeys(site.dealershipId, logoUpload.hash) : null;
  return {
    ...facts,
    logo:
      logoUpload && keys
        ? {
            url: mediaUrl(mediaPublicUrl, keys.png),
            webpUrl: mediaUrl(mediaPublicUrl, keys.webp),
            width: logoUpload.width,
            height: logoUpload.height,
          }
        : null,
    publishedAt: now.toISOString(),
  };
}

/** Two publications of a site say the same, whenever each was made. */
export function samePublication(a: PublishedSite, b: PublishedSite): boolean {
  return JSON.stringify({ ...a, publishedAt: null }) === JSON.stringify({ ...b, publishedAt: null });
}

import { PublishedSiteSchema, siteConfigKeys, type PublishedSite } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import { samePublication } from './published';

/** The storefront re-reads a site within seconds; browsers and the CDN never keep it. */
const CONFIG_CACHE_CONTROL = 'no-cache';

async function readPublished(objects: ObjectStore, key: string): Promise<PublishedSite | null> {
  const stored = await objects.get(key);
  if (!stored) return null;
  const parsed = PublishedSiteSchema.safeParse(JSON.parse(stored.body.toString('utf8')));
  return parsed.success ? parsed.data : null;
}

/**
 * Publishes the site's configuration where the storefront reads it: one object per host it answers
 * on and one per dealership. An object that already says the same is left as it is (so a re-run
 * writes nothing); hosts the site no longer has lose their object, unless another dealership took
 * the host since. The dealership's object goes last: it names the hosts published, for the next run.
 * A newer version already published is never overwritten (a run that outlived its lease), and
 * `beforeWrite` (the claim's check) is called before the first write.
 */
export async function publishConfig(
  objects: ObjectStore,
  draft: PublishedSite,
  beforeWrite: () => Promise<void>,
): Promise<string> {
  // Checked before anything is written (a site the storefront would refuse is never published),
  // and in the schema's key order, as the stored copies read back.
  const site = PublishedSiteSchema.parse(draft);
  const dealershipKey = siteConfigKeys.forDealership(site.dealershipId);
  const previous = await readPublished(objects, dealershipKey);
  if (previous && previous.version > site.version) {
    return `version ${previous.version} is already published; version ${site.version} left unpublished`;
  }
  const body = `${JSON.stringify(site)}\n`;
  let allowed: Promise<void> | undefined;
  const mayWrite = () => (allowed ??= beforeWrite());
  const put = async (key: string) => {
    await mayWrite();
    await objects.put(key, body, { contentType: 'application/json', cacheControl: CONFIG_CACHE_CONTROL });
  };

  const written: string[] = [];
  for (const host of site.hosts) {
    const key = siteConfigKeys.forHost(host);
    const current = await readPublished(objects, key);
    if (current && samePublication(current, site)) continue;
    if (current?.dealershipId === site.dealershipId && current.version > site.version) continue;
    await put(key);
    written.push(host);
  }
  const removed: string[] = [];
  for (const host of previous?.hosts ?? []) {
    if (site.hosts.includes(host)) continue;
    const key = siteConfigKeys.forHost(host);
    const current = await readPublished(objects, key);
    if (current && current.dealershipId !== site.dealershipId) continue;
    if (current) {
      await mayWrite();
      await objects.delete([key]);
    }
    removed.push(host);
  }
  if (!previous || !samePublication(previous, site)) await put(dealershipKey);

  const parts = [
    written.length > 0
      ? `published for ${written.join(', ')}`
      : `already published for ${site.hosts.join(', ')}`,
    ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : []),
  ];
  return parts.join('; ');
}

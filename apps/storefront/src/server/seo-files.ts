import type { PublicVehicleHit, PublishedSite } from '@showroom/contracts';
import { vehiclePath } from '../app/data/vehicle-paths';

/** A sitemap holds at most 50,000 URLs; the home and results pages take two. */
export const MAX_SITEMAP_VEHICLES = 49_998;

const originOf = (site: PublishedSite) => site.canonicalOrigin.replace(/\/+$/, '');

/** robots.txt: everything may be crawled; the sitemap is on the canonical origin. */
export function robotsTxt(site: PublishedSite): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${originOf(site)}/sitemap.xml\n`;
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const xmlText = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);

/** The home page and the results page (changed with the site), and every car's page with its last change. */
export function sitemapXml(site: PublishedSite, vehicles: PublicVehicleHit[]): string {
  const origin = originOf(site);
  const url = (loc: string, lastmod?: string) =>
    `  <url><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${xmlText(lastmod)}</lastmod>` : ''}</url>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${origin}/`, site.publishedAt),
    url(`${origin}/cars`, site.publishedAt),
    ...vehicles.map((vehicle) => url(`${origin}${vehiclePath(vehicle)}`, vehicle.updatedAt)),
    '</urlset>',
    '',
  ];
  return lines.join('\n');
}

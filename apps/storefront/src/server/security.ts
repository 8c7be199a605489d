import { createHash } from 'node:crypto';
import type { PublishedSite } from '@showroom/contracts';
import helmet from 'helmet';

/** Every header of helmet's but the CSP, which depends on the page (see `contentSecurityPolicy`). */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: false,
    // Photos and logos come from the media CDN, which does not send CORP headers.
    crossOriginEmbedderPolicy: false,
    // The leads API is told which site posted through Origin; a referrer to other sites is the origin only.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};
const decodeAttribute = (value: string) =>
  value.replace(/&(quot|#39|apos|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);

/** Script types a browser runs; data blocks (ng-state JSON, JSON-LD) are not scripts to CSP. */
const EXECUTABLE_TYPE = /^(|text\/javascript|application\/javascript|module)$/i;

/**
 * The CSP hashes of what a rendered page runs inline: `<script>` bodies (hydration's event replay)
 * and event-handler attributes (the critical-CSS loader's `onload`). Hashing the page itself keeps
 * the policy free of 'unsafe-inline' and of per-request nonces, so a cached page keeps its policy.
 */
export function inlineScriptHashes(html: string): { scripts: string[]; handlers: string[] } {
  const scripts = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (EXECUTABLE_TYPE.test(type) && match[2]) scripts.add(sha256(match[2]));
  }
  const handlers = new Set<string>();
  for (const tag of html.matchAll(/<[a-z][^<>]*>/gi)) {
    for (const handler of tag[0].matchAll(/\son[a-z]+\s*=\s*"([^"]*)"/gi)) {
      handlers.add(sha256(decodeAttribute(handler[1] ?? '')));
    }
  }
  return { scripts: [...scripts], handlers: [...handlers] };
}

export interface CspSources {
  /** The browser-facing API origin (searches after load, the lead and deal forms, trade-in photos). */
  apiOrigin: string;
  /** Where photos and logos are (MEDIA_PUBLIC_URL's origin). */
  mediaOrigin: string;
}

/** The Content-Security-Policy of a page of `site`, allowing exactly its inline scripts. */
export function contentSecurityPolicy(
  site: PublishedSite,
  sources: CspSources,
  inline: { scripts: string[]; handlers: string[] } = { scripts: [], handlers: [] },
): string {
  // The API origin serves the shopper's own trade-in photos (signed paths on the deal page).
  const images = new Set(["'self'", 'data:', sources.mediaOrigin, sources.apiOrigin]);
  if (site.logo) images.add(new URL(site.logo.url).origin);
  const scriptSources = [
    "'self'",
    ...inline.scripts,
    ...(inline.handlers.length ? ["'unsafe-hashes'", ...inline.handlers] : []),
  ];
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    // Component styles and the brand colours are inline <style> and style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${[...images].join(' ')}`,
    "font-src 'self' data:",
    `connect-src 'self' ${sources.apiOrigin}`,
    `manifest-src 'self' ${sources.mediaOrigin}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ];
  if (site.canonicalOrigin.startsWith('https:')) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

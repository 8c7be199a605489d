const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The site host a request asks for: the Host header lower-cased, without port or trailing dot.
 * null when it is not a DNS name (an IP literal, garbage): no site can be published under it, so
 * nothing is looked up for it.
 */
export function siteHostOf(hostHeader: string | undefined): string | null {
  if (!hostHeader || hostHeader.startsWith('[')) return null;
  const host = (hostHeader.split(':', 1)[0] ?? '').trim().toLowerCase().replace(/\.$/, '');
  return HOST_NAME.test(host) ? host : null;
}

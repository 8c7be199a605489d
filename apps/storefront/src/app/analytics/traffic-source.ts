import { DIRECT_TRAFFIC_SOURCE, scrubSearchText } from '@showroom/contracts';

const MAX_SOURCE = 80;

/**
 * Where a visit came from, decided on its first page: the campaign's `utm_source`, else the
 * referring site's host (`www.` dropped, so google.com and www.google.com are one source), else
 * `direct`. A referrer on the site itself is no source: it is the same visit reloaded or reopened.
 */
export function trafficSourceOf(pageUrl: string, referrer: string): string {
  const page = new URL(pageUrl);
  const campaign = cleaned(page.searchParams.get('utm_source') ?? '');
  if (campaign) return campaign;
  const host = hostOf(referrer);
  if (host && host !== page.hostname.toLowerCase())
    return cleaned(host.replace(/^www\./, '')) || DIRECT_TRAFFIC_SOURCE;
  return DIRECT_TRAFFIC_SOURCE;
}

function hostOf(referrer: string): string | null {
  try {
    return referrer ? new URL(referrer).hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

const cleaned = (text: string) => scrubSearchText(text).toLowerCase().slice(0, MAX_SOURCE).trim();

import { portalOrigin } from './env';

/** One e-mail as the developer inbox shows it (`GET /dev/mail.json`, tools/dev/src/inbox-pages.ts). */
export interface DevMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  receivedAt: string;
}

/**
 * The e-mails the platform sent to `address`, newest first, from the developer inbox that local
 * platforms (`npm start`, `npm run e2e`) serve at `<portal>/dev/mail.json`. Null where there is no
 * such inbox: deployed environments send real mail, and their edge answers the path with the
 * portal's index.html (200, text/html), so only a JSON answer counts.
 */
export async function devInboxMailTo(address: string): Promise<DevMail[] | null> {
  const url = new URL('/dev/mail.json', portalOrigin());
  url.searchParams.set('to', address);
  const response = await fetch(url).catch(() => null);
  const json = response?.headers.get('content-type')?.includes('application/json') ?? false;
  if (!response || response.status !== 200 || !json) return null;
  return ((await response.json()) as { items: DevMail[] }).items;
}

/**
 * The transfer state's key of the site. Its own module (no Angular imports) because the server
 * writes it too, into the shell of a page the browser renders (server/pages.ts).
 */
export const SITE_STATE_KEY = 'sf-site';

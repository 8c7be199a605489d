/**
 * Debian's Chromium, headless, as STACK.md says it must run here: without the networking flags the
 * closed network refuses its own background calls. Every workspace script that drives it takes these.
 */
export const HEADLESS_CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

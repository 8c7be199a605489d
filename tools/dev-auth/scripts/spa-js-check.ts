/**
 * Drives the real @auth0/auth0-spa-js (what @auth0/auth0-angular wraps) against dev-auth in headless
 * Chromium: sign-in (with the demo owner's authenticator code), tokens with memberships, refresh-token renewal, reload, logout.
 * Not part of `test` (it needs /usr/bin/chromium): `nx run dev-auth:check-spa`.
 */
import { readFileSync } from 'node:fs';
import { DEMO_USERS } from '@showroom/demo-data';
import { answerDemoCodePage } from '@showroom/demo-data/mfa';
import { MEMBERSHIPS_CLAIM } from '@showroom/contracts';
import { chromium } from 'playwright-core';
import { API, PASSWORD, decodeJwt, refreshPortalToken, serve, startDevAuth } from '../src/testing/harness';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const spaJs = readFileSync(require.resolve('@auth0/auth0-spa-js/dist/auth0-spa-js.production.js'));

declare global {
  interface Window {
    auth0Client: {
      loginWithRedirect(): Promise<void>;
      isAuthenticated(): Promise<boolean>;
      getUser(): Promise<Record<string, unknown> | undefined>;
      getTokenSilently(options?: { cacheMode?: 'off' }): Promise<string>;
      revokeRefreshToken(): Promise<void>;
      logout(options: { logoutParams: { returnTo: string } }): Promise<void>;
    };
    ready?: boolean;
    initError?: string;
  }
}

function portalPage(domain: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>portal stand-in</title></head><body>
<script src="/spa.js"></script>
<script>
(async () => {
  const client = await auth0.createAuth0Client({
    domain: ${JSON.stringify(domain)}, clientId: 'showroom-portal',
    authorizationParams: { audience: ${JSON.stringify(API)}, redirect_uri: location.origin },
    useRefreshTokens: true, cacheLocation: 'localstorage',
  });
  window.auth0Client = client;
  if (location.search.includes('code=')) { await client.handleRedirectCallback(); history.replaceState({}, '', '/'); }
  window.ready = true;
})().catch((e) => { window.initError = String((e && (e.error_description || e.message)) || e); window.ready = true; });
</script></body></html>`;
}

function check(condition: unknown, what: string): void {
  if (!condition) throw new Error(`FAILED: ${what}`);
  console.log(`ok - ${what}`);
}

async function main(): Promise<void> {
  let domain = '';
  const portal = await serve((req, res) => {
    if (req.url?.startsWith('/spa.js'))
      return void res.setHeader('content-type', 'text/javascript').end(spaJs);
    res.setHeader('content-type', 'text/html').end(portalPage(domain));
  });
  const portalOrigin = portal.url.replace('127.0.0.1', 'localhost');
  const devAuth = await startDevAuth({ hostName: 'localhost', env: { PORTAL_URL: portalOrigin } });
  domain = devAuth.url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const ready = async () => {
      await page.waitForFunction(() => window.ready === true);
      const initError = await page.evaluate(() => window.initError);
      if (initError) throw new Error(`auth0-spa-js: ${initError}`);
    };
    await page.goto(portalOrigin);
    await ready();
    await page.evaluate(() => window.auth0Client.loginWithRedirect());
    await page.waitForURL(/\/u\/login\//);
    await page.fill('#username', DEMO_USERS.owner.email);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await answerDemoCodePage(page, DEMO_USERS.owner.email, {
      doneSelector: 'script[src="/spa.js"]',
      timeout: 15_000,
    });
    await page.waitForURL(`${portalOrigin}/**`);
    await ready();
    check(
      await page.evaluate(() => window.auth0Client.isAuthenticated()),
      'signed in through the login page',
    );
    const user = await page.evaluate(() => window.auth0Client.getUser());
    check(user?.['email'] === DEMO_USERS.owner.email, 'getUser() reads the ID token');
    const first = await page.evaluate(() => window.auth0Client.getTokenSilently());
    const renewed = await page.evaluate(() => window.auth0Client.getTokenSilently({ cacheMode: 'off' }));
    check(first !== renewed, 'getTokenSilently() renews with the refresh token');
    check(
      JSON.stringify(decodeJwt(renewed).payload[MEMBERSHIPS_CLAIM]) ===
        JSON.stringify(DEMO_USERS.owner.memberships),
      'the access token carries the memberships',
    );
    await page.reload();
    await ready();
    check(await page.evaluate(() => window.auth0Client.isAuthenticated()), 'still signed in after a reload');
    check(
      Number(decodeJwt(renewed).payload['exp']) - Number(decodeJwt(renewed).payload['iat']) === 15 * 60,
      'the access token lasts 15 minutes',
    );
    // What the portal's sign-out does first (shell.ts): the stored refresh token stops working.
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('@@auth0spajs@@'))
        .map((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { body?: { refresh_token?: string } })
        .map((entry) => entry.body?.refresh_token)
        .find(Boolean),
    );
    check(typeof stored === 'string', 'the refresh token is kept in localStorage');
    await page.evaluate(() => window.auth0Client.revokeRefreshToken());
    const afterRevoke = await refreshPortalToken(devAuth.url, stored);
    check(
      afterRevoke.body['error'] === 'invalid_grant',
      'revokeRefreshToken() retires the stored refresh token',
    );
    await page.evaluate(() => window.auth0Client.logout({ logoutParams: { returnTo: location.origin } }));
    await page.waitForURL(`${portalOrigin}/**`, { waitUntil: 'load' });
    await ready();
    check(
      !(await page.evaluate(() => window.auth0Client.isAuthenticated())),
      'logout returns to the portal signed out',
    );
    await page.evaluate(() => window.auth0Client.loginWithRedirect());
    await page.waitForURL(/\/u\/login\//);
    check(true, 'the next sign-in asks for the password again');
  } finally {
    await browser.close();
    await devAuth.close();
    await portal.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

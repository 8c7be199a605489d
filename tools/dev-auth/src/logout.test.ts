import { DEMO_USERS } from '@showroom/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, portalAuthorization, signIn } from './testing/browser';
import { API, PORTAL, startDevAuth, unescapeHtml, type RunningDevAuth } from './testing/harness';

describe('Signing out through Auth0’s /v2/logout', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());

  /** Runs the page dev-auth answers with, as the browser's auto-submit would. */
  async function completeLogout(browser: Browser, path: string) {
    const page = await browser.follow(path);
    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    const xsrf = unescapeHtml(/name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '');
    expect(html).toContain('name="logout" value="yes"');
    return browser.submitForm(html, { xsrf, logout: 'yes' });
  }

  it('ends the session and returns to the allowed returnTo', async () => {
    const browser = new Browser(devAuth.url);
    await signIn(browser, portalAuthorization(API), DEMO_USERS.owner.email);

    const query = new URLSearchParams({ returnTo: PORTAL, client_id: 'showroom-portal' });
    const { leftTo } = await completeLogout(browser, `/v2/logout?${query}`);
    expect(leftTo?.href).toBe(`${PORTAL}/`);

    const silent = portalAuthorization(API);
    silent.query.set('prompt', 'none');
    const after = await browser.follow(`/authorize?${silent.query}`);
    expect(after.leftTo?.searchParams.get('error')).toBe('login_required');
  });

  it('returns to the client’s first allowed logout URL when returnTo is left out, as Auth0 does', async () => {
    const browser = new Browser(devAuth.url);
    await signIn(browser, portalAuthorization(API), DEMO_USERS.viewer.email);
    const { leftTo } = await completeLogout(browser, '/v2/logout?client_id=showroom-portal');
    expect(leftTo?.origin).toBe(PORTAL);
  });

  it('refuses a returnTo that is not an allowed logout URL, with or without client_id', async () => {
    for (const query of [
      new URLSearchParams({ returnTo: 'https://evil.example/', client_id: 'showroom-portal' }),
      new URLSearchParams({ returnTo: 'https://evil.example/' }),
    ]) {
      const response = await new Browser(devAuth.url).request(`/v2/logout?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain(
        'is not defined as a valid URL in &quot;Allowed Logout URLs&quot;',
      );
    }
  });
});

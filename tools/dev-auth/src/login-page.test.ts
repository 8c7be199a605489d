import { DEMO_USERS } from '@showroom/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, passSecondFactor, portalAuthorization } from './testing/browser';
import { API, PORTAL, startDevAuth, type RunningDevAuth } from './testing/harness';

describe('The sign-in page', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());

  async function openLoginPage(browser: Browser): Promise<string> {
    const { response } = await browser.follow(`/authorize?${portalAuthorization(API).query}`);
    expect(response.status).toBe(200);
    return response.text();
  }

  it('is a branded, phone-friendly form with labelled email and password fields', async () => {
    const html = await openLoginPage(new Browser(devAuth.url));
    expect(html).toContain('<title>Sign in · Showroom</title>');
    expect(html).toContain('name="viewport"');
    expect(html).toMatch(
      /<label for="username">Email address<\/label>\s*<input id="username" name="username" type="email"[^>]* autofocus>/,
    );
    expect(html).toMatch(
      /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/,
    );
    expect(html).not.toContain('Wrong email or password.');
  });

  it('says "Wrong email or password." after a bad password, keeps the typed email and lets the dealer retry', async () => {
    const browser = new Browser(devAuth.url);
    const html = await openLoginPage(browser);
    const failed = await browser.submitForm(html, { username: DEMO_USERS.sales.email, password: 'wrong' });
    expect(failed.response.status).toBe(400);
    const page = await failed.response.text();
    expect(page).toContain('Wrong email or password.');
    expect(page).toContain(`value="${DEMO_USERS.sales.email}"`);
    expect(page).toMatch(/id="password"[^>]* autofocus/);

    const retried = await browser.submitForm(page, {
      username: DEMO_USERS.sales.email,
      password: 'Showroom-demo-2026',
    });
    const signedIn = await passSecondFactor(browser, retried, DEMO_USERS.sales.email);
    expect(signedIn.leftTo?.origin).toBe(PORTAL);
  });

  it('gives the same answer for an unknown email, and escapes what was typed', async () => {
    const browser = new Browser(devAuth.url);
    const typed = '"><script>alert(1)</script>@x.dev';
    const failed = await browser.submitForm(await openLoginPage(browser), {
      username: typed,
      password: 'whatever',
    });
    const page = await failed.response.text();
    expect(page).toContain('Wrong email or password.');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@x.dev"');
  });

  it('refuses a form posted without the browser’s interaction cookie (cross-site request)', async () => {
    const html = await openLoginPage(new Browser(devAuth.url));
    const stranger = new Browser(devAuth.url);
    const { response } = await stranger.submitForm(html, {
      username: DEMO_USERS.owner.email,
      password: 'Showroom-demo-2026',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Sign-in expired');
  });
});

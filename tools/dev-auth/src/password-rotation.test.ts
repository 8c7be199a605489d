import { DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode } from '@showroom/demo-data/mfa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MFA_OTP_GRANT, PASSWORD_REALM_GRANT } from './clients';
import { answerCodePage, Browser, portalAuthorization } from './testing/browser';
import {
  API,
  PASSWORD,
  PORTAL,
  postForm,
  startDevAuth,
  unescapeHtml,
  type RunningDevAuth,
} from './testing/harness';

const DAY_MS = 24 * 60 * 60_000;
const NEW_PASSWORD = 'Harbour-Violet-73';

/** Signs in with a password and the demo code; answers the page after the code (or the portal). */
async function afterCode(devAuth: RunningDevAuth, email: string, password = PASSWORD) {
  const browser = new Browser(devAuth.url);
  const login = await browser.follow(`/authorize?${portalAuthorization(API).query}`);
  const codePage = await browser.submitForm(await login.response.text(), { username: email, password });
  const step = await answerCodePage(browser, await codePage.response.text(), email);
  return { browser, step, html: step.leftTo ? '' : await step.response.text() };
}

const realmGrant = (username: string) => ({
  grant_type: PASSWORD_REALM_GRANT,
  realm: 'Username-Password-Authentication',
  client_id: 'showroom-e2e',
  username,
  password: PASSWORD,
  audience: API,
});

describe('A password older than DEV_AUTH_PASSWORD_MAX_AGE_DAYS (90) must be changed at the next sign-in', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
    devAuth.clock.advance(91 * DAY_MS);
  });
  afterAll(() => devAuth.close());

  it('asks for a new password after the code, lists what the policy refuses, and then lets the dealer in', async () => {
    const user = DEMO_USERS.sales;
    const { browser, html } = await afterCode(devAuth, user.email);
    expect(html).toContain('<title>Choose a new password · Showroom</title>');
    expect(html).toContain('is more than 90 days old');

    const weak = await browser.submitForm(html, { password: 'short', confirmation: 'short' });
    expect(weak.response.status).toBe(400);
    const weakPage = unescapeHtml(await weak.response.text());
    expect(weakPage).toContain('Use at least 10 characters');

    const reused = await browser.submitForm(weakPage, { password: PASSWORD, confirmation: PASSWORD });
    expect(unescapeHtml(await reused.response.text())).toContain(
      'Do not reuse any of your last 5 passwords.',
    );

    const mismatch = await browser.submitForm(weakPage, {
      password: NEW_PASSWORD,
      confirmation: `${NEW_PASSWORD}!`,
    });
    expect(unescapeHtml(await mismatch.response.text())).toContain('The two passwords are not the same.');

    const changed = await browser.submitForm(weakPage, {
      password: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
    });
    expect(changed.leftTo?.origin).toBe(PORTAL);
    expect(devAuth.accounts.passwordChangedAt(user.id)?.getTime()).toBeGreaterThan(
      devAuth.clock.now() - 60_000,
    );

    expect((await afterCode(devAuth, user.email, NEW_PASSWORD)).step.leftTo?.origin).toBe(PORTAL);
  });

  it('refuses the password grant with 403 invalid_grant naming where to change it', async () => {
    const answer = await postForm(`${devAuth.url}/oauth/token`, realmGrant(DEMO_USERS.rivalSales2.email));
    // The code comes first: nobody learns where to change a password without the second factor.
    expect(answer.body['error']).toBe('mfa_required');
    const completed = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: MFA_OTP_GRANT,
      client_id: 'showroom-e2e',
      mfa_token: String(answer.body['mfa_token']),
      otp: demoTotpCode(DEMO_USERS.rivalSales2.email, devAuth.clock.now()),
    });
    expect(completed.status).toBe(403);
    expect(completed.body['error']).toBe('invalid_grant');
    const description = String(completed.body['error_description']);
    expect(description).toMatch(
      /^Password expired; change it at http:\/\/127\.0\.0\.1:\d+\/lo\/reset\?ticket=[\w-]+#$/,
    );
    const ticketPage = await fetch(description.replace('Password expired; change it at ', ''));
    expect(ticketPage.status).toBe(200);
    // The link lets its holder set the password: the log says a link was given, never which.
    const refusal = devAuth.logs().filter((line) => line.includes('Password expired'));
    expect(refusal.length).toBeGreaterThan(0);
    expect(refusal.join('\n')).toContain('<password-change link>');
    expect(devAuth.logs().join('\n')).not.toContain('ticket=');
  });
});

describe('DEV_AUTH_PASSWORD_MAX_AGE_DAYS=0 turns rotation off', () => {
  it('lets a years-old password in', async () => {
    const devAuth = await startDevAuth({ env: { DEV_AUTH_PASSWORD_MAX_AGE_DAYS: '0' } });
    try {
      devAuth.clock.advance(1000 * DAY_MS);
      expect((await afterCode(devAuth, DEMO_USERS.viewer.email)).step.leftTo?.origin).toBe(PORTAL);
    } finally {
      await devAuth.close();
    }
  });
});

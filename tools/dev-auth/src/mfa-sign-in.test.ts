import { DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode } from '@showroom/demo-data/mfa';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipsUnavailableError } from './memberships';
import { WRONG_CODE } from './mfa-pages';
import { Browser, portalAuthorization, signIn, type Step } from './testing/browser';
import { API, PASSWORD, PORTAL, startDevAuth, unescapeHtml, type RunningDevAuth } from './testing/harness';
import { TOTP_STEP_MS } from './totp';

/** Opens the portal's sign-in in a fresh browser and submits the password. */
async function afterPassword(
  devAuth: RunningDevAuth,
  email: string,
): Promise<{ browser: Browser; step: Step; html: string }> {
  const browser = new Browser(devAuth.url);
  const login = await browser.follow(`/authorize?${portalAuthorization(API).query}`);
  const step = await browser.submitForm(await login.response.text(), { username: email, password: PASSWORD });
  return { browser, step, html: step.leftTo ? '' : await step.response.text() };
}

const submitCode = (browser: Browser, html: string, code: string) => browser.submitForm(html, { code });

describe('An enrolled account signs in with its authenticator code', () => {
  let devAuth: RunningDevAuth;
  const owner = DEMO_USERS.owner;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());

  it('asks for the code after a right password, holds no account in the form, and lets the current code in', async () => {
    devAuth.clock.advance(TOTP_STEP_MS);
    const { browser, step, html } = await afterPassword(devAuth, owner.email);
    expect(step.leftTo).toBeUndefined();
    expect(step.response.status).toBe(200);
    expect(html).toContain('<title>Verify your identity · Showroom</title>');
    expect(html).toMatch(/<input id="code" name="code"[^>]*autocomplete="one-time-code"/);
    expect(html).not.toMatch(/type="hidden"/);
    expect(html).not.toContain(owner.id);

    const done = await submitCode(browser, html, demoTotpCode(owner.email, devAuth.clock.now()));
    expect(done.leftTo?.origin).toBe(PORTAL);
    expect(done.leftTo?.searchParams.get('code')).toBeTruthy();
  });

  it('refuses the code just used (replay) and a code of two steps ago, then takes the next step’s code', async () => {
    devAuth.clock.advance(TOTP_STEP_MS);
    const used = demoTotpCode(owner.email, devAuth.clock.now());
    const first = await afterPassword(devAuth, owner.email);
    expect((await submitCode(first.browser, first.html, used)).leftTo?.origin).toBe(PORTAL);

    const second = await afterPassword(devAuth, owner.email);
    const replayed = await submitCode(second.browser, second.html, used);
    expect(replayed.leftTo).toBeUndefined();
    expect(replayed.response.status).toBe(400);
    const refusedPage = await replayed.response.text();
    expect(unescapeHtml(refusedPage)).toContain(WRONG_CODE);
    expect(refusedPage).toContain('id="error-element-code"');

    const stale = await submitCode(
      second.browser,
      refusedPage,
      demoTotpCode(owner.email, devAuth.clock.now() - 2 * TOTP_STEP_MS),
    );
    expect(stale.response.status).toBe(400);
    const stalePage = await stale.response.text();

    devAuth.clock.advance(TOTP_STEP_MS);
    const next = await submitCode(second.browser, stalePage, demoTotpCode(owner.email, devAuth.clock.now()));
    expect(next.leftTo?.origin).toBe(PORTAL);
  });

  it('signs any demo account in with its published secret, as QA’s helper does', async () => {
    const code = await signIn(
      new Browser(devAuth.url),
      portalAuthorization(API),
      DEMO_USERS.rivalFinance.email,
    );
    expect(code).toBeTruthy();
  });

  it('does not skip the code step when its form is posted without a password first', async () => {
    const browser = new Browser(devAuth.url);
    const login = await browser.follow(`/authorize?${portalAuthorization(API).query}`);
    const action = unescapeHtml(/<form[^>]*action="([^"]+)"/.exec(await login.response.text())?.[1] ?? '');
    const skipped = await browser.follow(`${action}/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: demoTotpCode(owner.email, devAuth.clock.now()) }),
    });
    expect(skipped.leftTo).toBeUndefined();
    expect(await skipped.response.text()).toContain('<title>Sign in · Showroom</title>');
  });

  it('shows the code page again on reload', async () => {
    const { browser, step } = await afterPassword(devAuth, owner.email);
    const page = new URL(step.response.url);
    const reloaded = await browser.request(page.pathname);
    expect(await reloaded.text()).toContain('Verify your identity');
  });
});

describe('An owner or manager without an authenticator app enrols one at sign-in', () => {
  let devAuth: RunningDevAuth;
  const manager = DEMO_USERS.manager;

  beforeAll(async () => {
    devAuth = await startDevAuth();
    await devAuth.accounts.setMfa(manager.id, undefined);
  });
  afterAll(() => devAuth.close());

  it('scans a QR code or types the key, proves it with a code, sees ten recovery codes once, and each works once', async () => {
    const { browser, html } = await afterPassword(devAuth, manager.email);
    expect(html).toContain('<title>Secure your account · Showroom</title>');
    expect(html).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="200" height="200" alt="QR code/,
    );
    const secret = (/<code id="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1] ?? '').replaceAll(' ', '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Nothing is kept for the account until a code proves the app holds the secret.
    expect(devAuth.accounts.mfaOf(manager.id)).toBeUndefined();

    const wrong = await submitCode(browser, html, '000000');
    expect(wrong.response.status).toBe(400);
    const retry = await wrong.response.text();
    expect(retry).toContain(`<code id="totp-secret">${secret.match(/.{4}/g)?.join(' ')}</code>`);

    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: devAuth.clock.now() });
    const codesStep = await submitCode(browser, retry, code);
    const codesPage = await codesStep.response.text();
    expect(codesPage).toContain('Save your recovery codes');
    const recoveryCodes = [...codesPage.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map(
      (m) => m[1] ?? '',
    );
    expect(recoveryCodes).toHaveLength(10);
    const stored = devAuth.accounts.mfaOf(manager.id);
    expect(stored?.secret).toBe(secret);
    expect(stored?.recoveryCodes).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);

    // A reload shows no codes again.
    expect(await (await browser.request(new URL(codesStep.response.url).pathname)).text()).not.toContain(
      recoveryCodes[0],
    );
    const done = await browser.submitForm(codesPage, {});
    expect(done.leftTo?.origin).toBe(PORTAL);

    // From now on the manager is asked for a code; a recovery code does instead, once.
    const next = await afterPassword(devAuth, manager.email);
    expect(next.html).toContain('Verify your identity');
    const recovered = await submitCode(next.browser, next.html, (recoveryCodes[0] ?? '').toLowerCase());
    expect(recovered.leftTo?.origin).toBe(PORTAL);
    expect(devAuth.accounts.mfaOf(manager.id)?.recoveryCodes).toHaveLength(9);

    const again = await afterPassword(devAuth, manager.email);
    const reused = await submitCode(again.browser, again.html, recoveryCodes[0] ?? '');
    expect(reused.response.status).toBe(400);
  });

  it('lets a role that need not use MFA straight in when it has no app', async () => {
    await devAuth.accounts.setMfa(DEMO_USERS.sales.id, undefined);
    const { step } = await afterPassword(devAuth, DEMO_USERS.sales.email);
    expect(step.leftTo?.origin).toBe(PORTAL);
  });
});

describe('Who must use MFA is configurable, and unreadable roles stop the sign-in', () => {
  it('DEV_AUTH_MFA_REQUIRED_ROLES= (empty) requires it of nobody', async () => {
    const devAuth = await startDevAuth({ env: { DEV_AUTH_MFA_REQUIRED_ROLES: '' } });
    try {
      expect(devAuth.config.mfaRequiredRoles).toEqual([]);
      await devAuth.accounts.setMfa(DEMO_USERS.owner.id, undefined);
      expect((await afterPassword(devAuth, DEMO_USERS.owner.email)).step.leftTo?.origin).toBe(PORTAL);
    } finally {
      await devAuth.close();
    }
  });

  it('refuses to finish when the roles cannot be read, rather than skip MFA', async () => {
    const devAuth = await startDevAuth({
      memberships: async () => {
        throw new MembershipsUnavailableError('the users service is down');
      },
    });
    try {
      await devAuth.accounts.setMfa(DEMO_USERS.owner.id, undefined);
      const { step, html } = await afterPassword(devAuth, DEMO_USERS.owner.email);
      expect(step.response.status).toBe(503);
      expect(html).toContain('Cannot sign in right now');
    } finally {
      await devAuth.close();
    }
  });
});

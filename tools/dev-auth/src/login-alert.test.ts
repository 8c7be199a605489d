import { DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode } from '@showroom/demo-data/mfa';
import { freePort, startSmtpSink, type CapturedMail, type SmtpSink } from '@showroom/server-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_REALM_GRANT } from './clients';
import { Browser, portalAuthorization, signIn } from './testing/browser';
import {
  API,
  PASSWORD,
  PORTAL,
  demoUserToken,
  postForm,
  refreshPortalToken,
  startDevAuth,
  type RunningDevAuth,
} from './testing/harness';

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Signs in to the portal in a browser sending `userAgent`; answers the browser and the portal's tokens. */
async function portalSignInWith(devAuth: RunningDevAuth, email: string, userAgent: string) {
  const browser = new Browser(devAuth.url, { 'user-agent': userAgent });
  const start = portalAuthorization(API);
  const code = await signIn(browser, start, email);
  const tokens = await postForm(`${devAuth.url}/oauth/token`, {
    grant_type: 'authorization_code',
    client_id: 'showroom-portal',
    code,
    code_verifier: start.verifier,
    redirect_uri: PORTAL,
  });
  return { browser, tokens: tokens.body };
}

describe('Every sign-in is recorded and e-mailed to the account’s owner', () => {
  let sink: SmtpSink;
  let devAuth: RunningDevAuth;
  const alertTo = (email: string) => (mail: CapturedMail) =>
    mail.to.includes(email) && mail.subject === 'New sign-in to your Showroom account';

  beforeAll(async () => {
    sink = await startSmtpSink();
    devAuth = await startDevAuth({ env: { SMTP_URL: sink.url, MAIL_FROM: 'sign-in@showroom.test' } });
  });
  afterAll(async () => {
    await devAuth.close();
    await sink.close();
  });

  it('says when (UTC and ISO), with which browser and from which address, never the password, and offers a way out', async () => {
    const user = DEMO_USERS.manager;
    await portalSignInWith(devAuth, user.email, CHROME_ON_WINDOWS);

    const [record] = devAuth.accounts.signInsOf(user.id);
    expect(record).toMatchObject({ ip: '127.0.0.1', userAgent: CHROME_ON_WINDOWS });
    const mail = await sink.waitFor(alertTo(user.email));
    expect(mail.from).toBe('sign-in@showroom.test');
    expect(mail.text).toContain(`When:     ${describeTimeOf(record?.at)}`);
    expect(mail.text).toContain('Browser:  Chrome 131 on Windows 10');
    expect(mail.text).toContain('Address:  127.0.0.1');
    expect(mail.text).toContain('Where:    the sign-in page of Showroom portal');
    expect(mail.text).toMatch(
      /If this wasn't you, secure your account now:\nhttp:\/\/\S+\/u\/not-me\?token=[\w-]+\n/,
    );
    expect(mail.text).toContain(`${devAuth.url}/u/reset-password`);
    expect(mail.text).not.toContain(PASSWORD);
    expect(mail.text).not.toContain(demoTotpCode(user.email, Date.parse(record?.at ?? '')));
  });

  it('alerts a token-endpoint sign-in too, naming the client and the program', async () => {
    const user = DEMO_USERS.rivalSales;
    const tokens = await demoUserToken(devAuth, {
      grant_type: PASSWORD_REALM_GRANT,
      realm: 'Username-Password-Authentication',
      client_id: 'showroom-e2e',
      username: user.email,
      password: PASSWORD,
      audience: API,
    });
    expect(tokens.status).toBe(200);
    const mail = await sink.waitFor(alertTo(user.email));
    expect(mail.text).toContain('Where:    the token endpoint, for Showroom tests and QA automation');
    expect(mail.text).toContain('Browser:  an unknown browser or program (User-Agent "node")');
    expect(mail.text).not.toContain(PASSWORD);
  });

  it('“this wasn’t me” signs the account out everywhere and leads to a new password; the link works once', async () => {
    const user = DEMO_USERS.northsideSales2;
    const { browser, tokens } = await portalSignInWith(devAuth, user.email, CHROME_ON_WINDOWS);
    const mail = await sink.waitFor(alertTo(user.email));
    const notMe = new URL(/http:\/\/\S+\/u\/not-me\?token=[\w-]+/.exec(mail.text)?.[0] ?? '');

    // Opening the link (as a mail scanner would) changes nothing.
    const confirm = await fetch(notMe);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain(user.email);
    const refreshed = await refreshPortalToken(devAuth.url, tokens['refresh_token']);
    expect(refreshed.status).toBe(200);

    const secured = await fetch(`${devAuth.url}/u/not-me`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ token: notMe.searchParams.get('token') ?? '' }),
    });
    expect(secured.status).toBe(303);
    expect(secured.headers.get('location')).toMatch(/\/lo\/reset\?ticket=[\w-]+#$/);

    expect((await refreshPortalToken(devAuth.url, refreshed.body['refresh_token'])).body['error']).toBe(
      'invalid_grant',
    );
    const silent = portalAuthorization(API);
    silent.query.set('prompt', 'none');
    const { leftTo } = await browser.follow(`/authorize?${silent.query}`);
    expect(leftTo?.searchParams.get('error')).toBe('login_required');

    const twice = await fetch(`${devAuth.url}/u/not-me`, {
      method: 'POST',
      body: new URLSearchParams({ token: notMe.searchParams.get('token') ?? '' }),
    });
    expect(twice.status).toBe(410);
  });

  it('“Forgot password” e-mails a reset link to an existing account and answers an unknown address the same way', async () => {
    const ask = async (email: string) => {
      const response = await fetch(`${devAuth.url}/u/reset-password`, {
        method: 'POST',
        body: new URLSearchParams({ email }),
      });
      return { status: response.status, text: (await response.text()).replace(email, '<email>') };
    };
    const known = await ask(DEMO_USERS.rivalSales2.email);
    const unknown = await ask('stranger@demo.showroom.dev');
    expect(known).toEqual(unknown);
    expect(known.status).toBe(200);
    const mail = await sink.waitFor(
      (m) => m.to.includes(DEMO_USERS.rivalSales2.email) && m.subject === 'Reset your Showroom password',
    );
    expect(mail.text).toMatch(/\/lo\/reset\?ticket=[\w-]+#/);
    expect(sink.messages().some((m) => m.to.includes('stranger@demo.showroom.dev'))).toBe(false);

    const form = await (await fetch(`${devAuth.url}/u/reset-password?email=%22%3E%3Cb%3E`)).text();
    expect(form).toContain('value="&quot;&gt;&lt;b&gt;"');
  });
});

describe('A mail server that is down does not stop anyone signing in', () => {
  it('signs in and records the sign-in while the alert fails', async () => {
    const devAuth = await startDevAuth({ env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
    try {
      const { tokens } = await portalSignInWith(devAuth, DEMO_USERS.sales.email, CHROME_ON_WINDOWS);
      expect(typeof tokens['access_token']).toBe('string');
      expect(devAuth.accounts.signInsOf(DEMO_USERS.sales.id)).toHaveLength(1);
    } finally {
      await devAuth.close();
    }
  });
});

function describeTimeOf(iso: string | undefined): string {
  const at = new Date(iso ?? '');
  const utc = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    dateStyle: 'full',
    timeStyle: 'long',
  }).format(at);
  return `${utc} (${at.toISOString()})`;
}

import { DEMO_USERS } from '@showroom/demo-data';
import { demoTotpCode } from '@showroom/demo-data/mfa';
import { startSmtpSink, type SmtpSink } from '@showroom/server-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_REALM_GRANT } from './clients';
import { WRONG_CREDENTIALS } from './login-page';
import { ADDRESS_FAILURES, ADDRESS_WINDOW_MS, LOCKOUT_MS, REFUSAL_MESSAGES } from './sign-in-attempts';
import { answerCodePage, Browser, portalAuthorization, type Step } from './testing/browser';
import {
  API,
  PASSWORD,
  PORTAL,
  postForm,
  startDevAuth,
  unescapeHtml,
  type RunningDevAuth,
} from './testing/harness';
import { TOTP_STEP_MS } from './totp';

const LOCKED = REFUSAL_MESSAGES['account-locked'];
const THROTTLED = REFUSAL_MESSAGES['address-throttled'];
const NEW_PASSWORD = 'Lantern-Quarry-58';

interface Answer {
  step: Step;
  status: number;
  html: string;
  /** The page's text as a person reads it (entities decoded). */
  text: string;
}

/** A browser on the sign-in page; `attempt` submits the latest form and stays on the answer. */
async function signInPage(devAuth: RunningDevAuth) {
  const browser = new Browser(devAuth.url);
  const login = await browser.follow(`/authorize?${portalAuthorization(API).query}`);
  let form = await login.response.text();
  const submit = async (fields: Record<string, string>): Promise<Answer> => {
    const step = await browser.submitForm(form, fields);
    const html = step.leftTo ? '' : await step.response.text();
    if (html.includes('<form')) form = html;
    return { step, status: step.response.status, html, text: unescapeHtml(html) };
  };
  return {
    browser,
    attempt: (email: string, password: string) => submit({ username: email, password }),
    code: (code: string) => submit({ code }),
  };
}

async function failPasswords(devAuth: RunningDevAuth, email: string, times: number): Promise<Answer[]> {
  const page = await signInPage(devAuth);
  const answers: Answer[] = [];
  for (let i = 0; i < times; i++) answers.push(await page.attempt(email, `wrong-password-${i}`));
  return answers;
}

const realmGrant = (username: string, password: string) => ({
  grant_type: PASSWORD_REALM_GRANT,
  realm: 'Username-Password-Authentication',
  client_id: 'showroom-e2e',
  username,
  password,
  audience: API,
});

describe('Ten consecutive failures block an account for 15 minutes, and its owner is told by e-mail', () => {
  let sink: SmtpSink;
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    sink = await startSmtpSink();
    devAuth = await startDevAuth({ env: { SMTP_URL: sink.url, MAIL_FROM: 'sign-in@showroom.test' } });
  });
  afterAll(async () => {
    await devAuth.close();
    await sink.close();
  });
  // Each story starts with the address's earlier failures out of the throttling window.
  beforeEach(() => devAuth.clock.advance(ADDRESS_WINDOW_MS));

  it('refuses the 11th attempt even with the right password; the e-mail says when and from where, and its reset link lifts the block', async () => {
    const user = DEMO_USERS.sales2;
    const answers = await failPasswords(devAuth, user.email, 10);
    for (const answer of answers.slice(0, 9)) {
      expect(answer.status).toBe(400);
      expect(answer.text).toContain(WRONG_CREDENTIALS);
    }
    expect(answers[9]?.status).toBe(429);
    expect(answers[9]?.text).toContain(LOCKED);

    const page = await signInPage(devAuth);
    const right = await page.attempt(user.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.text).toContain(LOCKED);
    expect(right.html).not.toContain('name="code"');

    const mail = await sink.waitFor((m) => m.to.includes(user.email) && /blocked/.test(m.subject));
    expect(mail.from).toBe('sign-in@showroom.test');
    expect(mail.text).toContain('After 10 failed attempts in a row');
    expect(mail.text).toMatch(/From address: +127\.0\.0\.1\n/);
    expect(mail.text).toMatch(
      /Last attempt: +\w+, \d+ \w+ \d{4} at \d\d:\d\d:\d\d UTC \(\d{4}-\d\d-\d\dT[\d:.]+Z\)/,
    );
    expect(mail.text).toContain('Resetting your password lifts the block at once');
    expect(mail.text).not.toContain('wrong-password');

    const ticket = /\/lo\/reset\?ticket=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    const reset = await fetch(`${devAuth.url}/lo/reset`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ticket, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    });
    expect(reset.status).toBe(303);

    const unblocked = await page.attempt(user.email, NEW_PASSWORD);
    expect(unblocked.html).toContain('name="code"');
    expect((await answerCodePage(page.browser, unblocked.html, user.email)).leftTo?.origin).toBe(PORTAL);
  });

  it('lifts the block by itself after 15 minutes', async () => {
    const user = DEMO_USERS.northsideSales;
    await failPasswords(devAuth, user.email, 10);
    const page = await signInPage(devAuth);
    devAuth.clock.advance(LOCKOUT_MS - 1000);
    expect((await page.attempt(user.email, PASSWORD)).status).toBe(429);
    devAuth.clock.advance(1000);
    expect((await page.attempt(user.email, PASSWORD)).html).toContain('name="code"');
  });

  it('counts wrong authenticator codes as failures too', async () => {
    const user = DEMO_USERS.finance;
    const page = await signInPage(devAuth);
    expect((await page.attempt(user.email, PASSWORD)).html).toContain('name="code"');
    const stale = demoTotpCode(user.email, devAuth.clock.now() - 3 * TOTP_STEP_MS);
    for (let i = 1; i < 10; i++) expect((await page.code(stale)).status).toBe(400);
    const tenth = await page.code(stale);
    expect(tenth.status).toBe(429);
    expect(tenth.text).toContain(LOCKED);
    expect((await page.attempt(user.email, PASSWORD)).status).toBe(429);
    await sink.waitFor((m) => m.to.includes(user.email) && /blocked/.test(m.subject));
  });

  it('says the same for an address without an account — wrong, then blocked — and e-mails nobody', async () => {
    const stranger = 'nobody-here@demo.showroom.dev';
    const answers = await failPasswords(devAuth, stranger, 11);
    expect(answers.slice(0, 9).every((a) => a.status === 400 && a.text.includes(WRONG_CREDENTIALS))).toBe(
      true,
    );
    expect(answers.slice(9).every((a) => a.status === 429 && a.text.includes(LOCKED))).toBe(true);
    // The real account of the first story got its mail; the stranger none (checked after it arrived).
    await sink.waitFor((m) => m.to.includes(DEMO_USERS.sales2.email));
    expect(sink.messages().filter((m) => m.to.includes(stranger))).toEqual([]);
  });

  it('answers the token endpoint with Auth0’s 429 too_many_attempts once the account is blocked', async () => {
    const user = DEMO_USERS.viewer;
    const token = (password: string) =>
      postForm(`${devAuth.url}/oauth/token`, realmGrant(user.email, password));
    for (let i = 1; i < 10; i++) {
      expect(await token(`wrong-password-${i}`)).toMatchObject({
        status: 403,
        body: { error: 'invalid_grant' },
      });
    }
    const tenth = await token('wrong-password-10');
    expect(tenth.status).toBe(429);
    expect(tenth.body).toEqual({ error: 'too_many_attempts', error_description: LOCKED });
    expect(await token(PASSWORD)).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } });
  });
});

describe('One address may fail 30 times in 15 minutes; then every sign-in from it is refused', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());

  it('refuses even a right password from that address, on the page and at the token endpoint, until the window moves on', async () => {
    const page = await signInPage(devAuth);
    for (let i = 1; i < ADDRESS_FAILURES; i++) {
      expect((await page.attempt(`guess-${i}@demo.showroom.dev`, 'Password1!')).status).toBe(400);
    }
    // The failure that reaches the limit already says so.
    const last = await page.attempt('guess-30@demo.showroom.dev', 'Password1!');
    expect(last.status).toBe(429);
    expect(last.text).toContain(THROTTLED);
    const right = await page.attempt(DEMO_USERS.sales.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.text).toContain(THROTTLED);
    const token = await postForm(`${devAuth.url}/oauth/token`, realmGrant(DEMO_USERS.sales.email, PASSWORD));
    expect(token.status).toBe(429);
    expect(token.body).toEqual({ error: 'too_many_attempts', error_description: THROTTLED });

    devAuth.clock.advance(ADDRESS_WINDOW_MS);
    expect((await page.attempt(DEMO_USERS.sales.email, PASSWORD)).html).toContain('name="code"');
  });
});

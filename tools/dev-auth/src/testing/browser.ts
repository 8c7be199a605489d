import { withDemoTotp } from '@showroom/demo-data/mfa';
import { expect } from 'vitest';
import { API, PASSWORD, PORTAL, pkce, postForm, runningDevAuth, unescapeHtml } from './harness';

/** A cookie-keeping client that follows redirects one by one, as a browser would. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    /** Sent with every request, e.g. a User-Agent. */
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.base);
    const headers = new Headers({ ...this.defaultHeaders, ...Object.fromEntries(new Headers(init.headers)) });
    if (url.origin === new URL(this.base).origin && this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now(),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects on dev-auth until one leaves it; returns that URL, or the last response. */
  async follow(path: string, init: RequestInit = {}): Promise<{ response: Response; leftTo?: URL }> {
    let response = await this.request(path, init);
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get('location') ?? '', this.base);
      if (next.origin !== new URL(this.base).origin) return { response, leftTo: next };
      response = await this.request(next.pathname + next.search);
    }
    return { response };
  }

  async submitForm(
    html: string,
    fields: Record<string, string>,
  ): Promise<{ response: Response; leftTo?: URL }> {
    const action = unescapeHtml(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '');
    expect(action).not.toBe('');
    return this.follow(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
  }
}

export interface AuthorizationStart {
  verifier: string;
  state: string;
  nonce: string;
  query: URLSearchParams;
}

/** The /authorize request auth0-spa-js makes for the portal. */
export function portalAuthorization(api: string): AuthorizationStart {
  const { verifier, challenge } = pkce();
  const state = `state-${Math.random().toString(36).slice(2)}`;
  const nonce = `nonce-${Math.random().toString(36).slice(2)}`;
  const query = new URLSearchParams({
    client_id: 'showroom-portal',
    redirect_uri: PORTAL,
    audience: api,
    scope: 'openid profile email offline_access',
    response_type: 'code',
    response_mode: 'query',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    auth0Client: Buffer.from(JSON.stringify({ name: 'auth0-spa-js', version: '2.x' })).toString('base64'),
  });
  return { verifier, state, nonce, query };
}

export type Step = { response: Response; leftTo?: URL };

/**
 * Answers a code page with the demo account's authenticator code (the shared helper waits for a
 * step this account has not used yet, skipping dev-auth's clock ahead).
 */
export function answerCodePage(browser: Browser, html: string, email: string): Promise<Step> {
  return withDemoTotp(email, {
    ...runningDevAuth(browser.base).totp,
    submit: (code) => browser.submitForm(html, { code }),
    refused: (answer) => !answer.leftTo,
  });
}

/** Answers the code page when `step` is one; any other step comes back as it was. */
export async function passSecondFactor(browser: Browser, step: Step, email: string): Promise<Step> {
  if (step.leftTo) return step;
  const html = await step.response.text();
  if (html.includes('name="code"')) return answerCodePage(browser, html, email);
  // The body is read: hand on a copy of the page so the caller can still read it.
  const { status, headers } = step.response;
  return { response: new Response(html, { status, headers }) };
}

/** Signs in through the login page (and its code page) and returns the portal's authorization code. */
export async function signIn(
  browser: Browser,
  start: AuthorizationStart,
  email: string,
  password = PASSWORD,
): Promise<string> {
  const login = await browser.follow(`/authorize?${start.query}`);
  expect(login.response.status).toBe(200);
  const html = await login.response.text();
  const done = await passSecondFactor(
    browser,
    await browser.submitForm(html, { username: email, password }),
    email,
  );
  expect(done.leftTo?.origin).toBe(PORTAL);
  expect(done.leftTo?.searchParams.get('state')).toBe(start.state);
  const code = done.leftTo?.searchParams.get('code');
  expect(code).toBeTruthy();
  return code ?? '';
}

/** Signs `email` in to the portal in a fresh browser and exchanges the code, as auth0-spa-js does. */
export async function portalSignIn(
  devAuthUrl: string,
  email: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const start = portalAuthorization(API);
  const code = await signIn(new Browser(devAuthUrl), start, email);
  return postForm(`${devAuthUrl}/oauth/token`, {
    grant_type: 'authorization_code',
    client_id: 'showroom-portal',
    code,
    code_verifier: start.verifier,
    redirect_uri: PORTAL,
  });
}

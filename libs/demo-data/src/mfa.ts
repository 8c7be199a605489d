import { Secret, TOTP } from 'otpauth';
import { demoTotpSecret } from './lib/demo-totp-secrets';

/**
 * Codes of the demo accounts' authenticator app, for QA's suites and scripts (never production
 * accounts). A separate entry point (`@showroom/demo-data/mfa`) so that services importing the demo
 * data do not pull otpauth into their bundles.
 */

export const TOTP_STEP_MS = 30_000;

export interface DemoTotpOptions {
  /**
   * The identity provider's URL. It accepts each 30-second step of an account once (no replay),
   * so steps are remembered per server and account.
   */
  server: string;
  /** Milliseconds since the epoch; the identity provider's clock (tests pass theirs). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The last step this process used, by server and e-mail. */
const usedSteps = new Map<string, number>();

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function totpOf(email: string): TOTP {
  const secret = demoTotpSecret(email);
  if (!secret) throw new Error(`${email} is not a demo account: no published TOTP secret`);
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** The demo account's code at `timestamp` (ms). */
export function demoTotpCode(email: string, timestamp = Date.now()): string {
  return totpOf(email).generate({ timestamp });
}

/**
 * A code for a step this process has not used yet for this account on this server: the next step's
 * when the current one was used (inside the provider's window), waiting only when that one was used too.
 */
export async function nextDemoTotpCode(email: string, options: DemoTotpOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const key = `${new URL(options.server).origin} ${email.trim().toLowerCase()}`;
  const totp = totpOf(email);
  let step = Math.floor(now() / TOTP_STEP_MS);
  const used = usedSteps.get(key);
  if (used !== undefined && step <= used) {
    // The provider takes one step either side of now (as authenticator apps drift), so the step
    // after the used one is good at once while it is the next; past that, wait until it is current.
    // A little past the boundary, so a clock a few milliseconds behind ours is in the window too.
    const next = used + 1;
    if (next > step + 1) await sleep((next - 1) * TOTP_STEP_MS - now() + 50);
    step = next;
  }
  usedSteps.set(key, step);
  return totp.generate({ timestamp: step * TOTP_STEP_MS });
}

/**
 * Submits a fresh code; when the server refuses it (another process, or a person, used that step
 * first), submits the next step's code once more. Returns the last result.
 */
export async function withDemoTotp<T>(
  email: string,
  options: DemoTotpOptions & {
    submit: (code: string) => Promise<T>;
    refused: (result: T) => boolean;
  },
): Promise<T> {
  const first = await options.submit(await nextDemoTotpCode(email, options));
  if (!options.refused(first)) return first;
  return options.submit(await nextDemoTotpCode(email, options));
}

export const MFA_OTP_GRANT = 'http://auth0.com/oauth/grant-type/mfa-otp';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function postTokenRequest(tokenUrl: string, fields: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams(fields) });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

/**
 * A demo account's token from the token endpoint, as Auth0 hands it out: the `password` or
 * `…/password-realm` grant in `fields` (with `username`, `client_id`), and when that answers 403
 * `mfa_required`, the MFA OTP grant with the account's code. Other answers come back unchanged.
 */
export async function demoPasswordGrant(
  tokenUrl: string,
  fields: Record<string, string>,
  options: Omit<DemoTotpOptions, 'server'> & { server?: string } = {},
): Promise<TokenAnswer> {
  const first = await postTokenRequest(tokenUrl, fields);
  const mfaToken = first.body['mfa_token'];
  if (first.status !== 403 || first.body['error'] !== 'mfa_required' || typeof mfaToken !== 'string') {
    return first;
  }
  const email = fields['username'] ?? '';
  return withDemoTotp(email, {
    ...options,
    server: options.server ?? tokenUrl,
    submit: (otp) =>
      postTokenRequest(tokenUrl, {
        grant_type: MFA_OTP_GRANT,
        client_id: fields['client_id'] ?? '',
        mfa_token: mfaToken,
        otp,
      }),
    refused: (answer) => answer.status === 403 && answer.body['error'] === 'invalid_grant',
  });
}

/** The part of a Playwright locator the code page needs (structural: no Playwright dependency here). */
interface LocatorLike {
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  count(): Promise<number>;
  first(): LocatorLike;
  waitFor(options: { state: 'attached'; timeout: number }): Promise<void>;
}

/** The part of a Playwright page the code page needs. */
export interface BrowserPageLike {
  url(): string;
  locator(selector: string): LocatorLike;
  waitForEvent(event: 'load', options: { timeout: number }): Promise<unknown>;
}

/**
 * After a demo account's password was submitted in a Playwright page: when the identity provider
 * asks for the authenticator code (`input[name=code]`, as Auth0's Universal Login names it), types
 * the account's current one; when it went straight on (`doneSelector` appears), does nothing.
 */
export async function answerDemoCodePage(
  page: BrowserPageLike,
  email: string,
  options: { doneSelector: string; timeout: number },
): Promise<void> {
  const { timeout } = options;
  const code = page.locator('input[name=code]');
  await page
    .locator(`input[name=code], ${options.doneSelector}`)
    .first()
    .waitFor({ state: 'attached', timeout });
  if ((await code.count()) === 0) return;
  await withDemoTotp(email, {
    server: page.url(),
    submit: async (otp) => {
      await code.fill(otp);
      // The answer is a new page either way: the code page again, or the application.
      await Promise.all([page.waitForEvent('load', { timeout }), code.press('Enter')]);
      return (await page.locator('#error-element-code').count()) > 0;
    },
    refused: (refused) => refused,
  });
}

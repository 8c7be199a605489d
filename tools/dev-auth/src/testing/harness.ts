import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_DEMO_USERS, demoPassword } from '@showroom/demo-data';
import { demoPasswordGrant, type DemoTotpOptions } from '@showroom/demo-data/mfa';
import type { MembershipClaim } from '@showroom/contracts';
import pino from 'pino';
import { demoAccountStore, type AccountStore } from '../accounts';
import { createDevAuth } from '../app';
import { loadConfig, type DevAuthConfig } from '../config';
import { loadOrCreateSigningKeys } from '../keys';
import type { MembershipSource } from '../memberships';

export const PASSWORD = demoPassword({});
export const API = 'https://api.showroom.dev';
export const PORTAL = 'http://localhost:4200';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` on an ephemeral 127.0.0.1 port. */
export async function serve(handler?: RequestListener): Promise<RunningServer & { server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Memberships as the users service would answer them for the demo users; records each call. */
export function fakeMemberships(): MembershipSource & { calls: string[] } {
  const calls: string[] = [];
  const source = async (sub: string): Promise<MembershipClaim[]> => {
    calls.push(sub);
    return ALL_DEMO_USERS.find((user) => user.id === sub)?.memberships.map((m) => ({ ...m })) ?? [];
  };
  return Object.assign(source, { calls });
}

/** Real time plus an offset that only grows: tests skip ahead (a TOTP step, a lock-out) at once. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += Math.max(0, ms);
    },
  };
}

export interface RunningDevAuth extends RunningServer {
  issuer: string;
  config: DevAuthConfig;
  accounts: AccountStore;
  /** dev-auth's clock for lock-outs, codes and password age (oidc-provider's tokens keep real time). */
  clock: TestClock;
  /** For `@showroom/demo-data/mfa`: this server's clock, and waiting for the next step skips ahead. */
  totp: DemoTotpOptions;
  /** Every line dev-auth has logged so far (pino JSON, info and up). */
  logs(): string[];
}

const runningByUrl = new Map<string, RunningDevAuth>();

/** The dev-auth a test started at `url` (the test browser finds the demo codes' clock through it). */
export function runningDevAuth(url: string): RunningDevAuth {
  const running = runningByUrl.get(new URL(url).origin);
  if (!running) throw new Error(`no dev-auth started by this test at ${url}`);
  return running;
}

/**
 * dev-auth on an ephemeral port (its issuer is that address), keys in a temporary folder.
 * `membershipsFrom` builds sources that need dev-auth's own URL (machine tokens).
 */
export async function startDevAuth(
  options: {
    env?: NodeJS.ProcessEnv;
    /** Host name in the issuer; browsers need `localhost` (cookies are per host name). */
    hostName?: string;
    memberships?: MembershipSource;
    membershipsFrom?: (devAuthUrl: string, config: DevAuthConfig) => MembershipSource;
  } = {},
): Promise<RunningDevAuth> {
  const folder = await mkdtemp(join(tmpdir(), 'dev-auth-test-'));
  const running = await serve();
  // What dev-auth logs, kept for tests that check what never reaches a log.
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEV_AUTH_ISSUER: `${running.url.replace('127.0.0.1', options.hostName ?? '127.0.0.1')}/`,
    DEV_AUTH_KEYS_FILE: join(folder, 'jwks.json'),
    DEV_AUTH_ACCOUNTS_FILE: join(folder, 'accounts.json'),
    ...options.env,
  });
  const keys = await loadOrCreateSigningKeys(config.keysFile);
  const clock = testClock();
  const accounts = await demoAccountStore(
    {},
    { file: config.accountsFile, now: () => new Date(clock.now()) },
  );
  const memberships =
    options.membershipsFrom?.(running.url, config) ?? options.memberships ?? fakeMemberships();
  running.server.on(
    'request',
    createDevAuth({ config, keys, accounts, memberships, logger, now: clock.now }),
  );
  const url = config.issuer.replace(/\/$/, '');
  const devAuth: RunningDevAuth = {
    url,
    issuer: config.issuer,
    config,
    accounts,
    clock,
    logs: () => [...logLines],
    totp: { server: url, now: clock.now, sleep: async (ms) => clock.advance(ms) },
    async close() {
      runningByUrl.delete(new URL(url).origin);
      await running.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
  runningByUrl.set(new URL(url).origin, devAuth);
  return devAuth;
}

/** POSTs an application/x-www-form-urlencoded body and returns status, headers and JSON. */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/**
 * A demo account's token from a password grant (`fields`), through Auth0's MFA OTP grant when
 * dev-auth answers `mfa_required`, as QA automation does it.
 */
export function demoUserToken(
  devAuth: RunningDevAuth,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return demoPasswordGrant(`${devAuth.url}/oauth/token`, fields, devAuth.totp);
}

/** The client_credentials request a service sends for a machine token; `fields` add to or replace its fields. */
export function requestServicesToken(
  devAuthUrl: string,
  fields: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return postForm(`${devAuthUrl}/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: 'showroom-services',
    client_secret: 'dev-services-secret',
    audience: API,
    ...fields,
  });
}

/** The refresh request auth0-spa-js sends (audience, scope and redirect_uri along). */
export function refreshPortalToken(
  devAuthUrl: string,
  refreshToken: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return postForm(`${devAuthUrl}/oauth/token`, {
    grant_type: 'refresh_token',
    client_id: 'showroom-portal',
    refresh_token: String(refreshToken),
    audience: API,
    scope: 'openid profile email offline_access',
    redirect_uri: PORTAL,
  });
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Decodes a JWT's header and payload without verifying (tests verify separately). */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

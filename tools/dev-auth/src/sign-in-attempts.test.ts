import { describe, expect, it } from 'vitest';
import { mfaTokens, MFA_TOKEN_TTL_MS } from './mfa-tokens';
import {
  ADDRESS_FAILURES,
  ADDRESS_WINDOW_MS,
  clientAddress,
  LOCKOUT_FAILURES,
  LOCKOUT_MS,
  signInAttempts,
} from './sign-in-attempts';

function clock() {
  let time = 1_800_000_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('Lock-out per e-mail address', () => {
  it('locks on the 10th consecutive failure, for 15 minutes', () => {
    const time = clock();
    const attempts = signInAttempts({ now: time.now });
    for (let i = 1; i < LOCKOUT_FAILURES; i++)
      expect(attempts.failed('10.0.0.1', 'a@dealer.test')).toBeUndefined();
    expect(attempts.refusal('10.0.0.1', 'a@dealer.test')).toBeUndefined();
    expect(attempts.failed('10.0.0.2', 'A@Dealer.test ')).toEqual(new Date(time.now()));
    expect(attempts.refusal('10.0.0.3', 'a@dealer.test')).toBe('account-locked');
    expect(attempts.refusal('10.0.0.3', 'b@dealer.test')).toBeUndefined();

    time.advance(LOCKOUT_MS - 1);
    expect(attempts.refusal('10.0.0.3', 'a@dealer.test')).toBe('account-locked');
    time.advance(1);
    expect(attempts.refusal('10.0.0.3', 'a@dealer.test')).toBeUndefined();
    // A fresh start after the lock: one failure does not lock again.
    expect(attempts.failed('10.0.0.3', 'a@dealer.test')).toBeUndefined();
  });

  it('counts consecutive failures only: a completed sign-in starts the count again', () => {
    const attempts = signInAttempts({ now: clock().now });
    for (let i = 1; i < LOCKOUT_FAILURES; i++) attempts.failed('10.0.0.1', 'a@dealer.test');
    attempts.succeeded('a@dealer.test');
    for (let i = 1; i < LOCKOUT_FAILURES; i++) attempts.failed('10.0.0.1', 'a@dealer.test');
    expect(attempts.refusal('10.0.0.9', 'a@dealer.test')).toBeUndefined();
  });

  it('lifts the lock as soon as the callback says so (a password reset)', () => {
    let reset = false;
    const attempts = signInAttempts({ now: clock().now, lockLifted: () => reset });
    for (let i = 0; i < LOCKOUT_FAILURES; i++) attempts.failed('10.0.0.1', 'a@dealer.test');
    expect(attempts.refusal('10.0.0.1', 'a@dealer.test')).toBe('account-locked');
    reset = true;
    expect(attempts.refusal('10.0.0.1', 'a@dealer.test')).toBeUndefined();
  });
});

describe('Throttling per address', () => {
  it('refuses an address after 30 failures within 15 minutes, whichever e-mails they named, until the oldest leaves the window', () => {
    const time = clock();
    const attempts = signInAttempts({ now: time.now });
    attempts.failed('10.0.0.1', 'first@dealer.test');
    time.advance(60_000);
    for (let i = 1; i < ADDRESS_FAILURES; i++) attempts.failed('10.0.0.1', `user${i}@dealer.test`);
    expect(attempts.refusal('10.0.0.1', 'someone-else@dealer.test')).toBe('address-throttled');
    expect(attempts.refusal('10.0.0.2', 'someone-else@dealer.test')).toBeUndefined();
    time.advance(ADDRESS_WINDOW_MS - 60_000);
    expect(attempts.refusal('10.0.0.1', 'someone-else@dealer.test')).toBeUndefined();
  });

  it('reads an IPv4 client of a dual-stack socket as its IPv4 address', () => {
    expect(clientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});

describe('mfa_tokens', () => {
  const subject = {
    accountId: 'auth0|x',
    clientId: 'showroom-e2e',
    audience: 'https://api',
    scope: 'openid',
  };

  it('are bound to their client, end after five minutes, and yield one token response', () => {
    const time = clock();
    const tokens = mfaTokens(time.now);
    const token = tokens.issue(subject);
    expect(tokens.find(token, 'showroom-portal')).toBeUndefined();
    expect(tokens.find('made-up', 'showroom-e2e')).toBeUndefined();
    expect(tokens.find(token, 'showroom-e2e')).toEqual({ state: 'open', subject });
    expect(tokens.consume(token)).toBe(true);
    expect(tokens.consume(token)).toBe(false);
    expect(tokens.find(token, 'showroom-e2e')).toBeUndefined();

    const late = tokens.issue(subject);
    time.advance(MFA_TOKEN_TTL_MS);
    expect(tokens.find(late, 'showroom-e2e')).toEqual({ state: 'expired' });
    expect(tokens.consume(late)).toBe(false);
  });
});

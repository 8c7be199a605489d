import { Secret, TOTP } from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccountStore, type AccountStore } from './accounts';
import { hashRecoveryCodes, isRecoveryCodeShaped, newRecoveryCodes } from './recovery-codes';
import { enrolAuthenticator, useRecoveryCode, useTotpCode } from './second-factor';
import { newTotpSecret, otpauthUri, TOTP_STEP_MS } from './totp';

const SUB = 'auth0|second-factor';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The middle of a step, so ±1 step is unambiguous. */
const NOW = 1_700_000_000_000 - (1_700_000_000_000 % TOTP_STEP_MS) + TOTP_STEP_MS / 2;

const codeAt = (ms: number, secret = SECRET) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: ms,
  });

describe('TOTP codes are accepted once, within one step of now', () => {
  let accounts: AccountStore;

  beforeEach(async () => {
    accounts = await createAccountStore([
      {
        id: SUB,
        email: 'mfa@dealer.test',
        name: 'Mfa Person',
        password: 'Unused-password-2026',
        totpSecret: SECRET,
      },
    ]);
  });

  it('accepts the current code, and refuses the same code again (no replay)', async () => {
    expect(await useTotpCode(accounts, SUB, codeAt(NOW), NOW)).toBe(true);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW), NOW + 5_000)).toBe(false);
    expect(accounts.mfaOf(SUB)?.lastUsedStep).toBe(Math.floor(NOW / TOTP_STEP_MS));
  });

  it('accepts the previous and the next step (clock skew), but not a code of two steps ago', async () => {
    expect(await useTotpCode(accounts, SUB, codeAt(NOW - 2 * TOTP_STEP_MS), NOW)).toBe(false);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW + 2 * TOTP_STEP_MS), NOW)).toBe(false);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW - TOTP_STEP_MS), NOW)).toBe(true);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW + TOTP_STEP_MS), NOW)).toBe(true);
  });

  it('refuses, once a later step was used, the code of an earlier step that is still in the window', async () => {
    expect(await useTotpCode(accounts, SUB, codeAt(NOW), NOW)).toBe(true);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW - TOTP_STEP_MS), NOW)).toBe(false);
  });

  it('accepts only one of two concurrent requests with the same code', async () => {
    const both = await Promise.all([
      useTotpCode(accounts, SUB, codeAt(NOW), NOW),
      useTotpCode(accounts, SUB, codeAt(NOW), NOW),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('refuses anything that is not six digits, and everything for an account without an app', async () => {
    expect(await useTotpCode(accounts, SUB, `${codeAt(NOW)}0`, NOW)).toBe(false);
    expect(await useTotpCode(accounts, SUB, '', NOW)).toBe(false);
    await accounts.setMfa(SUB, undefined);
    expect(await useTotpCode(accounts, SUB, codeAt(NOW), NOW)).toBe(false);
  });
});

describe('Recovery codes', () => {
  it('are ten distinct codes of 16 symbols, stored only as hashes, each accepted once in any spelling', async () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const accounts = await createAccountStore([
      { id: SUB, email: 'mfa@dealer.test', name: 'Mfa Person', password: 'Unused-password-2026' },
    ]);
    await accounts.setMfa(SUB, {
      secret: SECRET,
      enrolledAt: new Date(NOW).toISOString(),
      recoveryCodes: await hashRecoveryCodes(codes),
    });
    // Whole codes, in both spellings: four symbols alone could turn up by chance in the hashes' base64.
    const stored = JSON.stringify(accounts.mfaOf(SUB));
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll('-', ''));
    }

    const typed = (codes[3] ?? '').toLowerCase().replaceAll('-', ' ');
    expect(isRecoveryCodeShaped(typed)).toBe(true);
    expect(await useRecoveryCode(accounts, SUB, typed)).toBe(true);
    expect(await useRecoveryCode(accounts, SUB, codes[3] ?? '')).toBe(false);
    expect(accounts.mfaOf(SUB)?.recoveryCodes).toHaveLength(9);
    expect(await useRecoveryCode(accounts, SUB, 'AAAA-BBBB-CCCC-DDDD')).toBe(false);
  });
});

describe('Enrolment', () => {
  it('keeps the secret only once a current code proves the app holds it, and that code cannot be used again', async () => {
    const accounts = await createAccountStore([
      { id: SUB, email: 'mfa@dealer.test', name: 'Mfa Person', password: 'Unused-password-2026' },
    ]);
    const secret = newTotpSecret();
    expect(otpauthUri(secret, 'mfa@dealer.test')).toBe(
      `otpauth://totp/Showroom:mfa%40dealer.test?issuer=Showroom&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(
      await enrolAuthenticator(accounts, SUB, secret, codeAt(NOW, SECRET), new Date(NOW)),
    ).toBeUndefined();
    expect(accounts.mfaOf(SUB)).toBeUndefined();

    const recoveryCodes = await enrolAuthenticator(accounts, SUB, secret, codeAt(NOW, secret), new Date(NOW));
    expect(recoveryCodes).toHaveLength(10);
    expect(accounts.mfaOf(SUB)).toMatchObject({ secret, recoveryCodes: expect.any(Array) });
    expect(await useTotpCode(accounts, SUB, codeAt(NOW, secret), NOW)).toBe(false);
  });
});

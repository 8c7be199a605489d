import type { AccountStore } from './accounts';
import { hashRecoveryCodes, matchingRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { totpStepOf } from './totp';

/**
 * Accepts the account's current authenticator code once: a code of a step at or before the last
 * accepted one is refused, so a code seen over someone's shoulder (or replayed) is worth nothing.
 */
export async function useTotpCode(
  accounts: AccountStore,
  sub: string,
  code: string,
  nowMs: number,
): Promise<boolean> {
  const mfa = accounts.mfaOf(sub);
  if (!mfa) return false;
  const step = totpStepOf(mfa.secret, code.replace(/\s+/g, ''), nowMs);
  if (step === undefined || (mfa.lastUsedStep !== undefined && step <= mfa.lastUsedStep)) return false;
  // No await between the check and this call, and setMfa changes the account before its first
  // await: two requests with the same code cannot both get past the check.
  await accounts.setMfa(sub, { ...mfa, lastUsedStep: step });
  return true;
}

/** Accepts one of the account's unused recovery codes, and spends it. */
export async function useRecoveryCode(accounts: AccountStore, sub: string, code: string): Promise<boolean> {
  const enrolled = accounts.mfaOf(sub);
  if (!enrolled) return false;
  const match = await matchingRecoveryCode(code, enrolled.recoveryCodes);
  // Read again after the hashing: a concurrent request may have spent the same code meanwhile.
  const mfa = accounts.mfaOf(sub);
  if (!match || !mfa?.recoveryCodes.includes(match)) return false;
  await accounts.setMfa(sub, { ...mfa, recoveryCodes: mfa.recoveryCodes.filter((hash) => hash !== match) });
  return true;
}

/**
 * Enrols the authenticator app holding `secret` once it proves so with a current code; answers the
 * recovery codes to show the person once (only their hashes are kept), or undefined for a wrong code.
 */
export async function enrolAuthenticator(
  accounts: AccountStore,
  sub: string,
  secret: string,
  code: string,
  now: Date,
): Promise<string[] | undefined> {
  const step = totpStepOf(secret, code.replace(/\s+/g, ''), now.getTime());
  if (step === undefined) return undefined;
  const recoveryCodes = newRecoveryCodes();
  await accounts.setMfa(sub, {
    secret,
    enrolledAt: now.toISOString(),
    recoveryCodes: await hashRecoveryCodes(recoveryCodes),
    lastUsedStep: step,
  });
  return recoveryCodes;
}

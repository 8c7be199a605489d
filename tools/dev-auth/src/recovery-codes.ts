import { randomInt } from 'node:crypto';
import { hashSecret, matchesHash } from './accounts';
import type { StoredHash } from './account-file';

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O or 1/I/L: the codes are read off paper. 16 of 31 symbols ≈ 79 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** Fresh single-use recovery codes, formatted `ABCD-EFGH-JKMN-PQRS`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

/** What is compared: upper case, without the spaces and dashes people type or leave out. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isRecoveryCodeShaped(input: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${GROUPS * GROUP_LENGTH}}$`).test(normalizeRecoveryCode(input));
}

export function hashRecoveryCodes(codes: readonly string[]): Promise<StoredHash[]> {
  return Promise.all(codes.map((code) => hashSecret(normalizeRecoveryCode(code))));
}

/** The stored hash `input` matches, if any. */
export async function matchingRecoveryCode(
  input: string,
  stored: readonly StoredHash[],
): Promise<StoredHash | undefined> {
  const code = normalizeRecoveryCode(input);
  const matches = await Promise.all(stored.map((hash) => matchesHash(code, hash)));
  return stored[matches.indexOf(true)];
}

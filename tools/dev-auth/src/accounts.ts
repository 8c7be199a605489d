import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';
import { ALL_DEMO_USERS, demoPassword } from '@showroom/demo-data';

export interface Account {
  /** Auth0-style user id, e.g. `auth0|demo-owner`. */
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface AccountSeed {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface AccountStore {
  findAccount(sub: string): Account | undefined;
  /** The account when the password matches; undefined for a wrong email or a wrong password alike. */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
  list(): Account[];
}

interface StoredAccount {
  account: Account;
  salt: Buffer;
  hash: Buffer;
}

const KEY_LENGTH = 32;

function deriveKey(password: BinaryLike, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An in-memory account store; passwords are kept only as scrypt hashes. */
export async function createAccountStore(seeds: readonly AccountSeed[]): Promise<AccountStore> {
  const byEmail = new Map<string, StoredAccount>();
  const bySub = new Map<string, StoredAccount>();
  for (const seed of seeds) {
    const salt = randomBytes(16);
    const stored: StoredAccount = {
      account: { sub: seed.id, email: seed.email, email_verified: true, name: seed.name },
      salt,
      hash: await deriveKey(seed.password, salt),
    };
    byEmail.set(normalizeEmail(seed.email), stored);
    bySub.set(seed.id, stored);
  }
  // An unknown email still costs one scrypt, so response time does not tell which emails exist.
  const decoy = { salt: randomBytes(16), hash: randomBytes(KEY_LENGTH) };

  return {
    findAccount: (sub) => bySub.get(sub)?.account,
    list: () => [...bySub.values()].map((stored) => stored.account),
    async verifyPassword(email, password) {
      const stored = byEmail.get(normalizeEmail(email));
      const { salt, hash } = stored ?? decoy;
      const candidate = await deriveKey(password, salt);
      const matches = timingSafeEqual(candidate, hash);
      return stored && matches ? stored.account : undefined;
    },
  };
}

/** The demo accounts every local environment shares (`@showroom/demo-data`), one password for all. */
export function demoAccountStore(env: NodeJS.ProcessEnv = process.env): Promise<AccountStore> {
  const password = demoPassword(env);
  return createAccountStore(
    ALL_DEMO_USERS.map((user) => ({ id: user.id, email: user.email, name: user.name, password })),
  );
}

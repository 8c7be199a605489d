import { randomBytes, randomUUID, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';
import { ALL_DEMO_USERS, demoPassword, demoTotpSecret } from '@showroom/demo-data';
import { accountFile, type AccountFile, type StoredAccount, type StoredHash } from './account-file';

export interface Account {
  /** Auth0-style user id, e.g. `auth0|demo-owner`. */
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  /** A blocked account cannot sign in (Auth0's `blocked`). */
  blocked: boolean;
  created_at: string;
  updated_at: string;
}

export interface AccountSeed {
  id: string;
  email: string;
  name: string;
  password: string;
  /** An enrolled TOTP secret (base32), for demo accounts whose secret the README documents. */
  totpSecret?: string;
}

export interface NewAccount {
  email: string;
  name: string;
  /** Without one the account cannot sign in until a password-change ticket sets it. */
  password?: string;
  emailVerified?: boolean;
}

export type AccountChanges = Partial<Pick<Account, 'name' | 'email_verified' | 'blocked'>>;

/** An enrolled authenticator app (TOTP), as the sign-in flow keeps it. */
export interface MfaEnrolment {
  /** Base32 TOTP secret. */
  secret: string;
  enrolledAt: string;
  /** Hashes of the unused recovery codes. */
  recoveryCodes: StoredHash[];
  /** The last accepted 30-second step: a code is never accepted twice. */
  lastUsedStep?: number;
}

export interface SignInRecord {
  at: string;
  ip: string;
  userAgent: string;
}

export class AccountExistsError extends Error {
  constructor(email: string) {
    super(`An account with the e-mail ${email} already exists`);
    this.name = 'AccountExistsError';
  }
}

export interface AccountStore {
  findAccount(sub: string): Account | undefined;
  findByEmail(email: string): Account | undefined;
  /** The account when the password matches; undefined for a wrong email or a wrong password alike. */
  verifyPassword(email: string, password: string): Promise<Account | undefined>;
  list(): Account[];
  create(input: NewAccount): Promise<Account>;
  update(sub: string, changes: AccountChanges): Promise<Account | undefined>;
  /** Sets the password and remembers it, so it counts among the last ones for reuse checks. */
  setPassword(sub: string, password: string): Promise<void>;
  /** Whether `password` is one of the account's last `PASSWORD_HISTORY` passwords. */
  isRecentPassword(sub: string, password: string): Promise<boolean>;
  /** When the current password was set; undefined while the account has none. */
  passwordChangedAt(sub: string): Date | undefined;
  mfaOf(sub: string): MfaEnrolment | undefined;
  setMfa(sub: string, mfa: MfaEnrolment | undefined): Promise<void>;
  recordSignIn(sub: string, signIn: SignInRecord): Promise<void>;
  /** Newest first, at most `SIGN_IN_HISTORY`. */
  signInsOf(sub: string): SignInRecord[];
  /** Resolves once every change so far is on disk (a store without a file resolves at once). */
  flushed(): Promise<void>;
}

/** How many of an account's passwords may not be used again (the current one included). */
export const PASSWORD_HISTORY = 5;
export const SIGN_IN_HISTORY = 20;
const KEY_LENGTH = 32;

function deriveKey(password: BinaryLike, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashSecret(secret: string): Promise<StoredHash> {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), hash: (await deriveKey(secret, salt)).toString('base64') };
}

export async function matchesHash(secret: string, stored: StoredHash): Promise<boolean> {
  const candidate = await deriveKey(secret, Buffer.from(stored.salt, 'base64'));
  return timingSafeEqual(candidate, Buffer.from(stored.hash, 'base64'));
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function publicAccount(stored: StoredAccount): Account {
  const { sub, email, email_verified, name, blocked, created_at, updated_at } = stored;
  return { sub, email, email_verified, name, blocked, created_at, updated_at };
}

export interface AccountStoreOptions {
  /** A JSON file that keeps accounts across restarts; without one they live in memory only. */
  file?: string;
  now?: () => Date;
}

/**
 * Accounts as an Auth0 database connection keeps them: passwords only as scrypt hashes, with the
 * last few kept for reuse checks, plus MFA enrolment and recent sign-ins. Seeds are added when
 * their id is not yet in the file, so changes made to a demo account survive restarts.
 */
export async function createAccountStore(
  seeds: readonly AccountSeed[],
  options: AccountStoreOptions = {},
): Promise<AccountStore> {
  const now = options.now ?? (() => new Date());
  const file: AccountFile = accountFile(options.file);
  const accounts = await file.load();
  const bySub = new Map(accounts.map((stored) => [stored.sub, stored]));
  const byEmail = new Map(accounts.map((stored) => [normalizeEmail(stored.email), stored]));

  const add = (stored: StoredAccount) => {
    bySub.set(stored.sub, stored);
    byEmail.set(normalizeEmail(stored.email), stored);
  };

  let seeded = false;
  for (const seed of seeds) {
    if (bySub.has(seed.id)) continue;
    const at = now().toISOString();
    const password = await hashSecret(seed.password);
    add({
      sub: seed.id,
      email: seed.email,
      email_verified: true,
      name: seed.name,
      blocked: false,
      created_at: at,
      updated_at: at,
      password: { ...password, changedAt: at },
      previousPasswords: [password],
      mfa: seed.totpSecret ? { secret: seed.totpSecret, enrolledAt: at, recoveryCodes: [] } : undefined,
      signIns: [],
    });
    seeded = true;
  }
  const save = () => file.save([...bySub.values()]);
  if (seeded) await save();

  // An unknown email still costs one scrypt, so response time does not tell which emails exist.
  const decoy: StoredHash = await hashSecret(randomBytes(16).toString('hex'));

  const change = async (sub: string, apply: (stored: StoredAccount) => void): Promise<boolean> => {
    const stored = bySub.get(sub);
    if (!stored) return false;
    apply(stored);
    await save();
    return true;
  };

  return {
    findAccount: (sub) => {
      const stored = bySub.get(sub);
      return stored && publicAccount(stored);
    },
    findByEmail: (email) => {
      const stored = byEmail.get(normalizeEmail(email));
      return stored && publicAccount(stored);
    },
    list: () => [...bySub.values()].map(publicAccount),
    async verifyPassword(email, password) {
      const stored = byEmail.get(normalizeEmail(email));
      const matches = await matchesHash(password, stored?.password ?? decoy);
      return stored?.password && matches ? publicAccount(stored) : undefined;
    },
    async create(input) {
      if (byEmail.has(normalizeEmail(input.email))) throw new AccountExistsError(input.email);
      const at = now().toISOString();
      const password = input.password === undefined ? undefined : await hashSecret(input.password);
      const stored: StoredAccount = {
        sub: `auth0|${randomUUID().replaceAll('-', '').slice(0, 24)}`,
        email: input.email.trim(),
        email_verified: input.emailVerified ?? false,
        name: input.name,
        blocked: false,
        created_at: at,
        updated_at: at,
        password: password && { ...password, changedAt: at },
        previousPasswords: password ? [password] : [],
        signIns: [],
      };
      add(stored);
      await save();
      return publicAccount(stored);
    },
    async update(sub, changes) {
      const stored = bySub.get(sub);
      if (!stored) return undefined;
      Object.assign(stored, changes, { updated_at: now().toISOString() });
      await save();
      return publicAccount(stored);
    },
    async setPassword(sub, password) {
      const hashed = await hashSecret(password);
      const at = now().toISOString();
      await change(sub, (stored) => {
        stored.password = { ...hashed, changedAt: at };
        stored.previousPasswords = [hashed, ...stored.previousPasswords].slice(0, PASSWORD_HISTORY);
        stored.updated_at = at;
      });
    },
    async isRecentPassword(sub, password) {
      for (const previous of bySub.get(sub)?.previousPasswords ?? []) {
        if (await matchesHash(password, previous)) return true;
      }
      return false;
    },
    passwordChangedAt(sub) {
      const changedAt = bySub.get(sub)?.password?.changedAt;
      return changedAt ? new Date(changedAt) : undefined;
    },
    mfaOf: (sub) => bySub.get(sub)?.mfa,
    async setMfa(sub, mfa) {
      await change(sub, (stored) => {
        stored.mfa = mfa;
      });
    },
    async recordSignIn(sub, signIn) {
      await change(sub, (stored) => {
        stored.signIns = [signIn, ...stored.signIns].slice(0, SIGN_IN_HISTORY);
      });
    },
    signInsOf: (sub) => [...(bySub.get(sub)?.signIns ?? [])],
    flushed: () => file.flushed(),
  };
}

export interface DemoAccountOptions {
  file?: string;
  now?: () => Date;
}

/** The demo accounts every local environment shares (`@showroom/demo-data`), one password for all. */
export function demoAccountStore(
  env: NodeJS.ProcessEnv = process.env,
  options: DemoAccountOptions = {},
): Promise<AccountStore> {
  const password = demoPassword(env);
  return createAccountStore(
    ALL_DEMO_USERS.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      password,
      totpSecret: demoTotpSecret(user.email),
    })),
    options,
  );
}

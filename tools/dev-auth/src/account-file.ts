import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

const StoredHashSchema = z.object({ salt: z.string(), hash: z.string() });
export type StoredHash = z.infer<typeof StoredHashSchema>;

const StoredAccountSchema = z.object({
  sub: z.string(),
  email: z.string(),
  email_verified: z.boolean(),
  name: z.string(),
  blocked: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  password: StoredHashSchema.extend({ changedAt: z.string() }).optional(),
  previousPasswords: z.array(StoredHashSchema),
  mfa: z
    .object({
      secret: z.string(),
      enrolledAt: z.string(),
      recoveryCodes: z.array(StoredHashSchema),
      lastUsedStep: z.number().optional(),
    })
    .optional(),
  signIns: z.array(z.object({ at: z.string(), ip: z.string(), userAgent: z.string() })),
});
export type StoredAccount = z.infer<typeof StoredAccountSchema>;

const FileSchema = z.object({ accounts: z.array(StoredAccountSchema) });

export interface AccountFile {
  load(): Promise<StoredAccount[]>;
  /** Queues a write of the whole set; writes happen one at a time, the last one wins. */
  save(accounts: readonly StoredAccount[]): Promise<void>;
  flushed(): Promise<void>;
}

/** Where accounts are kept between runs: a JSON file (mode 600) replaced atomically, or nowhere. */
export function accountFile(path: string | undefined): AccountFile {
  if (!path) return { load: async () => [], save: async () => undefined, flushed: async () => undefined };
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (text === undefined) return [];
      const parsed = FileSchema.safeParse(parseJson(text));
      if (!parsed.success) {
        throw new Error(`${path} is not a dev-auth account file; delete it to start from the demo accounts`);
      }
      return parsed.data.accounts;
    },
    save(accounts) {
      const snapshot = `${JSON.stringify({ accounts }, null, 1)}\n`;
      // A failed write must not stop the ones after it.
      queue = queue
        .catch(() => undefined)
        .then(async () => {
          await mkdir(dirname(path), { recursive: true });
          const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
          await writeFile(temporary, snapshot, { mode: 0o600 });
          await rename(temporary, path);
        });
      return queue;
    },
    flushed: () => queue,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

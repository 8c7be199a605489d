import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

export interface SigningKeys {
  keys: JWK[];
}

const PrivateRsaJwkSchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
});
const KeysFileSchema = z.object({ keys: z.array(PrivateRsaJwkSchema).min(1) });

/**
 * The RS256 signing key, created once and kept in `file` so that tokens issued before a restart
 * still verify afterwards (services cache the JWKS).
 */
export async function loadOrCreateSigningKeys(file: string): Promise<SigningKeys> {
  const existing = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (existing !== undefined) {
    const parsed = KeysFileSchema.safeParse(safeJson(existing));
    if (!parsed.success) {
      throw new Error(
        `${file} is not a dev-auth key file (expected {"keys":[<private RSA JWK>]}); delete it to create a new key`,
      );
    }
    return { keys: parsed.data.keys };
  }
  const keys = { keys: [await generateSigningKey()] };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return keys;
}

export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), use: 'sig', alg: 'RS256' };
}

/** The public half of each key, as served at /.well-known/jwks.json. */
export function publicKeys({ keys }: SigningKeys): JWK[] {
  return keys.map(({ kty, kid, n, e, use, alg }) => ({ kty, kid, n, e, use, alg }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateSigningKeys, publicKeys } from './keys';

describe('The signing key survives restarts', () => {
  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('is created once in the keys file (owner-only) and read back afterwards', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dev-auth-keys-'));
    folders.push(folder);
    const file = join(folder, 'nested', 'jwks.json');

    const first = await loadOrCreateSigningKeys(file);
    const second = await loadOrCreateSigningKeys(file);
    expect(second.keys[0]?.kid).toBe(first.keys[0]?.kid);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(publicKeys(first)[0]).not.toHaveProperty('d');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig' }],
    });
  });

  it('refuses a file that is not a key file, naming it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dev-auth-keys-'));
    folders.push(folder);
    const file = join(folder, 'jwks.json');
    await import('node:fs/promises').then(({ writeFile }) => writeFile(file, '{"keys":[]}'));
    await expect(loadOrCreateSigningKeys(file)).rejects.toThrow(file);
  });
});

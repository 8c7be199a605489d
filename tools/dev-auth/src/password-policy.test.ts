import { describe, expect, it } from 'vitest';
import { createAccountStore } from './accounts';
import { judgeNewPassword } from './password-policy';

async function context() {
  const accounts = await createAccountStore([
    { id: 'auth0|pat', email: 'pat.quinn@dealer.test', name: 'Pat Quinn', password: 'Old-Secret-Phrase-1' },
  ]);
  return { accounts, sub: 'auth0|pat', email: 'pat.quinn@dealer.test', name: 'Pat Quinn' };
}

describe('judgeNewPassword', () => {
  it('accepts a long password of three kinds that nobody has breached', async () => {
    expect(await judgeNewPassword('Lantern-orbit-73', await context())).toEqual([]);
  });

  it.each([
    ['short', 'Ab1!xyz'],
    ['two kinds', 'lanternorbitseventy3'],
    ['three identical in a row', 'Laaantern-orbit-73'],
  ])('refuses one below Auth0’s excellent level (%s)', async (_why, password) => {
    expect(await judgeNewPassword(password, await context())).toContainEqual(
      expect.stringContaining('at least 10 characters'),
    );
  });

  it('refuses a common breached password, also with digits and symbols added', async () => {
    const ctx = await context();
    expect(await judgeNewPassword('Password123', ctx)).toContainEqual(expect.stringContaining('most common'));
    expect(await judgeNewPassword('Baseball2026!', ctx)).toContainEqual(
      expect.stringContaining('most common'),
    );
  });

  it('refuses the person’s own name or e-mail', async () => {
    expect(await judgeNewPassword('Quinn-Lantern-73', await context())).toContainEqual(
      expect.stringContaining('name or e-mail'),
    );
  });

  it('refuses any of the last five passwords, but not the sixth one back', async () => {
    const ctx = await context();
    const history = [
      'Lantern-orbit-1',
      'Lantern-orbit-2',
      'Lantern-orbit-3',
      'Lantern-orbit-4',
      'Lantern-orbit-5',
    ];
    for (const password of history) await ctx.accounts.setPassword(ctx.sub, password);
    expect(await judgeNewPassword('Lantern-orbit-1', ctx)).toContainEqual(expect.stringContaining('last 5'));
    expect(await judgeNewPassword('Lantern-orbit-5', ctx)).toContainEqual(expect.stringContaining('last 5'));
    expect(await judgeNewPassword('Old-Secret-Phrase-1', ctx)).toEqual([]);
  });
});

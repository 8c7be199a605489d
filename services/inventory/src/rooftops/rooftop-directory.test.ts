import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUsersDirectory, type UsersDirectory } from '../test/users-directory';
import { UsersServiceRooftops } from './rooftop-directory';

describe('the rooftop directory: names and groups from the users service, kept in memory', () => {
  let users: UsersDirectory;
  let now = 0;
  let fetches = 0;
  const realFetch = globalThis.fetch;
  const tokens = { token: async () => 'machine-token' };
  const directory = (options: { maxAgeMs?: number; missRefreshMs?: number } = {}) =>
    new UsersServiceRooftops(users.url, tokens, { ...options, now: () => now });

  beforeEach(async () => {
    users = await startUsersDirectory();
    fetches = 0;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      fetches += 1;
      return realFetch(...args);
    }) as typeof fetch;
    now = 1_000_000;
  });
  afterEach(async () => {
    globalThis.fetch = realFetch;
    await users.close();
  });

  it('when asked twice, then the users service is asked once', async () => {
    users.add({ id: '11111111-1111-4111-8111-111111111111', name: 'Downtown' });
    const rooftops = directory();
    expect((await rooftops.rooftop('11111111-1111-4111-8111-111111111111'))?.name).toBe('Downtown');
    expect((await rooftops.rooftop('11111111-1111-4111-8111-111111111111'))?.name).toBe('Downtown');
    expect(fetches).toBe(1);
  });

  it('when a rooftop is onboarded after the copy was taken, then it is found once the miss window has passed', async () => {
    const rooftops = directory({ missRefreshMs: 5_000 });
    const id = '22222222-2222-4222-8222-222222222222';
    expect(await rooftops.rooftop(id)).toBeNull();
    users.add({ id, name: 'Northside' });
    expect(await rooftops.rooftop(id)).toBeNull();
    now += 5_000;
    expect((await rooftops.rooftop(id))?.name).toBe('Northside');
  });

  it('when the users service goes down, then the last copy keeps answering', async () => {
    const id = '33333333-3333-4333-8333-333333333333';
    users.add({ id, name: 'Rival', groupId: null });
    const rooftops = directory({ maxAgeMs: 1_000 });
    await rooftops.rooftop(id);
    users.down = true;
    now += 60_000;
    expect((await rooftops.rooftop(id))?.name).toBe('Rival');
  });

  it('when the users service is down from the start, then callers get the error at once instead of each waiting for it', async () => {
    users.down = true;
    const rooftops = directory({ missRefreshMs: 5_000 });
    await expect(rooftops.rooftop('44444444-4444-4444-8444-444444444444')).rejects.toThrow(/503/);
    await expect(rooftops.rooftop('44444444-4444-4444-8444-444444444444')).rejects.toThrow(/503/);
    expect(fetches).toBe(1);
    users.down = false;
    now += 5_000;
    expect(await rooftops.rooftop('44444444-4444-4444-8444-444444444444')).toBeNull();
  });

  it('lists a group’s rooftops, and no one else’s', async () => {
    const group = '55555555-5555-4555-8555-555555555555';
    users.add({ id: '66666666-6666-4666-8666-666666666666', groupId: group });
    users.add({ id: '77777777-7777-4777-8777-777777777777', groupId: group });
    users.add({ id: '88888888-8888-4888-8888-888888888888' });
    const ids = (await directory().rooftopsOfGroup(group.toUpperCase())).map((r) => r.id).sort();
    expect(ids).toEqual(['66666666-6666-4666-8666-666666666666', '77777777-7777-4777-8777-777777777777']);
  });
});

import { ManagementClient, ManagementError } from 'auth0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGEMENT_CLIENT_ID } from './clients';
import { postForm, startDevAuth, unescapeHtml, type RunningDevAuth } from './testing/harness';

let devAuth: RunningDevAuth;
let management: ManagementClient;

/** The SDK always speaks https to its domain; send that origin to dev-auth's http address instead. */
function toDevAuth(devAuthUrl: string): typeof fetch {
  const tenant = `https://${new URL(devAuthUrl).host}`;
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(url.startsWith(tenant) ? devAuthUrl + url.slice(tenant.length) : url, init);
  };
}

beforeAll(async () => {
  devAuth = await startDevAuth();
  management = new ManagementClient({
    domain: new URL(devAuth.url).host,
    clientId: MANAGEMENT_CLIENT_ID,
    clientSecret: 'dev-management-secret',
    fetch: toDevAuth(devAuth.url),
  });
});
afterAll(() => devAuth.close());

const STRONG = 'Harbor-lights-2031';

async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
    return undefined;
  } catch (err) {
    if (err instanceof ManagementError) return err.statusCode;
    throw err;
  }
}

describe('the Management API subset, driven by the real auth0 SDK', () => {
  it('creates a user, finds them by e-mail and by id, and refuses the same e-mail twice', async () => {
    const created = await management.users.create({
      connection: 'Username-Password-Authentication',
      email: 'new.hire@dealer.test',
      name: 'New Hire',
      password: STRONG,
    });
    expect(created).toMatchObject({ email: 'new.hire@dealer.test', name: 'New Hire', blocked: false });
    expect(created.user_id).toMatch(/^auth0\|/);

    expect(await management.users.listUsersByEmail({ email: 'NEW.HIRE@dealer.test' })).toEqual([
      expect.objectContaining({ user_id: created.user_id }),
    ]);
    expect(await management.users.get(String(created.user_id))).toMatchObject({
      email: 'new.hire@dealer.test',
    });
    const page = await management.users.list({
      q: `user_id:("${created.user_id}" OR "auth0|nobody")`,
      search_engine: 'v3',
    });
    expect(page.data.map((user) => user.user_id)).toEqual([created.user_id]);

    expect(
      await statusOf(
        management.users.create({
          connection: 'Username-Password-Authentication',
          email: 'new.hire@dealer.test',
          password: STRONG,
        }),
      ),
    ).toBe(409);
  });

  it('refuses a weak password when creating a user', async () => {
    expect(
      await statusOf(
        management.users.create({
          connection: 'Username-Password-Authentication',
          email: 'weak@dealer.test',
          password: 'password1',
        }),
      ),
    ).toBe(400);
    expect(devAuth.accounts.findByEmail('weak@dealer.test')).toBeUndefined();
  });

  it('blocks a user: their password no longer gets a token, and unblocking restores it', async () => {
    const user = await management.users.create({
      connection: 'Username-Password-Authentication',
      email: 'leaver@dealer.test',
      name: 'Leaver',
      password: STRONG,
    });
    const signIn = () =>
      postForm(`${devAuth.url}/oauth/token`, {
        grant_type: 'password',
        client_id: 'showroom-e2e',
        username: 'leaver@dealer.test',
        password: STRONG,
        audience: 'https://api.showroom.dev',
      });
    expect((await signIn()).status).toBe(200);

    expect(await management.users.update(String(user.user_id), { blocked: true })).toMatchObject({
      blocked: true,
    });
    expect(await signIn()).toMatchObject({ status: 401, body: { error: 'unauthorized' } });

    await management.users.update(String(user.user_id), { blocked: false });
    expect((await signIn()).status).toBe(200);
  });

  it('issues a single-use password-change ticket whose page applies the password policy', async () => {
    const user = await management.users.create({
      connection: 'Username-Password-Authentication',
      email: 'invitee@dealer.test',
      name: 'Invitee Person',
      password: `${STRONG}-unknown-to-anyone`,
    });
    const { ticket } = await management.tickets.changePassword({
      user_id: String(user.user_id),
      result_url: 'http://localhost:4200/',
      mark_email_as_verified: true,
      ttl_sec: 3600,
    });
    const url = new URL(String(ticket));
    expect(url.pathname).toBe('/lo/reset');
    const page = await fetch(String(ticket));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('invitee@dealer.test');

    const post = (password: string) =>
      fetch(`${devAuth.url}/lo/reset`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ticket: url.searchParams.get('ticket') ?? '',
          password,
          confirmation: password,
        }),
      });
    const weak = await post('invitee123');
    expect(weak.status).toBe(400);
    expect(unescapeHtml(await weak.text())).toContain('at least 10 characters');

    const accepted = await post('Copper-kettle-58');
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toMatch(/^http:\/\/localhost:4200\/\?success=true/);
    expect(devAuth.accounts.findAccount(String(user.user_id))?.email_verified).toBe(true);
    expect(await devAuth.accounts.verifyPassword('invitee@dealer.test', 'Copper-kettle-58')).toBeDefined();

    expect((await post('Another-kettle-77')).status).toBe(410);
  });

  it('answers 401 without a token and 403 for a token of the platform API', async () => {
    expect((await fetch(`${devAuth.url}/api/v2/users`)).status).toBe(401);
    const services = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'showroom-services',
      client_secret: 'dev-services-secret',
      audience: 'https://api.showroom.dev',
    });
    const answer = await fetch(`${devAuth.url}/api/v2/users`, {
      headers: { authorization: `Bearer ${String(services.body['access_token'])}` },
    });
    expect(answer.status).toBe(401);
    const managementToken = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'showroom-services',
      client_secret: 'dev-services-secret',
      audience: devAuth.config.managementAudience,
    });
    expect(managementToken.status).toBe(403);
  });

  it('keeps created accounts across a restart of the store', async () => {
    await devAuth.accounts.flushed();
    const { createAccountStore } = await import('./accounts');
    const reopened = await createAccountStore([], { file: devAuth.config.accountsFile });
    expect(reopened.findByEmail('new.hire@dealer.test')?.name).toBe('New Hire');
  });
});

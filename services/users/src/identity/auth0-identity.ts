import { randomBytes } from 'node:crypto';
import { ManagementClient, ManagementError, type Management } from 'auth0';
import { describeDevice } from '@showroom/server-kit';
import {
  IdentityUnavailableError,
  type IdentityPort,
  type IdentitySignIn,
  type IdentityUser,
} from './identity-port';

export interface Auth0IdentitySettings {
  /** The tenant's domain, e.g. `showroom.us.auth0.com` (dev-auth: `localhost:4000`). */
  domain: string;
  clientId: string;
  clientSecret: string;
  /**
   * Where `https://<domain>` really is. The SDK always speaks https to its domain; dev-auth serves
   * http, so locally its origin is given here and every SDK request is sent there instead.
   */
  originOverride?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

const CONNECTION = 'Username-Password-Authentication';
/** Auth0's user search returns at most this many per page; the team list asks in such chunks. */
const SEARCH_CHUNK = 50;

/** The identity port on Auth0's Management API through the official SDK (`auth0`). */
export class Auth0Identity implements IdentityPort {
  private readonly client: ManagementClient;

  constructor(settings: Auth0IdentitySettings) {
    this.client = new ManagementClient({
      domain: settings.domain,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      timeoutInSeconds: Math.ceil((settings.timeoutMs ?? 5000) / 1000),
      maxRetries: 1,
      ...(settings.originOverride ? { fetch: redirectTenant(settings.domain, settings.originOverride) } : {}),
    });
  }

  findByEmail(email: string): Promise<IdentityUser | undefined> {
    return call(async () => {
      const users = await this.client.users.listUsersByEmail({ email });
      return users[0] && toIdentityUser(users[0]);
    });
  }

  create(person: { email: string; name: string }): Promise<IdentityUser> {
    return call(async () =>
      toIdentityUser(
        await this.client.users.create({
          connection: CONNECTION,
          email: person.email,
          name: person.name,
          password: unguessablePassword(),
          email_verified: false,
          verify_email: false,
        }),
      ),
    );
  }

  passwordTicket(userId: string, options: { resultUrl: string; ttlSeconds: number }): Promise<string> {
    return call(async () => {
      const { ticket } = await this.client.tickets.changePassword({
        user_id: userId,
        result_url: options.resultUrl,
        ttl_sec: options.ttlSeconds,
        mark_email_as_verified: true,
      });
      if (!ticket) throw new Error('the password-change ticket came back without a URL');
      return ticket;
    });
  }

  setBlocked(userId: string, blocked: boolean): Promise<void> {
    // Someone the provider does not know cannot sign in there at all: nothing to block.
    return call(async () => {
      await unlessUnknown(() => this.client.users.update(userId, { blocked }));
    });
  }

  users(userIds: readonly string[]): Promise<IdentityUser[]> {
    return call(async () => {
      const found: IdentityUser[] = [];
      for (let i = 0; i < userIds.length; i += SEARCH_CHUNK) {
        const chunk = userIds.slice(i, i + SEARCH_CHUNK);
        const q = `user_id:(${chunk.map((id) => JSON.stringify(id)).join(' OR ')})`;
        const page = await this.client.users.list({ q, search_engine: 'v3', per_page: SEARCH_CHUNK });
        found.push(...page.data.map(toIdentityUser));
      }
      return found;
    });
  }

  user(userId: string): Promise<IdentityUser | undefined> {
    return call(async () => unlessUnknown(async () => toIdentityUser(await this.client.users.get(userId))));
  }

  recentSignIns(userId: string, limit: number): Promise<IdentitySignIn[]> {
    return call(async () => {
      const page = await unlessUnknown(() =>
        this.client.users.logs.list(userId, { per_page: limit, sort: 'date:-1' }),
      );
      if (!page) return [];
      return page.data
        .filter((log) => log.type === 's')
        .map((log) => ({
          at: new Date(String(log.date)).toISOString(),
          ipAddress: String(log.ip ?? ''),
          userAgent: describeDevice(String(log.user_agent ?? '')),
        }));
    });
  }
}

/** `work`'s answer, or undefined when the provider does not know the user (404). */
async function unlessUnknown<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ManagementError && err.statusCode === 404) return undefined;
    throw err;
  }
}

/** Errors a caller can act on (404, 409, 400) pass through; anything else means the provider is away. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (
      err instanceof ManagementError &&
      err.statusCode !== undefined &&
      err.statusCode < 500 &&
      err.statusCode !== 429
    )
      throw err;
    throw new IdentityUnavailableError(err);
  }
}

type Auth0User =
  Management.UserResponseSchema | Management.CreateUserResponseContent | Management.GetUserResponseContent;

function toIdentityUser(user: Auth0User): IdentityUser {
  const record = user as Record<string, unknown>;
  return {
    id: String(user.user_id),
    email: String(user.email),
    name: String(user.name ?? user.email),
    emailVerified: user.email_verified === true,
    blocked: record['blocked'] === true,
    lastSignInAt: user.last_login ? new Date(String(user.last_login)).toISOString() : null,
    mfaEnrolled: Array.isArray(user.multifactor) && user.multifactor.length > 0,
  };
}

/**
 * Long, random and of every character kind, so the tenant's policy accepts it; nobody ever sees it.
 * Pairs joined by "." (not a base64url character): no character three times in a row (Auth0's "excellent" refuses that, and a
 * plain random string has it about once in 150) and no run of letters long enough to spell a name.
 */
export function unguessablePassword(): string {
  const pairs =
    randomBytes(24)
      .toString('base64url')
      .match(/.{1,2}/g) ?? [];
  return `${pairs.join('.')}.aA1!`;
}

function redirectTenant(domain: string, origin: string): typeof fetch {
  const tenant = `https://${domain}`;
  const target = origin.replace(/\/+$/, '');
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(url.startsWith(tenant) ? target + url.slice(tenant.length) : url, init);
  };
}

import { READ_MEMBERSHIPS_SCOPE, UserMembershipsSchema, type MembershipClaim } from '@showroom/contracts';
import { ACTIONS_CLIENT_ID } from './clients';
import type { DevAuthConfig } from './config';
import { clientCredentialsToken, type MachineTokenSource } from './machine-token';

/** Where a user's memberships come from when a token is issued (production: an Auth0 Action). */
export type MembershipSource = (sub: string) => Promise<MembershipClaim[]>;

/** The memberships could not be read; a token must not be issued without them. */
export class MembershipsUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MembershipsUnavailableError';
  }
}

export interface UsersServiceOptions {
  usersApiUrl: string;
  machineToken: MachineTokenSource;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Reads memberships from the users service, exactly as the production Auth0 Action does. */
export function usersServiceMembershipSource(options: UsersServiceOptions): MembershipSource {
  const { usersApiUrl, machineToken, fetch: fetchImpl = fetch, timeoutMs = 5000 } = options;
  const base = usersApiUrl.replace(/\/+$/, '');
  const describe = `the users service at ${base}`;

  async function call(sub: string): Promise<Response> {
    let token: string;
    try {
      token = await machineToken();
    } catch (cause) {
      throw new MembershipsUnavailableError(`could not get a machine token to call ${describe}`, { cause });
    }
    const url = `${base}/api/users/internal/users/${encodeURIComponent(sub)}/memberships`;
    try {
      return await fetchImpl(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? (errorCode(cause) ?? cause.message) : String(cause);
      throw new MembershipsUnavailableError(`${describe} could not be reached (${reason})`, { cause });
    }
  }

  return async (sub) => {
    let response = await call(sub);
    if (response.status === 401) {
      // The cached machine token may predate a restart that rotated keys: retry once with a new one.
      machineToken.invalidate();
      response = await call(sub);
    }
    if (!response.ok) {
      throw new MembershipsUnavailableError(`${describe} answered HTTP ${response.status} for ${sub}`);
    }
    const parsed = UserMembershipsSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success || parsed.data.userId !== sub) {
      throw new MembershipsUnavailableError(
        `${describe} returned an unexpected memberships document for ${sub}`,
      );
    }
    return parsed.data.memberships;
  };
}

function errorCode(err: Error): string | undefined {
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return err.name === 'TimeoutError' ? 'timed out' : undefined;
}

/**
 * The wiring main.ts uses: dev-auth's own `showroom-actions` client gets a machine token from
 * dev-auth (at `devAuthUrl`), which the users service checks like any other access token.
 */
export function membershipsFromUsersService(
  config: Pick<DevAuthConfig, 'usersApiUrl' | 'actionsSecret' | 'apiAudience'>,
  devAuthUrl: string,
): MembershipSource {
  const machineToken = clientCredentialsToken({
    tokenUrl: `${devAuthUrl}/oauth/token`,
    clientId: ACTIONS_CLIENT_ID,
    clientSecret: config.actionsSecret,
    audience: config.apiAudience,
    scope: READ_MEMBERSHIPS_SCOPE,
  });
  return usersServiceMembershipSource({ usersApiUrl: config.usersApiUrl, machineToken });
}

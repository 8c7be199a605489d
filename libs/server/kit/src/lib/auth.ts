import type { Request, RequestHandler } from 'express';
import { auth } from 'express-oauth2-jwt-bearer';
import {
  EMAIL_CLAIM,
  MEMBERSHIPS_CLAIM,
  MembershipClaimSchema,
  NAME_CLAIM,
  type MembershipClaim,
} from '@showroom/contracts';
import { z } from 'zod';
import { problems } from './problem';

export interface AuthSettings {
  issuerBaseURL: string;
  audience: string;
}

/** Who is calling, as the access token says. */
export interface Principal {
  userId: string;
  email: string | null;
  name: string | null;
  memberships: MembershipClaim[];
  scopes: string[];
  /** True for a client-credentials (machine) token. */
  isMachine: boolean;
}

const VERIFIED_TOKENS_KEPT = 10_000;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies the bearer token (RS256, issuer, audience, expiry) against the issuer's JWKS.
 * Auth0 and tools/dev-auth differ only in `issuerBaseURL`.
 *
 * A browser sends the same token for up to an hour, so a token that passed verification is
 * remembered (by its exact text) until it expires: later requests skip the RSA check.
 */
export function verifyAccessToken(settings: AuthSettings): RequestHandler {
  const verify = auth({
    issuerBaseURL: settings.issuerBaseURL,
    audience: settings.audience,
    tokenSigningAlg: 'RS256',
    timeoutDuration: 3000,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  const verified = new Map<string, NonNullable<Request['auth']>>();
  return (req, res, next) => {
    const header = req.headers.authorization;
    const remembered = header ? verified.get(header) : undefined;
    if (remembered && ((remembered.payload.exp ?? 0) + CLOCK_TOLERANCE_SECONDS) * 1000 > Date.now()) {
      req.auth = remembered;
      return next();
    }
    if (remembered) verified.delete(header as string);
    verify(req, res, (error?: unknown) => {
      if (!error && header && req.auth) {
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
        verified.set(header, req.auth);
      }
      next(error);
    });
  };
}

const membershipsSchema = z.array(MembershipClaimSchema);

export function principalOf(req: Request): Principal {
  const payload = req.auth?.payload;
  if (!payload?.sub) throw problems.unauthorized('A valid bearer token is required.');
  const parsedMemberships = membershipsSchema.safeParse(payload[MEMBERSHIPS_CLAIM] ?? []);
  const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
  return {
    userId: payload.sub,
    email: typeof payload[EMAIL_CLAIM] === 'string' ? (payload[EMAIL_CLAIM] as string) : null,
    name: typeof payload[NAME_CLAIM] === 'string' ? (payload[NAME_CLAIM] as string) : null,
    memberships: parsedMemberships.success ? parsedMemberships.data : [],
    scopes: scope.split(' ').filter(Boolean),
    isMachine: payload['gty'] === 'client-credentials',
  };
}

/** Auth0 and dev-auth both name the client of a client-credentials token in `azp` (`client_id` in RFC 9068). */
function clientIdOf(req: Request): string | undefined {
  const payload = req.auth?.payload;
  const clientId = payload?.['azp'] ?? payload?.['client_id'];
  return typeof clientId === 'string' ? clientId : undefined;
}

/**
 * For machine-to-machine routes: a client-credentials token (`gty`) from a client on `clients`
 * (`azp` or `client_id`), carrying `scope`. A user token is refused whatever scopes it carries:
 * with RBAC off an Auth0 API grants a signed-in user any scope they ask for.
 */
export function requireMachineClient(scope: string, clients: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    if (!principal.isMachine) return next(problems.forbidden('This call is for services, not for people.'));
    const clientId = clientIdOf(req);
    if (!clientId || !clients.includes(clientId)) {
      return next(problems.forbidden('This client may not call service routes.'));
    }
    next(
      principal.scopes.includes(scope)
        ? undefined
        : problems.forbidden(`This call needs the scope ${scope}.`),
    );
  };
}

/** For routes of signed-in people: a machine token has no person behind it. */
export function requireUserToken(): RequestHandler {
  return (req, _res, next) => {
    next(
      principalOf(req).isMachine
        ? problems.forbidden('This call is for people, not for services.')
        : undefined,
    );
  };
}

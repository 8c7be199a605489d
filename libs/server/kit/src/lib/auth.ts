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

/**
 * Verifies the bearer token (RS256, issuer, audience, expiry) against the issuer's JWKS.
 * Auth0 and tools/dev-auth differ only in `issuerBaseURL`.
 */
export function verifyAccessToken(settings: AuthSettings): RequestHandler {
  return auth({
    issuerBaseURL: settings.issuerBaseURL,
    audience: settings.audience,
    tokenSigningAlg: 'RS256',
    timeoutDuration: 3000,
  });
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

/** For machine-to-machine routes: the token must carry `scope`. */
export function requireScope(scope: string): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    next(
      principal.scopes.includes(scope)
        ? undefined
        : problems.forbidden(`This call needs the scope ${scope}.`),
    );
  };
}

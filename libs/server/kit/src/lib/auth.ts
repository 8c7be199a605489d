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

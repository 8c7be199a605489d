import { Router, type Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { AccountStore } from './accounts';
import { MembershipsUnavailableError, type MembershipSource } from './memberships';
import { showroomClaims } from './token-claims';

export interface UserinfoDeps {
  issuer: string;
  publicKeys: JWK[];
  accounts: AccountStore;
  memberships: MembershipSource;
}

/**
 * Auth0 answers /userinfo for its API access tokens (their `aud` includes `<issuer>userinfo`);
 * oidc-provider refuses any token with an audience. JWTs are answered here, everything else
 * (opaque tokens) goes on to oidc-provider.
 */
export function userinfoRouter(deps: UserinfoDeps): Router {
  const router = Router();
  const keys = createLocalJWKSet({ keys: deps.publicKeys });

  router.get('/userinfo', async (req, res, next) => {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return next();

    let sub: string;
    let scopes: string[];
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: deps.issuer,
        audience: `${deps.issuer}userinfo`,
        algorithms: ['RS256'],
      });
      sub = payload.sub ?? '';
      scopes = typeof payload['scope'] === 'string' ? payload['scope'].split(' ') : [];
    } catch (err) {
      return invalidToken(res, (err as Error).message);
    }
    const account = deps.accounts.findAccount(sub);
    if (!account || !scopes.includes('openid')) return invalidToken(res, 'token is not valid for userinfo');

    let memberships;
    try {
      memberships = await deps.memberships(account.sub);
    } catch (err) {
      const reason =
        err instanceof MembershipsUnavailableError ? err.message : 'the membership source failed';
      return res.status(503).json({
        error: 'server_error',
        error_description: `Could not read the user's memberships: ${reason}`,
      });
    }
    res.set('Cache-Control', 'no-store').json({
      sub: account.sub,
      ...(scopes.includes('email') ? { email: account.email, email_verified: account.email_verified } : {}),
      ...(scopes.includes('profile') ? { name: account.name } : {}),
      ...showroomClaims(account, memberships),
    });
  });
  return router;
}

function invalidToken(res: Response, description: string): void {
  res
    .status(401)
    .set(
      'WWW-Authenticate',
      `Bearer error="invalid_token", error_description="${description.replace(/["\\]/g, '')}"`,
    )
    .json({ error: 'invalid_token', error_description: description });
}

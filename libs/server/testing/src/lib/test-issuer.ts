import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import {
  API_AUDIENCE,
  EMAIL_CLAIM,
  MEMBERSHIPS_CLAIM,
  NAME_CLAIM,
  type MembershipClaim,
} from '@showroom/contracts';

export interface TestUser {
  sub: string;
  email?: string;
  name?: string;
  memberships: MembershipClaim[];
}

export interface TokenOptions {
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** Sign with a key the issuer never published (a forged token). */
  foreignKey?: boolean;
  extraClaims?: JWTPayload;
}

/**
 * A real OIDC issuer for tests: discovery + JWKS over HTTP on 127.0.0.1, RS256 tokens shaped like
 * Auth0's. Services verify them exactly as they verify Auth0's or dev-auth's.
 */
export interface TestIssuer {
  issuerBaseURL: string;
  tokenFor(user: TestUser, options?: TokenOptions): Promise<string>;
  machineToken(clientId: string, scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  let issuer = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}.well-known/jwks.json` }));
    } else if (req.url === '/.well-known/jwks.json') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  async function sign(payload: JWTPayload, subject: string, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresInSeconds ?? 600;
    return new SignJWT({ ...payload, ...options.extraClaims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? API_AUDIENCE)
      .setIssuedAt(expiresIn < 0 ? now + expiresIn - 60 : now)
      .setExpirationTime(now + expiresIn)
      .sign(options.foreignKey ? foreign.privateKey : privateKey);
  }

  return {
    issuerBaseURL: issuer,
    tokenFor(user, options) {
      return sign(
        {
          [MEMBERSHIPS_CLAIM]: user.memberships,
          [EMAIL_CLAIM]: user.email ?? `${user.sub.replace(/\W/g, '')}@example.test`,
          [NAME_CLAIM]: user.name ?? user.sub,
          scope: 'openid profile email',
        },
        user.sub,
        options,
      );
    },
    machineToken(clientId, scopes) {
      // As Auth0 and dev-auth issue them: the client named in `azp`, the subject `<client>@clients`.
      return sign(
        { scope: scopes.join(' '), gty: 'client-credentials', azp: clientId },
        `${clientId}@clients`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

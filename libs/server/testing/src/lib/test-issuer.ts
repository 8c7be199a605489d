import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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

/** A machine client the issuer grants tokens to at `/oauth/token` (client credentials), as Auth0 does. */
export interface TestMachineClient {
  secret: string;
  scopes: string[];
}

export interface TestIssuerOptions {
  /** Clients by id; without any, `/oauth/token` does not exist (404), as before. */
  clients?: Record<string, TestMachineClient>;
}

/**
 * A real OIDC issuer for tests: discovery + JWKS over HTTP on 127.0.0.1, RS256 tokens shaped like
 * Auth0's. Services verify them exactly as they verify Auth0's or dev-auth's. Given `clients`, it
 * also answers the client-credentials grant, so a service's own machine tokens come from it.
 */
export interface TestIssuer {
  issuerBaseURL: string;
  tokenFor(user: TestUser, options?: TokenOptions): Promise<string>;
  machineToken(clientId: string, scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(options: TestIssuerOptions = {}): Promise<TestIssuer> {
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
    } else if (req.method === 'POST' && req.url === '/oauth/token' && options.clients) {
      void grantClientCredentials(req, res, options.clients);
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

  /** Auth0's answer to a client-credentials request: a token with the client's scopes, or 401. */
  async function grantClientCredentials(
    req: IncomingMessage,
    res: ServerResponse,
    clients: Record<string, TestMachineClient>,
  ): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    let form: URLSearchParams;
    try {
      form = (req.headers['content-type'] ?? '').includes('json')
        ? new URLSearchParams(JSON.parse(raw || '{}') as Record<string, string>)
        : new URLSearchParams(raw);
    } catch {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'invalid_request' }));
      return;
    }
    const client = clients[form.get('client_id') ?? ''];
    if (form.get('grant_type') !== 'client_credentials' || client?.secret !== form.get('client_secret')) {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 'access_denied', error_description: 'Unauthorized' }));
      return;
    }
    const clientId = form.get('client_id') as string;
    const expiresIn = 600;
    const token = await sign(
      { scope: client.scopes.join(' '), gty: 'client-credentials', azp: clientId },
      `${clientId}@clients`,
      { audience: form.get('audience') ?? API_AUDIENCE, expiresInSeconds: expiresIn },
    );
    res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }));
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

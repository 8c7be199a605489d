import { API_AUDIENCE } from '@showroom/contracts';

/** A source of bearer tokens for calls to other services. */
export interface ServiceTokens {
  token(): Promise<string>;
}

export interface ClientCredentials {
  issuerBaseURL: string;
  clientId: string;
  clientSecret: string;
  audience?: string;
}

/** The machine-client variables every service that calls another reads. */
export interface MachineClientConfig {
  AUTH_ISSUER_BASE_URL: string;
  AUTH_CLIENT_ID: string;
  AUTH_CLIENT_SECRET: string;
  AUTH_AUDIENCE: string;
}

/** The service's own machine tokens, from its configured client (Auth0 M2M application, or dev-auth's). */
export function serviceTokensFrom(config: MachineClientConfig): ClientCredentialsTokens {
  return new ClientCredentialsTokens({
    issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
    clientId: config.AUTH_CLIENT_ID,
    clientSecret: config.AUTH_CLIENT_SECRET,
    audience: config.AUTH_AUDIENCE,
  });
}

/**
 * Client-credentials tokens from Auth0 (or dev-auth), kept until a minute before they expire:
 * Auth0 bills and rate-limits machine tokens, so each instance asks rarely.
 */
export class ClientCredentialsTokens implements ServiceTokens {
  private current: { token: string; until: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.current && this.current.until > this.now()) return this.current.token;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const url = new URL('oauth/token', this.credentials.issuerBaseURL.replace(/\/?$/, '/'));
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        audience: this.credentials.audience ?? API_AUDIENCE,
      }),
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('token endpoint sent no access_token');
    const lifetimeMs = (body.expires_in ?? 300) * 1000;
    this.current = {
      token: body.access_token,
      until: this.now() + Math.max(lifetimeMs - 60_000, lifetimeMs / 2),
    };
    return body.access_token;
  }
}

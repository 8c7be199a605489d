import { z } from 'zod';

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  scope: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long before expiry a cached token is replaced. */
  refreshMarginSeconds?: number;
  timeoutMs?: number;
}

export interface MachineTokenSource {
  (): Promise<string>;
  /** Drops the cached token, e.g. after the API refused it. */
  invalidate(): void;
}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

/**
 * A client-credentials access token, fetched the way an Auth0 Action or any M2M client would,
 * cached until shortly before it expires. Concurrent callers share one request.
 */
export function clientCredentialsToken(options: ClientCredentialsOptions): MachineTokenSource {
  const { fetch: fetchImpl = fetch, now = Date.now, refreshMarginSeconds = 60, timeoutMs = 5000 } = options;
  let cached: { value: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function request(): Promise<string> {
    const response = await fetchImpl(options.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        audience: options.audience,
        scope: options.scope,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = TokenResponseSchema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new Error(
        `token request for ${options.clientId} failed with HTTP ${response.status}: ${JSON.stringify(body)}`,
      );
    }
    const lifetime = Math.max(parsed.data.expires_in - refreshMarginSeconds, 0);
    cached = { value: parsed.data.access_token, renewAt: now() + lifetime * 1000 };
    return parsed.data.access_token;
  }

  const source = async (): Promise<string> => {
    if (cached && now() < cached.renewAt) return cached.value;
    pending ??= request().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  return Object.assign(source, {
    invalidate() {
      cached = undefined;
    },
  });
}

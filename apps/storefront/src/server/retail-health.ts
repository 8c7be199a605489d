const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Whether the retail API (RETAIL_API_URL) answers its liveness probe. Not critical: without it a
 * car's page renders without the payment estimate, so the storefront is degraded, not unavailable.
 */
export async function pingRetail(apiUrl: string): Promise<void> {
  const response = await fetch(`${apiUrl.replace(/\/+$/, '')}/healthz`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`retail /healthz answered ${response.status}`);
}

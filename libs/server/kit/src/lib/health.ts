import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  /** A critical dependency down makes the service not ready (503); a non-critical one only degrades it. */
  critical: boolean;
  check(): Promise<void>;
}

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; critical: boolean; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runReadinessChecks(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        await withTimeout(c.check(), CHECK_TIMEOUT_MS);
        return [c.name, { status: 'up' as const, critical: c.critical }] as const;
      } catch (error) {
        return [
          c.name,
          { status: 'down' as const, critical: c.critical, error: (error as Error).message },
        ] as const;
      }
    }),
  );
  const checksReport = Object.fromEntries(results);
  const down = results.filter(([, r]) => r.status === 'down');
  const status = down.some(([, r]) => r.critical) ? 'unavailable' : down.length > 0 ? 'degraded' : 'ready';
  return { status, checks: checksReport };
}

/**
 * `/healthz`: the process answers. `/readyz`: it can serve traffic (critical dependencies up).
 * Both also answer under `/api/<service>/`, so checks from outside (Route 53 through CloudFront
 * and the ALB's path routing) reach the same probes.
 */
export function healthRoutes(
  service: string,
  checks: ReadinessCheck[],
  isShuttingDown: () => boolean,
): Router {
  const router = Router();
  router.get(['/healthz', `/api/${service}/healthz`], (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get(['/readyz', `/api/${service}/readyz`], async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', checks: {}, reason: 'shutting down' });
      return;
    }
    const report = await runReadinessChecks(checks);
    res.status(report.status === 'unavailable' ? 503 : 200).json(report);
  });
  return router;
}

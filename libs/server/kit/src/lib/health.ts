import { Router } from 'express';
import type { Logger } from 'pino';

export interface ReadinessCheck {
  name: string;
  /** A critical dependency down makes the service not ready (503); a non-critical one only degrades it. */
  critical: boolean;
  check(): Promise<void>;
}

/** What /readyz answers anyone: up or down per dependency, never why (that goes to the log). */
export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; critical: boolean }>;
}

/** A dependency that did not answer, and what it said. */
export interface ReadinessFailure {
  name: string;
  critical: boolean;
  error: string;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runReadinessChecks(
  checks: ReadinessCheck[],
): Promise<{ report: ReadinessReport; failures: ReadinessFailure[] }> {
  const failures: ReadinessFailure[] = [];
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        await withTimeout(c.check(), CHECK_TIMEOUT_MS);
        return [c.name, { status: 'up' as const, critical: c.critical }] as const;
      } catch (error) {
        failures.push({ name: c.name, critical: c.critical, error: (error as Error).message });
        return [c.name, { status: 'down' as const, critical: c.critical }] as const;
      }
    }),
  );
  const status = failures.some((f) => f.critical)
    ? 'unavailable'
    : failures.length > 0
      ? 'degraded'
      : 'ready';
  return { report: { status, checks: Object.fromEntries(results) }, failures };
}

/**
 * `/healthz`: the process answers. `/readyz`: it can serve traffic (critical dependencies up).
 * Both also answer under `/api/<service>/`, so checks from outside (Route 53 through CloudFront
 * and the ALB's path routing) reach the same probes.
 */
export function healthRoutes(
  service: string,
  checks: ReadinessCheck[],
  logger: Logger,
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
    const { report, failures } = await runReadinessChecks(checks);
    if (failures.length > 0)
      logger.warn({ failures }, `not ready: ${failures.map((f) => f.name).join(', ')} down`);
    res.status(report.status === 'unavailable' ? 503 : 200).json(report);
  });
  return router;
}

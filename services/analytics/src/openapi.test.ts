import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_REPORTS, WRITE_ANALYTICS_EVENTS_SCOPE } from '@showroom/contracts';
import { analyticsRoutes } from './routes';
import { analyticsApp } from './test/analytics-test-app';

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const WEBSITE_PREFIX = '/api/analytics/public/dealerships/:dealershipId/';

/** What the route matrix does not check: how the API is documented for the portal, websites and producers. */
describe('the analytics API document', () => {
  const ctx = analyticsApp();
  const documented = async () => (await request(ctx.app).get('/api/analytics/openapi.json').expect(200)).body;
  const operationOf = (paths: Paths, operationId: string): Operation => {
    const route = analyticsRoutes.find((r) => r.operationId === operationId);
    const operation = route && paths[openApiPath(route.path)]?.[route.method];
    if (!operation) throw new Error(`${operationId} is not documented`);
    return operation;
  };

  it('names the service and its version', async () => {
    const document = await documented();
    expect(document.info.title).toBe('Showroom analytics API');
    expect(document.info.version).toBe(ctx.config.APP_VERSION);
  });

  it('has one report route per report the dashboard shows, each for people who may read analytics', () => {
    const reports = analyticsRoutes.filter((r) => r.path.startsWith('/api/analytics/reports/'));
    expect(reports.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      ANALYTICS_REPORTS.map((name) => `get /api/analytics/reports/${name}`).sort(),
    );
    const readers = Object.fromEntries(
      reports.map((r) => [
        r.path.split('/').at(-1),
        r.caller.kind === 'user' ? r.caller.permission : r.caller.kind,
      ]),
    );
    // What the dealership spends is not a salesperson's own figure: only those who read everyone's.
    expect(readers).toEqual({
      ...Object.fromEntries(ANALYTICS_REPORTS.map((name) => [name, 'analytics:read'])),
      'source-costs': 'analytics:read-all',
    });
  });

  it('takes business events only from producer services with the ingest scope', () => {
    const internal = analyticsRoutes.filter((r) => r.path.startsWith('/internal/'));
    expect(internal.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([
      'POST /internal/analytics/events',
    ]);
    expect(internal[0]?.caller).toEqual({ kind: 'machine', scope: WRITE_ANALYTICS_EVENTS_SCOPE });
  });

  it('every public route is a dealership website’s, documented without a token, answering 403, 404 and 429 with problems', async () => {
    const publicRoutes = analyticsRoutes.filter((r) => r.caller.kind === 'public');
    expect(publicRoutes.length).toBeGreaterThan(0);
    const paths = (await documented()).paths as Paths;
    for (const route of publicRoutes) {
      expect(route.path.startsWith(WEBSITE_PREFIX), route.path).toBe(true);
      const operation = operationOf(paths, route.operationId);
      expect(operation.security, route.operationId).toEqual([]);
      for (const status of ['403', '404', '429']) {
        expect(
          Object.keys(operation.responses[status]?.content ?? {}),
          `${route.operationId} ${status}`,
        ).toEqual(['application/problem+json']);
      }
    }
  });

  it('documents every portal route behind a person’s token acting for a dealership', async () => {
    const document = await documented();
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const paths = document.paths as Paths;
    const portalRoutes = analyticsRoutes.filter((r) => r.caller.kind === 'user');
    expect(portalRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of portalRoutes) {
      const operation = operationOf(paths, route.operationId);
      expect(operation.security, route.operationId).toBeUndefined();
      expect(
        (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'X-Dealership-Id'),
        route.operationId,
      ).toBe(true);
    }
  });
});

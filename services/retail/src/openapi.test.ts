import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEAL_ACCESS_HEADER } from '@showroom/contracts';
import { retailRoutes } from './routes';
import { retailAppOnDemo } from './test/retail-test-app';

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** What the route matrix does not check: how the shopper-facing API is documented for websites. */
describe('the retail API document', () => {
  const ctx = retailAppOnDemo();
  const documented = async () => (await request(ctx.app).get('/api/retail/openapi.json').expect(200)).body;
  const operationOf = (paths: Paths, operationId: string): Operation => {
    const route = retailRoutes.find((r) => r.operationId === operationId);
    const operation = route && paths[openApiPath(route.path)]?.[route.method];
    if (!operation) throw new Error(`${operationId} is not documented`);
    return operation;
  };

  it('names the service and its version', async () => {
    const document = await documented();
    expect(document.info.title).toBe('Showroom retail API');
    expect(document.info.version).toBe(ctx.config.APP_VERSION);
  });

  it('documents every website route without a token, answering 403, 404 and 429 with problems', async () => {
    const paths = (await documented()).paths as Paths;
    const websiteRoutes = retailRoutes.filter(
      (r) => r.caller.kind === 'public' && r.path.startsWith('/api/retail/public/dealerships/:dealershipId/'),
    );
    expect(websiteRoutes.length).toBeGreaterThan(0);
    for (const route of websiteRoutes) {
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

  it('every public route is a website route but the payment provider’s webhook', () => {
    const others = retailRoutes.filter(
      (r) =>
        r.caller.kind === 'public' && !r.path.startsWith('/api/retail/public/dealerships/:dealershipId/'),
    );
    expect(others.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([
      'POST /api/retail/webhooks/payments',
    ]);
  });

  it('documents the deal access header on the shopper’s deal routes', async () => {
    const paths = (await documented()).paths as Paths;
    const dealRoutes = retailRoutes.filter(
      (r) => r.caller.kind === 'public' && r.path.includes('/deals/:dealId'),
    );
    for (const route of dealRoutes) {
      const headers = (operationOf(paths, route.operationId).parameters ?? [])
        .filter((p) => p.in === 'header')
        .map((p) => p.name.toLowerCase());
      expect(headers, route.operationId).toContain(DEAL_ACCESS_HEADER);
    }
  });

  it('documents every portal route behind a person’s token acting for a dealership', async () => {
    const document = await documented();
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const paths = document.paths as Paths;
    for (const route of retailRoutes.filter((r) => r.caller.kind === 'user')) {
      const operation = operationOf(paths, route.operationId);
      expect(operation.security, route.operationId).toBeUndefined();
      expect(
        (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'X-Dealership-Id'),
        route.operationId,
      ).toBe(true);
    }
  });
});

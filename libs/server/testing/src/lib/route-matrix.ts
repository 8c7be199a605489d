import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ROLES, roleHasPermission, type Role } from '@showroom/contracts';
import { pathParamsOf, type Route } from '@showroom/server-kit';
import { startForTheseTests } from './for-these-tests';
import { redoclyLint, servedRoutes } from './openapi-checks';
import type { TestIssuer } from './test-issuer';

/** One valid request for a route, as a caller acting for some dealership would send it. */
export interface ExampleRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** When the body is not JSON (e.g. ADF/XML). */
  contentType?: string;
  /** A multipart/form-data body of these files (instead of `body`). */
  files?: { field: string; name: string; bytes: Buffer }[];
  headers?: Record<string, string>;
}

export interface RouteExample<C> {
  /**
   * A valid request for a caller of `dealershipId`, creating there whatever it names (a vehicle,
   * a member). Called afresh for each case, so bodies and records are never reused.
   */
  request(ctx: C, dealershipId: string): Promise<ExampleRequest> | ExampleRequest;
  /**
   * Routes of people with path parameters must say whether these name a record of the
   * dealership: then a member of another dealership must get 404 for it.
   */
  namesRecord?: boolean;
}

export interface MatrixContext {
  app: Express;
  issuer: TestIssuer;
  close(): Promise<void>;
}

export interface RouteMatrixOptions<C extends MatrixContext> {
  service: string;
  routes: readonly Route<never>[];
  /** The service as main.ts wires it. */
  start(): Promise<C>;
  /** A new dealership that exists as far as the service needs (default: a fresh UUID). */
  newDealership?(ctx: C): Promise<string>;
  /** A valid example request of every route, by operationId. */
  examples: Record<string, RouteExample<C>>;
  /** A client on the service's MACHINE_CLIENT_IDS (default showroom-services). */
  machineClient?: string;
}

interface Call {
  token?: string;
  dealershipId?: string;
}

interface OpenApiPaths {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

/** The kit's own routes (probes, the document) and CORS preflights are not operations of the table. */
const kitRoute = (service: string, route: string) =>
  route.startsWith('OPTIONS ') ||
  new RegExp(`^GET /(healthz|readyz|api/${service}/(healthz|readyz|openapi\\.json))$`).test(route);

type Case<C> = [label: string, run: (ctx: C, example: RouteExample<C>) => Promise<void>];

const userToken = (issuer: TestIssuer, role: Role, dealershipId: string, scope?: string) =>
  issuer.tokenFor(
    { sub: `auth0|matrix-${role}-${randomUUID()}`, memberships: [{ dealershipId, role }] },
    scope ? { extraClaims: { scope: `openid profile email ${scope}` } } : undefined,
  );

/**
 * Generates, for every route of a service's table, the tests of who may call it: 401 without a
 * token, 403 for each role lacking the permission, 403 for a forged X-Dealership-Id, 404 for
 * another dealership's record; for machine routes 401 without a token, 403 for a user token
 * (even one carrying the scope) and 403 for a client off the allow-list. Each route's example is
 * also sent by a caller who may, who must get a 2xx. A route without an example fails. And the app
 * serves exactly the table, documented under its operationIds, passing Redocly's recommended lint.
 */
export function describeRouteMatrix<C extends MatrixContext>(options: RouteMatrixOptions<C>): void {
  const newDealership = options.newDealership ?? (async () => randomUUID());
  const machineClient = options.machineClient ?? 'showroom-services';

  describe(`${options.service}: every declared route refuses the callers it must`, () => {
    const ctx = startForTheseTests(options.start);

    it('has no example without a route', () => {
      const ids = new Set(options.routes.map((r) => r.operationId));
      expect(Object.keys(options.examples).filter((id) => !ids.has(id))).toEqual([]);
    });

    describe('the served routes and the OpenAPI document are the table', () => {
      const declared = (path: (r: Route<never>) => string) =>
        options.routes.map((r) => `${r.operationId} ${r.method.toUpperCase()} ${path(r)}`).sort();
      const documentOf = async () =>
        (await request(ctx.app).get(`/api/${options.service}/openapi.json`)).body as OpenApiPaths;

      it('serves every declared route, and no route undeclared', () => {
        const served = servedRoutes(ctx.app).filter((r) => !kitRoute(options.service, r));
        const byPath = new Map(
          options.routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.operationId]),
        );
        expect(served.map((r) => `${byPath.get(r) ?? 'UNDECLARED'} ${r}`).sort()).toEqual(
          declared((r) => r.path),
        );
      });

      it('documents every declared route under its operationId, and nothing else', async () => {
        const documented = Object.entries((await documentOf()).paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(
            ([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`,
          ),
        );
        expect(documented.sort()).toEqual(declared((r) => r.path.replace(/:(\w+)/g, '{$1}')));
      });

      it('passes Redocly’s recommended lint without an error or a warning', async () => {
        expect(await redoclyLint(await documentOf())).toEqual([]);
      });
    });

    for (const route of options.routes) {
      describe(`${route.operationId} (${route.method.toUpperCase()} ${route.path})`, () => {
        const example = options.examples[route.operationId];
        const fault = !example
          ? `has no example in the ${options.service} matrix: add one`
          : route.caller.kind === 'user' &&
              pathParamsOf(route.path).length > 0 &&
              example.namesRecord === undefined
            ? 'names path parameters: say in its example whether they name a dealership’s record (namesRecord)'
            : undefined;
        if (!example || fault) {
          it('is covered by the matrix', () => {
            throw new Error(`${route.operationId} ${fault}`);
          });
          return;
        }
        for (const [label, run] of casesOf<C>(route, example, newDealership, machineClient)) {
          it(label, () => run(ctx, example));
        }
      });
    }
  });
}

async function send(app: Express, route: Route<never>, example: ExampleRequest, call: Call) {
  let path = route.path;
  for (const name of pathParamsOf(route.path)) {
    const value = example.params?.[name];
    if (value === undefined) throw new Error(`${route.operationId}: the example gives no :${name}`);
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  let req = request(app)
    [route.method](path)
    .query(example.query ?? {})
    .set(example.headers ?? {});
  if (call.token) req = req.auth(call.token, { type: 'bearer' });
  if (call.dealershipId) req = req.set('X-Dealership-Id', call.dealershipId);
  for (const file of example.files ?? []) req = req.attach(file.field, file.bytes, file.name);
  if (example.body === undefined) return req;
  if (example.contentType) req = req.set('Content-Type', example.contentType);
  return req.send(example.body as object);
}

function expectStatus(res: request.Response, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
}

function expectSuccess(res: request.Response): void {
  const answered = `a permitted caller's example answered ${JSON.stringify(res.body)}`;
  expect(res.status, answered).toBeGreaterThanOrEqual(200);
  expect(res.status, answered).toBeLessThan(300);
}

function casesOf<C extends MatrixContext>(
  route: Route<never>,
  example: RouteExample<C>,
  newDealership: (ctx: C) => Promise<string>,
  machineClient: string,
): Case<C>[] {
  const c = route.caller;
  /** Sends the example made for a new dealership, as `call` says (given that dealership). */
  const sendAs =
    (call: (ctx: C, dealershipId: string) => Promise<Call>) => async (ctx: C, ex: RouteExample<C>) => {
      const dealershipId = await newDealership(ctx);
      return send(ctx.app, route, await ex.request(ctx, dealershipId), await call(ctx, dealershipId));
    };
  const noToken = sendAs(async () => ({}));
  /** As a client-credentials token of `client` carrying `scopes`. */
  const machineCall = (client: string, scopes: string[]) =>
    sendAs(async (ctx) => ({ token: await ctx.issuer.machineToken(client, scopes) }));

  switch (c.kind) {
    case 'public':
      return [['answers a caller without a token', async (ctx, ex) => expectSuccess(await noToken(ctx, ex))]];
    case 'ingestKey':
      return [
        ['401 without a key', async (ctx, ex) => expectStatus(await noToken(ctx, ex), 401)],
        [
          '401 for a person’s token in place of the key',
          async (ctx, ex) => {
            const res = await sendAs(async (_, d) => ({ token: await userToken(ctx.issuer, 'owner', d) }))(
              ctx,
              ex,
            );
            expectStatus(res, 401);
          },
        ],
      ];
    case 'signedIn':
      return [
        ['401 without a token', async (ctx, ex) => expectStatus(await noToken(ctx, ex), 401)],
        [
          '403 for a machine token',
          async (ctx, ex) => expectStatus(await machineCall(machineClient, [])(ctx, ex), 403),
        ],
      ];
    case 'machine':
      return [
        ['401 without a token', async (ctx, ex) => expectStatus(await noToken(ctx, ex), 401)],
        [
          `403 for a person’s token, even one carrying ${c.scope}`,
          async (ctx, ex) => {
            const res = await sendAs(async (_, d) => ({
              token: await userToken(ctx.issuer, 'owner', d, c.scope),
            }))(ctx, ex);
            expectStatus(res, 403);
          },
        ],
        [
          `403 for a client off the allow-list, even with ${c.scope}`,
          async (ctx, ex) => expectStatus(await machineCall('unlisted-client', [c.scope])(ctx, ex), 403),
        ],
        [
          `403 for an allowed client without ${c.scope}`,
          async (ctx, ex) => expectStatus(await machineCall(machineClient, [])(ctx, ex), 403),
        ],
        [
          `2xx for ${machineClient} with ${c.scope}`,
          async (ctx, ex) => expectSuccess(await machineCall(machineClient, [c.scope])(ctx, ex)),
        ],
      ];
    case 'user': {
      const as = (role: Role) =>
        sendAs(async (ctx, d) => ({ token: await userToken(ctx.issuer, role, d), dealershipId: d }));
      const lacking = ROLES.filter((role) => !roleHasPermission(role, c.permission));
      const cases: Case<C>[] = [
        ['401 without a token', async (ctx, ex) => expectStatus(await noToken(ctx, ex), 401)],
        ...lacking.map((role): Case<C> => [
          `403 for ${role} (lacks ${c.permission})`,
          async (ctx, ex) => expectStatus(await as(role)(ctx, ex), 403),
        ]),
        [
          '403 for a forged X-Dealership-Id (a member of another dealership)',
          async (ctx, ex) => {
            const other = await newDealership(ctx);
            const res = await sendAs(async (_, d) => ({
              token: await userToken(ctx.issuer, 'owner', other),
              dealershipId: d,
            }))(ctx, ex);
            expectStatus(res, 403);
          },
        ],
        ['2xx for the owner', async (ctx, ex) => expectSuccess(await as('owner')(ctx, ex))],
      ];
      if (example.namesRecord) {
        cases.push([
          '404 for the record of another dealership',
          async (ctx, ex) => {
            const ours = await newDealership(ctx);
            const res = await sendAs(async () => ({
              token: await userToken(ctx.issuer, 'owner', ours),
              dealershipId: ours,
            }))(ctx, ex);
            expectStatus(res, 404);
          },
        ]);
      }
      return cases;
    }
  }
}

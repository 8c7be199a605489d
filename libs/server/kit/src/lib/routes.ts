import { Router, type Request, type RequestHandler, type Response } from 'express';
import { DEALERSHIP_HEADER, type Permission } from '@showroom/contracts';
import type { z } from 'zod';
import { principalOf, requireMachineClient, requireUserToken, type Principal } from './auth';
import { parseOrThrow, problems } from './problem';
import { requireDealership, requirePermission, tenantOf, type Tenant } from './tenancy';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Reads the caller's ingest key from the request; the dealership it belongs to, or null. */
export type IngestKeyResolver<Deps> = (req: Request, deps: Deps) => Promise<string | null>;

export interface PublicCaller {
  kind: 'public';
}
export interface SignedInCaller {
  kind: 'signedIn';
}
export interface UserCaller {
  kind: 'user';
  permission: Permission;
}
export interface MachineCaller {
  kind: 'machine';
  scope: string;
}
export interface IngestKeyCaller<Deps> {
  kind: 'ingestKey';
  resolve: IngestKeyResolver<Deps>;
}

/** Who may call a route. */
export type Caller<Deps> = PublicCaller | SignedInCaller | UserCaller | MachineCaller | IngestKeyCaller<Deps>;

export const caller = {
  /** Anyone, no token. */
  public: (): PublicCaller => ({ kind: 'public' }),
  /** Any signed-in person (a user token), not acting for a dealership. */
  signedIn: (): SignedInCaller => ({ kind: 'signedIn' }),
  /** A person acting for the dealership named by X-Dealership-Id, whose role there grants `permission`. */
  user: (permission: Permission): UserCaller => ({ kind: 'user', permission }),
  /** Another service: a client-credentials token of an allow-listed client (MACHINE_CLIENT_IDS) with `scope`. */
  machine: (scope: string): MachineCaller => ({ kind: 'machine', scope }),
  /** A lead provider with a dealership's ingest key: `resolve` names the key's dealership, or null (401). */
  ingestKey: <Deps>(resolve: IngestKeyResolver<Deps>): IngestKeyCaller<Deps> => ({
    kind: 'ingestKey',
    resolve,
  }),
};

export interface OperationResponse {
  description: string;
  /** JSON body; omit for bodiless answers such as 204. */
  schema?: z.ZodType;
  headers?: string[];
}

export interface MultipartFiles {
  /** The form field the files come in. */
  field: string;
  description: string;
  maxFiles: number;
}

export interface HeaderDoc {
  name: string;
  required: boolean;
  description: string;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler is given: the parsed request, and who is calling. */
export interface RouteInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** `user` routes: the dealership acted for and the caller's role there. */
  tenant: Tenant;
  /** `user`, `signedIn` and `machine` routes: who the token names. */
  principal: Principal;
  /** `user` routes: the tenant's dealership; `ingestKey` routes: the key's dealership. */
  dealershipId: string;
  req: Request;
  res: Response;
}

/**
 * One route, declared once: the router, the OpenAPI document and the test matrices come from it.
 * `handler` answers by returning a value (sent as JSON, 200; a Buffer is sent as JSON bytes) or by
 * writing to `res` itself and returning nothing.
 */
export interface RouteDeclaration<Deps, P = undefined, Q = undefined, B = undefined> {
  /** Stable, camelCase: generated clients name their methods after it. */
  operationId: string;
  method: HttpMethod;
  /** Express-style path (`/api/inventory/vehicles/:id`); every `:param` is a key of `params`. */
  path: string;
  summary: string;
  tag: string;
  caller: Caller<Deps>;
  params?: P;
  query?: Q;
  body?: B;
  /** Media types the body may come as, when not JSON (e.g. ADF/XML). */
  bodyMediaTypes?: string[];
  /**
   * A multipart/form-data body of files, which the handler streams from `req` itself (nothing parses
   * it before); documented as binary files in `field`. Excludes `body`.
   */
  files?: MultipartFiles;
  /** Request headers worth documenting besides Authorization and X-Dealership-Id (e.g. If-Match). */
  headers?: HeaderDoc[];
  responses: Record<number, OperationResponse>;
  /** Problem answers (status → description), all application/problem+json. 401/403 are added from `caller`. */
  problems?: Record<number, string>;
  /** Run after the caller is accepted and before parsing: body parsers, rate limits. */
  middleware?: (deps: Deps) => RequestHandler[];
  handler: (input: RouteInput<P, Q, B>, deps: Deps) => unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Route<Deps> = RouteDeclaration<Deps, any, any, any>;

/**
 * Declares routes of a service whose handlers receive `Deps`:
 * `const route = routeFor<VehicleDeps>(); export const vehicleRoutes = [route({...}), ...];`
 * Each declaration keeps its own schema types, so handlers see typed params, query and body.
 */
export function routeFor<Deps>() {
  return <
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
  >(
    declaration: RouteDeclaration<Deps, P, Q, B>,
  ): Route<Deps> => declaration as Route<Deps>;
}

/** Path parameter names of an Express path, in order. */
export const pathParamsOf = (path: string): string[] =>
  [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

/** Refuses a table that could not be served or documented as declared; names each fault. */
export function checkRouteTable(routes: readonly Route<never>[]): void {
  const faults: string[] = [];
  const paths = new Set<string>();
  const ids = new Set<string>();
  for (const route of routes) {
    const name = `${route.method.toUpperCase()} ${route.path}`;
    const key = `${route.method} ${route.path.replace(/:\w+/g, ':')}`;
    if (paths.has(key)) faults.push(`${name} is declared twice`);
    if (ids.has(route.operationId)) faults.push(`${name}: operationId ${route.operationId} is used twice`);
    if (!/^[a-z][A-Za-z0-9]*$/.test(route.operationId)) faults.push(`${name}: operationId must be camelCase`);
    if (route.files && route.body) faults.push(`${name}: a multipart body of files has no JSON body`);
    paths.add(key);
    ids.add(route.operationId);
    const declared = Object.keys((route.params as z.ZodObject | undefined)?.shape ?? {}).sort();
    const inPath = pathParamsOf(route.path).sort();
    if (declared.join() !== inPath.join()) {
      faults.push(`${name}: params [${declared.join(', ')}] do not match the path's [${inPath.join(', ')}]`);
    }
  }
  if (faults.length) throw new Error(`Invalid route table:\n${faults.map((f) => `  - ${f}`).join('\n')}`);
}

export interface RouterOptions {
  /** Verifies the bearer token (see verifyAccessToken). */
  authenticate: RequestHandler;
  /** Client ids whose client-credentials tokens machine routes accept (MACHINE_CLIENT_IDS). */
  machineClients: readonly string[];
  /** Where a handler's reads go: see ReadConsistency. */
  reads?: ReadConsistency;
}

/**
 * Read-your-writes around each handler (@showroom/server-mysql's ReadYourWrites): a request that
 * writes marks its user and dealership (an anonymous one marks nothing: consistencyOf), and their
 * reads go to the primary until a replica holds the write.
 */
export interface ReadConsistency {
  around<T>(request: { keys: readonly string[]; writes: boolean }, work: () => Promise<T>): Promise<T>;
}

/** The keys ReadConsistency remembers writers by. */
export const readKeys = {
  user: (userId: string) => `user:${userId}`,
  dealership: (dealershipId: string) => `dealership:${dealershipId.toLowerCase()}`,
};

/** Whose recent writes a request must see: its signed-in caller and the dealership it names. */
export function readKeysOf(req: Request): string[] {
  const keys: string[] = [];
  const subject = req.auth?.payload.sub;
  if (subject) keys.push(readKeys.user(subject));
  const named = req.get(DEALERSHIP_HEADER) ?? req.params['dealershipId'];
  const dealershipId = typeof named === 'string' ? named : undefined;
  if (dealershipId) keys.push(readKeys.dealership(dealershipId));
  return keys;
}

/**
 * What a request marks and must see. An anonymous write (a shopper's website form) marks nothing:
 * nobody reads their own write back through it, and marks anyone can make, at the rate leads
 * arrive, would keep a busy dealership's reads on the primary, the load replicas are there to take
 * (ADR 0014). Its dealership's staff see it once a replica holds it, within the rotation's bound.
 */
export function consistencyOf(
  route: Pick<Route<never>, 'method' | 'caller'>,
  req: Request,
): { keys: string[]; writes: boolean } {
  const writes = route.method !== 'get';
  return { keys: writes && route.caller.kind === 'public' ? [] : readKeysOf(req), writes };
}

function callerChecks<Deps>(route: Route<Deps>, deps: Deps, options: RouterOptions): RequestHandler[] {
  const c = route.caller;
  switch (c.kind) {
    case 'public':
      return [];
    case 'signedIn':
      return [options.authenticate, requireUserToken()];
    case 'user':
      return [options.authenticate, requireDealership(), requirePermission(c.permission)];
    case 'machine':
      return [options.authenticate, requireMachineClient(c.scope, options.machineClients)];
    case 'ingestKey':
      return [
        async (req, _res, next) => {
          const dealershipId = await c.resolve(req, deps);
          if (!dealershipId) {
            return next(
              problems.unauthorized('Send the dealership’s ingest key as Authorization: Bearer <key>.'),
            );
          }
          (req as Request & { [INGEST_DEALERSHIP]?: string })[INGEST_DEALERSHIP] = dealershipId;
          next();
        },
      ];
  }
}

const INGEST_DEALERSHIP = Symbol('showroom.ingestDealership');

function inputOf(route: Route<unknown>, req: Request, res: Response): RouteInput<unknown, unknown, unknown> {
  const params = route.params ? parseOrThrow(route.params, req.params) : undefined;
  const query = route.query ? parseOrThrow(route.query, req.query, 'query') : undefined;
  const body = route.body ? parseOrThrow(route.body, req.body ?? undefined, 'body') : undefined;
  return {
    params,
    query,
    body,
    req,
    res,
    get tenant() {
      return tenantOf(req);
    },
    get principal() {
      return principalOf(req);
    },
    get dealershipId() {
      const fromKey = (req as Request & { [INGEST_DEALERSHIP]?: string })[INGEST_DEALERSHIP];
      return fromKey ?? tenantOf(req).dealershipId;
    },
  };
}

/** Whether a route is reached from other origins than the portal's and brings its own parsing. */
export const isEdgeRoute = (route: Route<never>): boolean =>
  route.caller.kind === 'public' || route.caller.kind === 'ingestKey';

/** The Express router of a table: for each route auth → tenancy → permission → middleware → parse → handler. */
export function routerOf<Deps>(routes: readonly Route<Deps>[], deps: Deps, options: RouterOptions): Router {
  checkRouteTable(routes as readonly Route<never>[]);
  const router = Router();
  for (const route of routes) {
    const work = (req: Request, res: Response) => async () =>
      route.handler(inputOf(route as Route<unknown>, req, res), deps);
    const handle: RequestHandler = async (req, res) => {
      const result = await (options.reads
        ? options.reads.around(consistencyOf(route, req), work(req, res))
        : work(req, res)());
      if (result === undefined || res.headersSent) return;
      if (Buffer.isBuffer(result)) res.type('application/json').send(result);
      else res.json(result);
    };
    router[route.method](
      route.path,
      ...callerChecks(route, deps, options),
      ...(route.middleware?.(deps) ?? []),
      handle,
    );
  }
  return router;
}

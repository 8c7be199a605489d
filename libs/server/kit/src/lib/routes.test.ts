import express, { type RequestHandler } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MEMBERSHIPS_CLAIM } from '@showroom/contracts';
import { errorHandler } from './errors';
import { OpenApiDocument } from './openapi';
import { problems } from './problem';
import { caller, checkRouteTable, routeFor, routerOf, type ReadConsistency, type Route } from './routes';

const OURS = '6f1c2a4e-1b7d-4c59-9a0e-2f3b4c5d6e7f';
const THEIRS = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';

/** Stands in for the JWT check: the bearer "token" is the payload itself, as JSON. */
const fakeAuthenticate: RequestHandler = (req, _res, next) => {
  const header = req.get('authorization');
  if (!header) return next(problems.unauthorized('A valid bearer token is required.'));
  req.auth = { payload: JSON.parse(header.slice('Bearer '.length)), header: { alg: 'RS256' }, token: 'x' };
  next();
};
const userToken = (role: string, dealershipId = OURS, scope = 'openid') =>
  JSON.stringify({ sub: 'auth0|someone', scope, [MEMBERSHIPS_CLAIM]: [{ dealershipId, role }] });
const machineToken = (claims: Record<string, string>) =>
  JSON.stringify({ sub: 'svc@clients', gty: 'client-credentials', ...claims });

interface Deps {
  calls: string[];
  keys: Map<string, string>;
}
const route = routeFor<Deps>();
const routes: Route<Deps>[] = [
  route({
    operationId: 'renameThing',
    method: 'patch',
    path: '/api/probe/things/:id',
    tag: 'things',
    summary: 'Rename a thing',
    caller: caller.user('inventory:write'),
    params: z.object({ id: z.uuid() }),
    body: z.strictObject({ name: z.string().min(1) }),
    responses: { 200: { description: 'Renamed' } },
    handler: ({ dealershipId, params, body }, { calls }) => {
      calls.push(`rename ${params.id} ${body.name}`);
      return { dealershipId, id: params.id, name: body.name };
    },
  }),
  route({
    operationId: 'listThingsForService',
    method: 'get',
    path: '/api/probe/internal/things',
    tag: 'services',
    summary: 'Things for another service',
    caller: caller.machine('read:things'),
    responses: { 200: { description: 'Things' } },
    handler: () => ({ items: [] }),
  }),
  route({
    operationId: 'ingestThing',
    method: 'post',
    path: '/api/probe/ingest',
    tag: 'ingest',
    summary: 'A thing from a provider',
    caller: caller.ingestKey<Deps>(async (req, { keys }) => keys.get(req.get('authorization') ?? '') ?? null),
    middleware: () => [express.text({ type: () => true })],
    body: z.string().min(1),
    bodyMediaTypes: ['application/xml'],
    responses: { 201: { description: 'Stored' } },
    handler: ({ dealershipId, body, res }) => void res.status(201).json({ dealershipId, bytes: body.length }),
  }),
  route({
    operationId: 'probeStatus',
    method: 'get',
    path: '/api/probe/status',
    tag: 'probe',
    summary: 'Anyone may ask',
    caller: caller.public(),
    responses: { 200: { description: 'Fine' } },
    handler: () => ({ ok: true }),
  }),
  route({
    operationId: 'uploadThingPictures',
    method: 'post',
    path: '/api/probe/things/:id/pictures',
    tag: 'things',
    summary: 'Pictures of a thing, streamed by the handler',
    caller: caller.user('inventory:write'),
    params: z.object({ id: z.uuid() }),
    files: { field: 'pictures', description: 'Images', maxFiles: 3 },
    responses: { 201: { description: 'Stored' } },
    handler: async ({ req, res }) => {
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      res.status(201).json({ type: req.get('content-type')?.split(';')[0], bytes });
    },
  }),
];

function app() {
  const deps: Deps = { calls: [], keys: new Map([['Bearer srk_ours', OURS]]) };
  const served = express()
    .use(express.json())
    .use(routerOf(routes, deps, { authenticate: fakeAuthenticate, machineClients: ['showroom-services'] }))
    .use(errorHandler(pino({ level: 'silent' })));
  return { served, deps };
}

describe('a user route: auth, then tenancy, then permission, then parsing, then the handler', () => {
  const rename = (served: express.Express, token: string | undefined, dealershipId: string, body: object) => {
    const req = request(served).patch(`/api/probe/things/${OURS}`).set('X-Dealership-Id', dealershipId);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  it('refuses each wrong caller before reading the body, and never reaches the handler', async () => {
    const { served, deps } = app();
    const bad = { name: '' };
    expect((await rename(served, undefined, OURS, bad)).status).toBe(401);
    expect((await rename(served, userToken('owner', THEIRS), OURS, bad)).status).toBe(403);
    expect((await rename(served, userToken('viewer'), OURS, bad)).status).toBe(403);
    const invalid = await rename(served, userToken('sales'), OURS, bad);
    expect(invalid.status).toBe(400);
    expect(invalid.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.name']);
    expect(deps.calls).toEqual([]);
  });

  it('gives the handler the parsed request and the tenant’s dealership', async () => {
    const { served, deps } = app();
    const res = await rename(served, userToken('sales'), OURS.toUpperCase(), { name: 'Blue' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dealershipId: OURS, id: OURS, name: 'Blue' });
    expect(deps.calls).toEqual([`rename ${OURS} Blue`]);
  });
});

describe('a machine route: only an allow-listed client’s client-credentials token with the scope', () => {
  const ask = (token: string) =>
    request(app().served).get('/api/probe/internal/things').set('Authorization', `Bearer ${token}`);

  it('refuses a person’s token even when it carries the scope', async () => {
    const res = await ask(userToken('owner', OURS, 'openid read:things'));
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('This call is for services, not for people.');
  });

  it('refuses a client that is not on the allow-list, and a token that only claims to be a client', async () => {
    expect((await ask(machineToken({ azp: 'someone-else', scope: 'read:things' }))).status).toBe(403);
    expect((await ask(machineToken({ scope: 'read:things' }))).status).toBe(403);
    const noGrant = JSON.stringify({ sub: 'x', azp: 'showroom-services', scope: 'read:things' });
    expect((await ask(noGrant)).status).toBe(403);
  });

  it('refuses an allowed client without the scope, naming it', async () => {
    const res = await ask(machineToken({ azp: 'showroom-services', scope: 'read:other' }));
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('read:things');
  });

  it('accepts an allowed client with the scope, named by azp or client_id', async () => {
    expect((await ask(machineToken({ azp: 'showroom-services', scope: 'read:things' }))).status).toBe(200);
    expect((await ask(machineToken({ client_id: 'showroom-services', scope: 'read:things' }))).status).toBe(
      200,
    );
  });
});

describe('an ingest-key route and a public route', () => {
  it('asks the service’s resolver for the key’s dealership, and answers 401 without one', async () => {
    const { served } = app();
    const post = (key?: string) => {
      const req = request(served).post('/api/probe/ingest').set('Content-Type', 'application/xml');
      return (key ? req.set('Authorization', key) : req).send('<adf/>');
    };
    expect((await post()).status).toBe(401);
    expect((await post('Bearer srk_wrong')).status).toBe(401);
    const stored = await post('Bearer srk_ours');
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ dealershipId: OURS, bytes: 6 });
  });

  it('lets anyone call a public route', async () => {
    expect((await request(app().served).get('/api/probe/status')).body).toEqual({ ok: true });
  });
});

describe('the route table itself', () => {
  const base = routes[3] as Route<never>;

  it('is refused when an operationId repeats or is not camelCase, or params do not match the path', () => {
    const faults = [
      { ...base, operationId: 'probeStatus', path: '/api/probe/other' },
      { ...base, operationId: 'Probe-Status2', path: '/api/probe/third' },
      { ...base, operationId: 'probeThing', path: '/api/probe/things/:id' },
      { ...base, operationId: 'probeStatusAgain' },
    ];
    expect(() => checkRouteTable([base, ...faults])).toThrow(
      [
        'Invalid route table:',
        '  - GET /api/probe/other: operationId probeStatus is used twice',
        '  - GET /api/probe/third: operationId must be camelCase',
        "  - GET /api/probe/things/:id: params [] do not match the path's [id]",
        '  - GET /api/probe/status is declared twice',
      ].join('\n'),
    );
  });

  it('documents each route with its operationId, its caller’s header, problems and security', () => {
    const info = { service: 'probe', title: 'Probe', version: '1', description: 'Probe' };
    const document = OpenApiDocument.of(info, routes as Route<never>[]).toJSON() as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const rename = document.paths['/api/probe/things/{id}']?.['patch'];
    expect(rename?.['operationId']).toBe('renameThing');
    expect((rename?.['parameters'] as Array<{ name: string }>).map((p) => p.name)).toEqual([
      'id',
      'X-Dealership-Id',
    ]);
    expect(Object.keys(rename?.['responses'] as object)).toEqual(['200', '400', '401', '403']);
    expect(document.paths['/api/probe/status']?.['get']?.['security']).toEqual([]);
    expect(document.paths['/api/probe/ingest']?.['post']?.['security']).toEqual([{ ingestKey: [] }]);
    expect(Object.keys(document.paths['/api/probe/ingest']?.['post']?.['requestBody'] as object)).toEqual([
      'required',
      'content',
    ]);
  });

  it('documents a multipart body of files, and hands the handler the unread stream', async () => {
    const info = { service: 'probe', title: 'Probe', version: '1', description: 'Probe' };
    const document = OpenApiDocument.of(info, routes as Route<never>[]).toJSON() as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const upload = document.paths['/api/probe/things/{id}/pictures']?.['post'];
    expect(upload?.['requestBody']).toEqual({
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['pictures'],
            properties: {
              pictures: {
                type: 'array',
                description: 'Images',
                maxItems: 3,
                items: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
              },
            },
          },
        },
      },
    });
    const sent = await request(app().served)
      .post(`/api/probe/things/${OURS}/pictures`)
      .set('Authorization', `Bearer ${userToken('sales')}`)
      .set('X-Dealership-Id', OURS)
      .attach('pictures', Buffer.alloc(1000, 1), 'a.jpg');
    expect(sent.status).toBe(201);
    expect(sent.body.type).toBe('multipart/form-data');
    expect(sent.body.bytes).toBeGreaterThan(1000);
  });

  it('refuses a route with both a JSON body and files', () => {
    const both = route({
      operationId: 'both',
      method: 'post',
      path: '/api/probe/both',
      tag: 'probe',
      summary: 'Both',
      caller: caller.public(),
      body: z.object({}),
      files: { field: 'f', description: 'F', maxFiles: 1 },
      responses: { 201: { description: 'Stored' } },
      handler: () => undefined,
    });
    expect(() => checkRouteTable([both] as Route<never>[])).toThrow(
      'POST /api/probe/both: a multipart body of files has no JSON body',
    );
  });
});

describe('read-your-writes around each handler: what a request marks and must see', () => {
  const formRoutes: Route<Deps>[] = [
    ...routes,
    route({
      operationId: 'submitForm',
      method: 'post',
      path: '/api/probe/public/dealerships/:dealershipId/forms',
      tag: 'probe',
      summary: 'A shopper’s form, no sign-in',
      caller: caller.public(),
      params: z.object({ dealershipId: z.uuid() }),
      responses: { 201: { description: 'Received' } },
      handler: ({ res }) => void res.status(201).json({ ok: true }),
    }),
    route({
      operationId: 'searchPublicThings',
      method: 'get',
      path: '/api/probe/public/dealerships/:dealershipId/things',
      tag: 'probe',
      summary: 'A dealership’s website reads its things',
      caller: caller.public(),
      params: z.object({ dealershipId: z.uuid() }),
      responses: { 200: { description: 'Things' } },
      handler: () => ({ items: [] }),
    }),
  ];
  function recordingApp() {
    const seen: Array<{ keys: readonly string[]; writes: boolean }> = [];
    const reads: ReadConsistency = {
      around: (consistency, work) => {
        seen.push(consistency);
        return work();
      },
    };
    const deps: Deps = { calls: [], keys: new Map() };
    const served = express()
      .use(express.json())
      .use(routerOf(formRoutes, deps, { authenticate: fakeAuthenticate, machineClients: [], reads }))
      .use(errorHandler(pino({ level: 'silent' })));
    return { served, seen };
  }

  it('marks a signed-in write by its user and dealership', async () => {
    const { served, seen } = recordingApp();
    const res = await request(served)
      .patch(`/api/probe/things/${OURS}`)
      .set('X-Dealership-Id', OURS)
      .set('Authorization', `Bearer ${userToken('sales')}`)
      .send({ name: 'Blue' });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ keys: ['user:auth0|someone', `dealership:${OURS}`], writes: true }]);
  });

  it("marks nothing for a shopper's anonymous post, so posts cannot keep the dealership's reads on the primary", async () => {
    const { served, seen } = recordingApp();
    expect((await request(served).post(`/api/probe/public/dealerships/${OURS}/forms`).send({})).status).toBe(
      201,
    );
    expect(seen).toEqual([{ keys: [], writes: true }]);
  });

  it("still sends a website's read to the primary while its dealership's staff wrote lately", async () => {
    const { served, seen } = recordingApp();
    expect((await request(served).get(`/api/probe/public/dealerships/${OURS}/things`)).status).toBe(200);
    expect(seen).toEqual([{ keys: [`dealership:${OURS}`], writes: false }]);
  });
});

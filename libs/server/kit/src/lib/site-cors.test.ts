import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { HttpProblem } from './problem';
import { siteCors, SiteOrigins } from './site-cors';

describe('site origins cache', () => {
  const known = new Map<string, string[]>(
    Array.from({ length: 10 }, (_, i) => [`dealer-${i}`, [`https://www.d${i}.example`]] as const),
  );
  const lookups: string[] = [];
  const lookup = async (id: string) => {
    lookups.push(id);
    return known.get(id) ?? null;
  };

  it('holds at most its size, dropping the least recently used', async () => {
    const origins = new SiteOrigins(lookup, { max: 3 });
    for (const id of known.keys()) await origins.of(id);
    expect(origins.size).toBe(3);
    lookups.length = 0;
    expect(await origins.of('dealer-9')).toEqual(['https://www.d9.example']);
    expect(await origins.of('dealer-0')).toEqual(['https://www.d0.example']);
    expect(lookups).toEqual(['dealer-0']);
  });

  it('keeps no entry for an id no dealership has', async () => {
    const origins = new SiteOrigins(lookup, { max: 3 });
    await origins.of('dealer-1');
    for (let i = 0; i < 50; i++) expect(await origins.of(`made-up-${i}`)).toBeNull();
    expect(origins.size).toBe(1);
    lookups.length = 0;
    await origins.of('dealer-1');
    expect(lookups).toEqual([]);
  });
});

describe('site CORS', () => {
  const dealershipId = '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c01';
  const site = 'https://www.demo-motors.example';
  const origins = { of: async (id: string) => (id === dealershipId ? [site] : null) };

  /** A public route and its preflight behind siteCors, as a service mounts them. */
  function appWith(unknownDealershipIsNotFound: boolean) {
    const cors = siteCors({
      origins,
      methods: ['GET', 'POST'],
      headers: ['Content-Type', 'X-Deal-Access'],
      unknownDealershipIsNotFound,
    });
    const app = express();
    app.options('/dealerships/:dealershipId/things', cors);
    app.post(
      '/dealerships/:dealershipId/things',
      cors,
      (_req, res) => void res.status(201).json({ ok: true }),
    );
    app.use(((error, _req, res, _next) => {
      const problem = error as HttpProblem;
      res.status(problem.status).json({ status: problem.status });
    }) as ErrorRequestHandler);
    return app;
  }
  const path = (id: string) => `/dealerships/${id}/things`;

  it('lets the dealership’s own site call, and tells its preflight the methods and headers allowed', async () => {
    const app = appWith(false);
    const preflight = await request(app)
      .options(path(dealershipId))
      .set('Origin', site)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': site,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'Content-Type, X-Deal-Access',
      vary: 'Origin',
    });
    const call = await request(app).post(path(dealershipId)).set('Origin', site).expect(201);
    expect(call.headers['access-control-allow-origin']).toBe(site);
  });

  it('refuses another site with 403, and gives its preflight nothing', async () => {
    const app = appWith(false);
    await request(app).post(path(dealershipId)).set('Origin', 'https://evil.example').expect(403);
    const preflight = await request(app)
      .options(path(dealershipId))
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a server call without an Origin', async () => {
    await request(appWith(false)).post(path(dealershipId)).expect(201);
  });

  it('answers 404 for an unknown dealership when told to, with or without an Origin; else it is a foreign origin', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await request(appWith(true)).post(path(unknown)).set('Origin', site).expect(404);
    await request(appWith(true)).post(path(unknown)).expect(404);
    await request(appWith(false)).post(path(unknown)).set('Origin', site).expect(403);
    await request(appWith(false)).post(path(unknown)).expect(201);
  });
});

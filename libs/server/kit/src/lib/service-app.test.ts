import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, loadConfig } from './config';
import { caller, routeFor } from './routes';
import { createServiceApp } from './service-app';

function appBehind(hops: string) {
  const config = loadConfig(baseConfigSchema, { TRUST_PROXY_HOPS: hops });
  const route = routeFor<object>();
  const routes = [
    route({
      operationId: 'whoAmI',
      method: 'get',
      path: '/api/probe/ip',
      tag: 'probe',
      summary: 'The address the service takes for the caller',
      caller: caller.public(),
      responses: { 200: { description: 'The address' } },
      handler: ({ req }) => ({ ip: req.ip }),
    }),
  ];
  return createServiceApp({
    config,
    logger: pino({ level: 'silent' }),
    readiness: [],
    api: { info: { service: 'probe', title: 'probe', description: 'probe' }, routes, deps: {} },
  });
}

describe('the client address behind proxies', () => {
  // CloudFront appends the viewer, the ALB appends CloudFront: "<claimed>, <viewer>, <cloudfront>".
  const forwarded = '198.51.100.66, 203.0.113.9, 10.0.0.7';

  it('behind one proxy (the ALB) is the last address it saw', async () => {
    const res = await request(appBehind('1')).get('/api/probe/ip').set('X-Forwarded-For', forwarded);
    expect(res.body.ip).toBe('10.0.0.7');
  });

  it('behind CloudFront and the ALB is the viewer, never what the client claimed', async () => {
    const res = await request(appBehind('2')).get('/api/probe/ip').set('X-Forwarded-For', forwarded);
    expect(res.body.ip).toBe('203.0.113.9');
  });
});

describe('a service on a route table', () => {
  const route = routeFor<{ stored: number[] }>();
  const routes = [
    route({
      operationId: 'postLargeThing',
      method: 'post',
      path: '/api/probe/public/things',
      tag: 'things',
      summary: 'A public route with its own body parser',
      caller: caller.public(),
      middleware: () => [express.json({ limit: '1mb' })],
      body: z.object({ text: z.string() }),
      responses: { 201: { description: 'Stored' } },
      handler: ({ body, res }, { stored }) => {
        stored.push(body.text.length);
        res.status(201).end();
      },
    }),
  ];

  it('serves public routes before the shared body parser, so they bring their own limits', async () => {
    const config = loadConfig(baseConfigSchema, { BODY_LIMIT: '100kb' });
    const info = { service: 'probe', title: 'probe', version: '0', description: 'probe' };
    const deps = { stored: [] as number[] };
    const app = createServiceApp({
      config,
      logger: pino({ level: 'silent' }),
      readiness: [],
      api: { info, routes, deps },
    });

    const res = await request(app)
      .post('/api/probe/public/things')
      .send({ text: 'x'.repeat(300_000) });

    expect(res.status).toBe(201);
    expect(deps.stored).toEqual([300_000]);
    const document = (await request(app).get('/api/probe/openapi.json')).body;
    expect(document.paths['/api/probe/public/things'].post.operationId).toBe('postLargeThing');
  });
});

describe('compressed answers', () => {
  const route = routeFor<object>();
  const page = {
    items: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `2019 Nissan Rogue Platinum ${i}` })),
  };
  const routes = [
    route({
      operationId: 'listThings',
      method: 'get',
      path: '/api/probe/things',
      tag: 'things',
      summary: 'A page of things, a few kB of JSON',
      caller: caller.public(),
      responses: { 200: { description: 'The page' } },
      handler: () => page,
    }),
    route({
      operationId: 'followThings',
      method: 'get',
      path: '/api/probe/things/events',
      tag: 'things',
      summary: 'An event stream',
      caller: caller.public(),
      responses: { 200: { description: 'The events' } },
      handler: ({ res }) => {
        res.type('text/event-stream').send(`data: ${JSON.stringify(page)}\n\n`);
      },
    }),
  ];
  const app = createServiceApp({
    config: loadConfig(baseConfigSchema, {}),
    logger: pino({ level: 'silent' }),
    readiness: [],
    api: { info: { service: 'probe', title: 'probe', description: 'probe' }, routes, deps: {} },
  });

  it('sends JSON brotli-compressed to a client that accepts it, and the same JSON decoded', async () => {
    const res = await request(app).get('/api/probe/things').set('Accept-Encoding', 'br, gzip');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.body).toEqual(page);
  });

  it('sends gzip to a client that accepts only gzip, and plain JSON to one that accepts neither', async () => {
    const gzip = await request(app).get('/api/probe/things').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toEqual(page);
    const plain = await request(app).get('/api/probe/things').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(page);
  });

  it('never compresses an event stream', async () => {
    const res = await request(app).get('/api/probe/things/events').set('Accept-Encoding', 'br, gzip');
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

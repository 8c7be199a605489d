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

import { Router } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, loadConfig } from './config';
import { OpenApiDocument } from './openapi';
import { createServiceApp } from './service-app';

function appBehind(hops: string) {
  const config = loadConfig(baseConfigSchema.extend({ PORT: z.coerce.number().default(1) }), {
    TRUST_PROXY_HOPS: hops,
  });
  const info = { service: 'probe', title: 'probe', version: '0', description: 'probe' };
  const routes = Router().get('/api/probe/ip', (req, res) => void res.json({ ip: req.ip }));
  return createServiceApp({
    config,
    logger: pino({ level: 'silent' }),
    readiness: [],
    openApi: { info, document: new OpenApiDocument(info) },
    routes,
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

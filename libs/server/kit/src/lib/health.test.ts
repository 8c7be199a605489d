import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { healthRoutes } from './health';

describe('/readyz tells anyone up or down, and only the log why', () => {
  it('answers up/down per dependency without the error text, which goes to the log', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const secret = 'connect ECONNREFUSED 10.1.2.3:3306 (user showroom_app)';
    const app = express().use(
      healthRoutes(
        'probe',
        [
          { name: 'mysql', critical: true, check: () => Promise.reject(new Error(secret)) },
          { name: 'redis', critical: false, check: () => Promise.resolve() },
        ],
        logger,
        () => false,
      ),
    );

    const res = await request(app).get('/api/probe/readyz');

    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { mysql: { status: 'down', critical: true }, redis: { status: 'up', critical: false } },
    });
    expect(res.text).not.toContain('ECONNREFUSED');
    expect(lines.join('')).toContain(secret);
  });
});

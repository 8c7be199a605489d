import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLeadsTestApp, type LeadsTestContext } from './test/leads-test-app';

describe('the leads API document', () => {
  let ctx: LeadsTestContext;
  beforeAll(async () => {
    ctx = await startLeadsTestApp();
  });
  afterAll(() => ctx.close());

  it('documents every route, the ADF body as XML and the public routes without a user token', async () => {
    const res = await request(ctx.app).get('/api/leads/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<
      string,
      Record<string, { security?: unknown[]; requestBody?: { content: object } }>
    >;
    expect(Object.keys(paths).sort()).toEqual([
      '/api/leads/activity',
      '/api/leads/adf',
      '/api/leads/adf/email',
      '/api/leads/leads',
      '/api/leads/leads/counts',
      '/api/leads/leads/{id}',
      '/api/leads/leads/{id}/assignment',
      '/api/leads/leads/{id}/notes',
      '/api/leads/leads/{id}/status',
      '/api/leads/leads/{id}/tasks',
      '/api/leads/leads/{id}/tasks/{taskId}',
      '/api/leads/leads/{id}/timeline',
      '/api/leads/public/dealerships/{dealershipId}/leads',
      '/api/leads/settings',
      '/api/leads/settings/ingest-key',
    ]);
    expect(Object.keys(paths['/api/leads/adf']?.['post']?.requestBody?.content ?? {})).toEqual([
      'application/xml',
      'application/x-adf+xml',
      'text/xml',
    ]);
    expect(paths['/api/leads/public/dealerships/{dealershipId}/leads']?.['post']?.security).toEqual([]);
  });
});

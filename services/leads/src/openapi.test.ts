import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useLeadsTestApp } from './test/leads-test-app';

type Operation = { security?: unknown[]; requestBody?: { content: object }; operationId?: string };

/** What the route matrix does not check: how capture is documented for providers and websites. */
describe('the leads API document', () => {
  const t = useLeadsTestApp();

  it('documents the ADF body as XML, the ingest key as its security, and the public form without a token', async () => {
    const res = await request(t.ctx.app).get('/api/leads/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    const adf = paths['/api/leads/adf']?.['post'];
    expect(Object.keys(adf?.requestBody?.content ?? {})).toEqual([
      'application/xml',
      'application/x-adf+xml',
      'text/xml',
    ]);
    expect(adf?.security).toEqual([{ ingestKey: [] }]);
    const form = paths['/api/leads/public/dealerships/{dealershipId}/leads']?.['post'];
    expect(form?.security).toEqual([]);
    expect(JSON.stringify(form)).not.toContain('leadId');
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT_FIELDS } from '@showroom/contracts';
import { HttpProblem } from '@showroom/server-kit';
import { engineProblem } from './engine-problems';
import { AnalyticsEngineClosedError, AnalyticsInputError } from './engine/engine-errors';
import { startAnalyticsTestApp } from './test/analytics-test-app';

const named = (name: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name }, extra);

describe('what an engine failure means to the caller', () => {
  it('the engine away (closed, cluster unreachable or overloaded, DuckDB file failing) is a 503 to retry', () => {
    for (const error of [
      new AnalyticsEngineClosedError(),
      named('ConnectionError', 'connect ECONNREFUSED 10.0.0.5:9200'),
      named('TimeoutError', 'Request timed out'),
      named('ResponseError', 'es_rejected_execution_exception', { meta: { statusCode: 429 } }),
      named('ResponseError', 'cluster_block_exception', { meta: { statusCode: 503 } }),
      new Error('IO Error: Could not write file "events.duckdb": No space left on device'),
    ]) {
      const problem = engineProblem(error);
      expect(problem, error.message).toBeInstanceOf(HttpProblem);
      expect((problem as HttpProblem).status).toBe(503);
      expect((problem as HttpProblem).headers['Retry-After']).toBe('5');
      expect((problem as HttpProblem).cause).toBe(error);
    }
  });

  it('a value the engine refuses is a 400 naming it', () => {
    const problem = engineProblem(
      new AnalyticsInputError('time zone "Mars/Olympus" is not an IANA time zone'),
    );
    expect((problem as HttpProblem).status).toBe(400);
    expect((problem as HttpProblem).invalidParams).toEqual([
      { name: 'request', reason: 'time zone "Mars/Olympus" is not an IANA time zone' },
    ]);
  });

  it('anything else stays what it is (a 500: a bug to look at), a refused query included', () => {
    const bug = new TypeError('cannot read properties of undefined');
    const badQuery = named('ResponseError', 'parsing_exception', { meta: { statusCode: 400 } });
    const constraint = new Error('Constraint Error: duplicate key');
    for (const error of [bug, badQuery, constraint]) expect(engineProblem(error)).toBe(error);
  });
});

describe('routes while the engine is away', () => {
  it('when the engine has stopped, then ingest and reports answer 503 problems to retry, not 500', async () => {
    const ctx = await startAnalyticsTestApp();
    try {
      const { dealershipId } = ctx.newDealership();
      const manager = await ctx.member('manager', dealershipId);
      await ctx.engine.close();

      const ingest = await request(ctx.app)
        .post('/internal/analytics/events')
        .auth(await ctx.ingestToken(), { type: 'bearer' })
        .send({
          events: [
            {
              ...EMPTY_EVENT_FIELDS,
              id: 'leads:engine-away-1',
              dealershipId,
              type: 'lead_created',
              occurredAt: '2026-03-02T15:00:00Z',
              source: 'phone',
            },
          ],
        });
      expect(ingest.status, JSON.stringify(ingest.body)).toBe(503);
      expect(ingest.headers['content-type']).toContain('application/problem+json');
      expect(ingest.headers['retry-after']).toBe('5');

      const report = await request(ctx.app)
        .get('/api/analytics/reports/leads-by-source?from=2026-03-01&to=2026-03-07')
        .auth(manager.token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId);
      expect(report.status, JSON.stringify(report.body)).toBe(503);
      expect(report.headers['content-type']).toContain('application/problem+json');

      const costs = await request(ctx.app)
        .get('/api/analytics/source-costs?month=2026-03')
        .auth(manager.token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId);
      expect(costs.status).toBe(503);
    } finally {
      await ctx.close();
    }
  });
});

import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler, type ErrorReporter } from './errors';
import { loggableError } from './loggable-error';
import { loggableUrl, requestLogger } from './logging';

/** A mysql2 error as the driver throws it: the statement with its values on `sql`, the row in the message. */
function driverError(): Error {
  return Object.assign(new Error("Duplicate entry 'dana@example.com' for key 'deals_email'"), {
    code: 'ER_DUP_ENTRY',
    errno: 1062,
    sqlMessage: "Duplicate entry 'dana@example.com' for key 'deals_email'",
    sql: "insert into `deals` (`shopper_email`, `shopper_phone`) values ('dana@example.com', '614-555-0142')",
  });
}

function capturedLogger() {
  const lines: string[] = [];
  return { lines, logger: pino({ level: 'trace' }, { write: (line: string) => lines.push(line) }) };
}

describe('what the logs keep of a request', () => {
  it('redacts what a person typed and the secrets a link carries, and keeps the rest', () => {
    expect(loggableUrl('/api/inventory/public/vehicles?q=Dana%20Driver&make=Honda')).toBe(
      '/api/inventory/public/vehicles?q=[redacted]&make=Honda',
    );
    expect(loggableUrl('/deals/7d3c2a10?access=l1.2.1796575556.c2lnbmF0dXJl&utm=mail')).toBe(
      '/deals/7d3c2a10?access=[redacted]&utm=mail',
    );
    expect(loggableUrl('/api/retail/public/dealerships/d/deals/x/trade-in/photos/p?sig=123.abc')).toBe(
      '/api/retail/public/dealerships/d/deals/x/trade-in/photos/p?sig=[redacted]',
    );
  });

  it('never logs an e-mailed deal link’s token', async () => {
    const { lines, logger } = capturedLogger();
    const app = express().use(requestLogger(logger));
    app.get('/deals/:id', (_req, res) => void res.status(200).end());
    await request(app).get('/deals/abc?access=l1.secret-token').expect(200);
    expect(lines.join('\n')).not.toContain('secret-token');
    expect(lines.join('\n')).toContain('/deals/abc?access=[redacted]');
  });
});

describe('what the logs keep of an error', () => {
  it('keeps a database error’s type, code and stack frames, never its statement or the row it quotes', () => {
    const logged = JSON.stringify(loggableError(driverError()));
    expect(logged).toContain('ER_DUP_ENTRY');
    expect(logged).toContain('at ');
    expect(logged).not.toContain('dana@example.com');
    expect(logged).not.toContain('614-555-0142');
  });

  it('tells what an error was caused by, the same way', () => {
    const outage = new Error('the users service is not answering', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3002'), { code: 'ECONNREFUSED' }),
    });
    expect(loggableError(outage).cause).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
  });

  it('when a request fails on the database, the log line and the error report name no shopper', async () => {
    const { lines, logger } = capturedLogger();
    const reported: unknown[] = [];
    const reporter: ErrorReporter = { notify: (error) => void reported.push(error) };
    const app = express().use(requestLogger(logger));
    app.post('/deals', () => {
      throw driverError();
    });
    app.use(errorHandler(logger, reporter));
    const response = await request(app).post('/deals').expect(500);
    expect(response.type).toBe('application/problem+json');
    expect(lines.some((line) => line.includes('request failed: Internal error'))).toBe(true);
    expect(lines.join('\n')).not.toContain('dana@example.com');
    expect(reported).toHaveLength(1);
    expect(JSON.stringify(reported[0]) + String((reported[0] as Error).stack)).not.toContain(
      'dana@example.com',
    );
    expect(Object.keys(reported[0] as object)).not.toContain('sql');
  });
});

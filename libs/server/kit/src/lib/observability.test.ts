import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { baseConfigSchema } from './config';
import { createErrorReporter } from './observability';

describe('error reporting', () => {
  it('sends an unexpected error to Bugsnag (here: a local sink) with the request it broke', async () => {
    const received: Array<{ apiKey: string; body: string }> = [];
    const sink = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ apiKey: String(req.headers['bugsnag-api-key']), body });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    const config = baseConfigSchema.parse({
      BUGSNAG_API_KEY: '0123456789abcdef0123456789abcdef',
      BUGSNAG_NOTIFY_ENDPOINT: `${url}/notify`,
      BUGSNAG_SESSIONS_ENDPOINT: `${url}/sessions`,
    });

    const reporter = createErrorReporter(config, pino({ level: 'silent' }));
    reporter?.notify(new Error('the lot exploded'), { method: 'GET', path: '/api/inventory/vehicles' });

    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    sink.close();
    expect(received).toHaveLength(1);
    expect(received[0]?.apiKey).toBe('0123456789abcdef0123456789abcdef');
    expect(received[0]?.body).toContain('the lot exploded');
    expect(received[0]?.body).toContain('/api/inventory/vehicles');
  });

  it('reports nothing when no Bugsnag key is configured', () => {
    expect(createErrorReporter(baseConfigSchema.parse({}), pino({ level: 'silent' }))).toBeUndefined();
  });
});

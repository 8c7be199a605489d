import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { AdfError } from '@showroom/leads-adf';
import { adfDocument } from '../test/adf-documents';
import { AdfParserPool } from './adf-parser';

describe('ADF parsing off the main thread', () => {
  const pool = new AdfParserPool({ filename: join(import.meta.dirname, 'adf-parse-worker.ts'), threads: 1 });
  afterAll(() => pool.close());

  const big = adfDocument(
    Array.from({ length: 40 }, (_, i) => ({
      id: `B-${i}`,
      first: `F${i}`,
      last: 'Big',
      email: `b${i}@example.com`,
    })),
  ).replaceAll('Is it still available?', 'x'.repeat(8_000));

  it('leaves the event loop free while a large document is parsed', async () => {
    expect(big.length).toBeGreaterThan(300_000);
    const turns: string[] = [];
    const parsing = pool.parse({ kind: 'xml', xml: big, maxBytes: 512 * 1024 }).then((parsed) => {
      turns.push('parsed');
      return parsed;
    });
    // Queued after the parse began: it runs first only if the parse does not hold the main thread.
    setImmediate(() => turns.push('event loop'));
    const parsed = await parsing;
    expect(turns).toEqual(['event loop', 'parsed']);
    expect(parsed.document.prospects).toHaveLength(40);
    expect(parsed.parts).toHaveLength(40);
    expect(pool.threadIds).not.toContain(threadId);
  });

  it('keeps the ADF error (element and reason) across the thread', async () => {
    const error = await pool
      .parse({ kind: 'xml', xml: '<?xml version="1.0"?><lead/>', maxBytes: 1024 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdfError);
    expect((error as AdfError).element).toBe('adf');
  });
});

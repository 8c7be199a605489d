import { MAX_SHOPPER_BATCH_BYTES, type ShopperEventInput } from '@showroom/contracts';
import { batchBodiesOf, type BatchEnvelope } from './event-queue';

const envelope: BatchEnvelope = {
  sessionId: 'a'.repeat(32),
  source: 'direct',
  sampleRate: 1,
  consent: 'implied',
};
const at = '2026-12-06T19:00:00.000Z';

describe('batch bodies', () => {
  it('holds at most 50 events each', () => {
    const events: ShopperEventInput[] = Array.from({ length: 120 }, () => ({
      type: 'form_start',
      at,
      form: 'lead',
    }));
    const sizes = batchBodiesOf(envelope, events).map((body) => JSON.parse(body).events.length);
    expect(sizes).toEqual([50, 50, 20]);
  });

  it('stays under the route’s byte limit when searches carry many filters', () => {
    const filters = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`filter${i}`, 'v'.repeat(80)]));
    const events: ShopperEventInput[] = Array.from({ length: 40 }, () => ({
      type: 'search',
      at,
      query: 'q'.repeat(100),
      filters,
      resultCount: 3,
    }));
    const bodies = batchBodiesOf(envelope, events);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies)
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(MAX_SHOPPER_BATCH_BYTES);
    expect(bodies.flatMap((body) => JSON.parse(body).events)).toHaveLength(40);
  });
});

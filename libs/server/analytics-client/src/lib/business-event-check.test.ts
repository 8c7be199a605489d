import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT_FIELDS } from '@showroom/contracts';
import { checkBusinessEvent } from './business-event-check';

const [dealershipId, vehicleId] = [randomUUID(), randomUUID()];
const vehicleEvent = (overrides: object = {}) => ({
  ...EMPTY_EVENT_FIELDS,
  id: 'inventory:7',
  dealershipId,
  type: 'vehicle_listed',
  occurredAt: '2026-12-01T12:00:00.000Z',
  vehicleId,
  make: 'Honda',
  model: 'Accord',
  year: 2022,
  ...overrides,
});

describe('checking one business event before it is sent', () => {
  it('when the event meets the contract, then it is the event as sent (text trimmed)', () => {
    expect(checkBusinessEvent(vehicleEvent({ model: ' Accord ' }))).toEqual({
      ok: true,
      event: vehicleEvent(),
    });
  });

  it('when a field breaks a rule, then the problem names the field and the rule but never the value', () => {
    const secret = '1HGCV1F34LA000001';
    const checks = [
      checkBusinessEvent(vehicleEvent({ make: '   ' })),
      checkBusinessEvent(vehicleEvent({ year: 1850 })),
      checkBusinessEvent(vehicleEvent({ model: `${secret} `.repeat(5) })),
      checkBusinessEvent(vehicleEvent({ occurredAt: secret })),
    ];
    expect(checks.map((check) => (check.ok ? 'ok' : check.problem.split(':')[0]))).toEqual([
      'make',
      'year',
      'model',
      'occurredAt',
    ]);
    expect(JSON.stringify(checks)).not.toContain(secret);
  });

  it('when a shopper event type comes through the business route, then it is refused', () => {
    expect(checkBusinessEvent(vehicleEvent({ type: 'vehicle_view' }))).toMatchObject({ ok: false });
  });

  it('when the candidate is not an object at all, then it is refused, not thrown', () => {
    expect(checkBusinessEvent(undefined)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('the event'),
    });
  });
});

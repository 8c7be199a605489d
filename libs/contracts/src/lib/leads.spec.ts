import { describe, expect, it } from 'vitest';
import { ShopperEventBatchSchema } from './analytics';
import { canMoveLead, LEAD_STATUSES, LEAD_TRANSITIONS, leadSourceLabel } from './lead-options';
import { normalizeEmail, normalizePhone, StatusChangeInputSchema, WebsiteLeadInputSchema } from './leads';

describe('duplicate keys', () => {
  it('reads one phone number however it is written', () => {
    for (const written of ['+1 (614) 555-0100', '614.555.0100', '1-614-555-0100', ' 614 555 0100 ']) {
      expect(normalizePhone(written)).toBe('6145550100');
    }
    expect(normalizePhone('+44 20 7946 0958')).toBe('442079460958');
    expect(normalizePhone('12-34')).toBeNull();
  });

  it('compares e-mail without case or surrounding space', () => {
    expect(normalizeEmail('  Maya.Patel@Example.COM ')).toBe('maya.patel@example.com');
  });
});

describe('pipeline', () => {
  it('never lets a sale be undone and always allows losing an open lead', () => {
    expect(LEAD_TRANSITIONS.sold).toEqual([]);
    for (const status of LEAD_STATUSES.filter((s) => s !== 'sold' && s !== 'lost')) {
      expect(canMoveLead(status, 'lost')).toBe(true);
    }
    expect(canMoveLead('new', 'sold')).toBe(false);
    expect(canMoveLead('lost', 'contacted')).toBe(true);
  });

  it('wants a reason for lost and only for lost', () => {
    expect(StatusChangeInputSchema.safeParse({ status: 'lost' }).success).toBe(false);
    expect(StatusChangeInputSchema.safeParse({ status: 'contacted', lostReason: 'price' }).success).toBe(
      false,
    );
    expect(StatusChangeInputSchema.safeParse({ status: 'lost', lostReason: 'price' }).success).toBe(true);
  });
});

describe('website form', () => {
  it('needs an e-mail or a phone and refuses unknown fields', () => {
    const base = { intent: 'request_quote', firstName: 'Ann' };
    expect(WebsiteLeadInputSchema.safeParse(base).success).toBe(false);
    expect(WebsiteLeadInputSchema.safeParse({ ...base, phone: '614 555 0100' }).success).toBe(true);
    expect(WebsiteLeadInputSchema.safeParse({ ...base, phone: '614 555 0100', price: 1 }).success).toBe(
      false,
    );
  });

  it('takes the visit’s traffic source as the shopper batch names it: trimmed, lowercased, at most 80', () => {
    const base = { intent: 'request_quote', firstName: 'Ann', phone: '614 555 0100' };
    const parsed = WebsiteLeadInputSchema.parse({ ...base, trafficSource: '  Google ' });
    expect(parsed.trafficSource).toBe('google');
    expect(ShopperEventBatchSchema.shape.source.parse('  Google ')).toBe(parsed.trafficSource);
    expect(WebsiteLeadInputSchema.parse(base).trafficSource).toBeUndefined();
    expect(WebsiteLeadInputSchema.safeParse({ ...base, trafficSource: 'x'.repeat(81) }).success).toBe(false);
    expect(WebsiteLeadInputSchema.safeParse({ ...base, trafficSource: 42 }).success).toBe(false);
  });
});

describe('leadSourceLabel', () => {
  it('reads sources as people say them', () => {
    expect(leadSourceLabel('website:schedule_test_drive')).toBe('Website · schedule test drive');
    expect(leadSourceLabel('digital_retailing')).toBe('Website · online deal');
    expect(leadSourceLabel('walk_in')).toBe('Walk-in');
    expect(leadSourceLabel('Cars.com')).toBe('Cars.com');
  });
});

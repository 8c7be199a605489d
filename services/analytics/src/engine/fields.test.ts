import { AnalyticsEventSchema } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { EVENT_FIELDS, eventColumn } from './fields';

describe('the declaration of event fields', () => {
  it('declares every field of the AnalyticsEvent contract once, and nothing else', () => {
    const declared = EVENT_FIELDS.map((f) => f.name);

    expect([...declared].sort()).toEqual(Object.keys(AnalyticsEventSchema.shape).sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('gives every field its own snake_case column, so SQL, Kibana and Redshift read the same names', () => {
    const columns = EVENT_FIELDS.map((f) => f.column);

    expect(new Set(columns).size).toBe(columns.length);
    for (const column of columns) expect(column).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(columns).not.toContain('type');
    expect(columns).not.toContain('year');
  });

  it('requires exactly the fields every event has, as the contract does', () => {
    const required = EVENT_FIELDS.filter((f) => !f.nullable).map((f) => f.name);
    const contractRequired = Object.entries(AnalyticsEventSchema.shape)
      .filter(([, schema]) => !schema.safeParse(null).success)
      .map(([name]) => name);

    expect(required.sort()).toEqual(contractRequired.sort());
  });

  it('looks a column up by contract name, and refuses a name it does not know', () => {
    expect(eventColumn('occurredAt')).toBe('occurred_at');
    expect(() => eventColumn('shopperEmail' as never)).toThrow(/no analytics event field named shopperEmail/);
  });
});

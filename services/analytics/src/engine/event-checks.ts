import type { AnalyticsEvent } from '@showroom/contracts';
import { AnalyticsInputError } from './engine-errors';
import { EVENT_FIELDS, type EventField } from './fields';

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);
/** A date, a time and an offset: what the contract's `z.iso.datetime({ offset: true })` lets through. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function refuse(index: number, field: EventField, why: string): never {
  throw new AnalyticsInputError(`event ${index}: ${field.name} ${why}`);
}

function checkValue(index: number, field: EventField, value: unknown): void {
  if (value === null || value === undefined) {
    if (!field.nullable) refuse(index, field, 'is required');
    return;
  }
  switch (field.type) {
    case 'keyword':
      if (typeof value !== 'string') refuse(index, field, 'must be text');
      return;
    case 'date':
      if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
        refuse(index, field, 'must be an ISO 8601 instant');
      }
      return;
    case 'long':
      if (!Number.isSafeInteger(value)) refuse(index, field, 'must be a whole number');
      return;
    case 'integer':
      if (!Number.isInteger(value) || (value as number) > INT32_MAX || (value as number) < INT32_MIN) {
        refuse(index, field, 'must be a whole number within 32 bits');
      }
      return;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value))
        refuse(index, field, 'must be a finite number');
      return;
  }
}

/**
 * Every event of a batch has each declared field in its declared type (fields.ts), or the whole
 * batch is refused with an AnalyticsInputError naming the event and the field. Both engines check
 * the same way before they store anything, so neither keeps half a batch or a value the other
 * would refuse. The routes validate against the zod contracts first; this guards the store itself.
 */
export function checkEvents(events: readonly AnalyticsEvent[]): void {
  if (!Array.isArray(events)) throw new AnalyticsInputError('events must be a list');
  events.forEach((event, index) => {
    if (typeof event !== 'object' || event === null) {
      throw new AnalyticsInputError(`event ${index} is not an object`);
    }
    for (const field of EVENT_FIELDS) {
      checkValue(index, field, (event as Record<string, unknown>)[field.name]);
    }
  });
}

import type { AnalyticsEvent } from '@showroom/contracts';
import { column, defineWarehouseTable, type WarehouseType } from '@showroom/server-warehouse';
import { EVENT_FIELDS, type EventField, type EventFieldType } from '../engine/fields';

/**
 * `events` in the warehouse: the day's analytics events, one row each, with the columns of
 * engine/fields.ts (the one declaration every store derives from) in its order and names.
 */

/** Fields the warehouse leaves out, and why. */
export const FIELDS_LEFT_OUT: Partial<Record<keyof AnalyticsEvent, string>> = {
  salespersonName: 'a person’s name; the warehouse joins on salesperson_id',
};

const WAREHOUSE_TYPE_OF: Readonly<Record<EventFieldType, WarehouseType>> = {
  keyword: 'string',
  date: 'timestamp',
  long: 'bigint',
  integer: 'integer',
  double: 'double',
};

/**
 * The most characters of each text field, as the AnalyticsEvent contract allows (a Redshift VARCHAR
 * needs a length). A text field added to fields.ts without one here fails when this module loads.
 */
const TEXT_LENGTHS: Partial<Record<keyof AnalyticsEvent, number>> = {
  id: 120,
  dealershipId: 36,
  type: 40,
  source: 80,
  channel: 20,
  leadId: 36,
  vehicleId: 36,
  dealId: 36,
  salespersonId: 128,
  sessionId: 64,
  status: 30,
  lostReason: 40,
  vehicleCondition: 20,
  make: 40,
  model: 60,
  searchTerms: 200,
  form: 20,
  dealKind: 10,
};

/** The event fields the warehouse keeps, in fields.ts order. */
export const WAREHOUSE_EVENT_FIELDS: readonly EventField[] = EVENT_FIELDS.filter(
  (field) => FIELDS_LEFT_OUT[field.name] === undefined,
);

export const EVENTS_TABLE = defineWarehouseTable({
  name: 'events',
  description: 'an analytics event (business or shopper) that occurred on the day',
  columns: WAREHOUSE_EVENT_FIELDS.map((field) => {
    const maxLength = TEXT_LENGTHS[field.name];
    return column(field.column, WAREHOUSE_TYPE_OF[field.type], {
      nullable: field.nullable,
      ...(field.type === 'keyword' && maxLength !== undefined ? { maxLength } : {}),
    });
  }),
});

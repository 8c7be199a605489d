import { column, defineWarehouseTable } from '@showroom/server-warehouse';

/**
 * `vehicles` in the warehouse: a daily snapshot of every dealership's lot. Each day's partition has
 * every vehicle for sale or on hold when the export ran, and every vehicle changed since the day
 * began (so the day's sales and removals are there with their final status). A VIN names a car,
 * not a person; cost and internal notes stay in inventory.
 */
export const VEHICLES_TABLE = defineWarehouseTable({
  name: 'vehicles',
  description: 'a vehicle on a lot at the export, or changed since the day began (status as at the export)',
  columns: [
    column('id', 'string', { nullable: false, maxLength: 36 }),
    column('dealership_id', 'string', { nullable: false, maxLength: 36 }),
    column('vin', 'string', { nullable: false, maxLength: 17 }),
    column('stock_number', 'string', { nullable: false, maxLength: 20 }),
    column('vehicle_condition', 'string', { nullable: false, maxLength: 10 }),
    column('model_year', 'integer', { nullable: false }),
    column('make', 'string', { nullable: false, maxLength: 40 }),
    column('model', 'string', { nullable: false, maxLength: 60 }),
    column('trim_level', 'string', { maxLength: 60 }),
    column('body_style', 'string', { maxLength: 20 }),
    column('mileage', 'integer', { nullable: false }),
    column('price_cents', 'bigint'),
    column('msrp_cents', 'bigint'),
    column('currency', 'string', { nullable: false, maxLength: 3 }),
    column('status', 'string', { nullable: false, maxLength: 10 }),
    column('published', 'boolean', { nullable: false }),
    column('photo_count', 'integer', { nullable: false }),
    /** When it was added to the lot: inventory aging counts from here. */
    column('listed_at', 'timestamp', { nullable: false }),
    column('updated_at', 'timestamp', { nullable: false }),
  ],
});

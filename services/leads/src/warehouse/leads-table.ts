import { column, defineWarehouseTable } from '@showroom/server-warehouse';

/**
 * `leads` in the warehouse: each lead created or changed on the day, as it stood at the export.
 * A lead changed on several days has a row in each day's partition; its latest state is the row
 * with the greatest `dt`. The shopper's name, e-mail address, phone number, message and trade-in
 * never leave the leads service: the warehouse counts leads, it does not contact them.
 */
export const LEADS_TABLE = defineWarehouseTable({
  name: 'leads',
  description: 'a lead created or changed on the day, as it stood at the export (latest state: greatest dt)',
  columns: [
    column('id', 'string', { nullable: false, maxLength: 36 }),
    column('dealership_id', 'string', { nullable: false, maxLength: 36 }),
    column('created_at', 'timestamp', { nullable: false }),
    column('updated_at', 'timestamp', { nullable: false }),
    column('status', 'string', { nullable: false, maxLength: 20 }),
    column('lost_reason', 'string', { maxLength: 30 }),
    column('source', 'string', { nullable: false, maxLength: 80 }),
    column('channel', 'string', { nullable: false, maxLength: 10 }),
    column('intent', 'string', { maxLength: 30 }),
    column('vehicle_id', 'string', { maxLength: 36 }),
    column('assignee_id', 'string', { maxLength: 128 }),
    column('routed_at', 'timestamp'),
    column('first_response_at', 'timestamp'),
    column('submission_count', 'integer', { nullable: false }),
    /** When it moved to sold (a sale is final). */
    column('sold_at', 'timestamp'),
    /** When it last moved to lost, while it is lost (a lost lead can be reopened). */
    column('lost_at', 'timestamp'),
  ],
});

import { column, defineWarehouseTable } from '@showroom/server-warehouse';

/**
 * `deals` in the warehouse: each online deal started or changed on the day, as it stood at the
 * export, with the figures of its latest offer. The shopper's contact details and anything of the
 * credit application (and the credit tier and APR, which follow from it) stay in retail.
 */
export const DEALS_TABLE = defineWarehouseTable({
  name: 'deals',
  description:
    'an online deal started or changed on the day, with its latest offer (latest state: greatest dt)',
  columns: [
    column('id', 'string', { nullable: false, maxLength: 36 }),
    column('dealership_id', 'string', { nullable: false, maxLength: 36 }),
    column('vehicle_id', 'string', { nullable: false, maxLength: 36 }),
    column('lead_id', 'string', { maxLength: 36 }),
    column('assignee_id', 'string', { maxLength: 128 }),
    column('deal_kind', 'string', { nullable: false, maxLength: 10 }),
    column('status', 'string', { nullable: false, maxLength: 12 }),
    column('offer_version', 'integer', { nullable: false }),
    /** Who made the latest offer: the shopper or the dealer (a counter). */
    column('offer_by', 'string', { maxLength: 10 }),
    column('created_at', 'timestamp', { nullable: false }),
    column('updated_at', 'timestamp', { nullable: false }),
    column('submitted_at', 'timestamp'),
    column('accepted_at', 'timestamp'),
    column('selling_price_cents', 'bigint'),
    column('msrp_cents', 'bigint'),
    column('products_cents', 'bigint'),
    column('trade_value_cents', 'bigint'),
    column('trade_payoff_cents', 'bigint'),
    /** Sales tax of a finance or cash deal (a lease's tax is in its monthly payment). */
    column('tax_cents', 'bigint'),
    column('down_payment_cents', 'bigint'),
    column('due_at_signing_cents', 'bigint'),
    column('monthly_payment_cents', 'bigint'),
    column('term_months', 'integer'),
  ],
});

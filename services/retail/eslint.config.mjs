import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Every retail table belongs to one dealership: statements go through forDealership
  // (libs/server/mysql). The files below read across dealerships, each for the reason given.
  ...tenancy({
    tenantTables: [
      'retail_settings',
      'protection_products',
      'valuation_grid_rows',
      'deals',
      'deal_offers',
      'deal_activity',
      'trade_ins',
      'trade_in_photos',
      'credit_applications',
      'reservations',
      'payment_events',
      'retail_jobs',
    ],
    acrossDealerships: {
      'src/warehouse/deals-exporter.ts':
        'the nightly warehouse export reads every dealership’s deals of the day with their latest offers',
      'src/jobs/job-claims.ts':
        'the job runner claims due jobs of any dealership (SKIP LOCKED), records their runs and deletes finished ones past their retention',
      'src/credit/retention.ts': 'retention deletes every dealership’s applications whose time has come',
      'src/reservations/expiry.ts': 'expired holds of any dealership are released',
      'src/reservations/payment-webhook.ts':
        'a payment provider’s event names a checkout session, not a dealership: the reservation is found by it',
    },
  }),
];

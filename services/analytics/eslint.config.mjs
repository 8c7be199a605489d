import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Every analytics table belongs to one dealership: statements go through forDealership
  // (libs/server/mysql). No file reads across dealerships: events live in the engine, where every
  // query takes the dealerships it may see (EventFilter.dealershipIds).
  ...tenancy({
    tenantTables: ['analytics_settings', 'source_costs'],
    acrossDealerships: {},
  }),
];

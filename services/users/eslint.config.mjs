import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Statements on tenant tables go through forDealership (libs/server/mysql). `users` and
  // `dealer_groups` have no dealership (a person and a group span several); `dealerships` is the
  // register of tenants, read by its own id.
  ...tenancy({
    tenantTables: ['memberships'],
    acrossDealerships: {
      'src/people/repository.ts': 'a signed-in person’s own memberships, at every dealership they work at',
    },
  }),
];

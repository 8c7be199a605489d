import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Statements on tenant tables go through forDealership (libs/server/mysql); nothing here reaches
  // every dealership at once.
  ...tenancy({ tenantTables: ['vehicles'] }),
];

import { configInt } from '@showroom/server-kit';

/** The credit module's variables, spread into the retail config. */
export const creditConfigShape = {
  /** How often the retention sweep looks for applications whose time is up (they are erased then). */
  CREDIT_RETENTION_SWEEP_MS: configInt(1_000, 86_400_000, 300_000),
};

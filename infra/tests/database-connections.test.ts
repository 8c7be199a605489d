// The services' connection pools fit the RDS primary of every environment, with room for a rolling
// deployment: ECS starts a service's new tasks before it stops the old ones
// (deployment_maximum_percent = 200), so for a while a service holds twice its pools.
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, loadTfvars } from './support/terraform';

/** What each instance has of memory (AWS's instance class tables), in GiB. */
const MEMORY_GIB: Record<string, number> = {
  'db.t4g.medium': 4,
  'db.t4g.large': 8,
  'db.r7g.large': 16,
  'db.r7g.xlarge': 32,
};

/** RDS MySQL's default parameter group: max_connections = {DBInstanceClassMemory/12582880}. */
const maxConnectionsOf = (instanceClass: string): number => {
  const gib = MEMORY_GIB[instanceClass];
  if (gib === undefined) throw new Error(`add ${instanceClass}'s memory to MEMORY_GIB`);
  return Math.floor((gib * 2 ** 30) / 12_582_880);
};

/**
 * The pools each task opens to the primary, of DATABASE_POOL_SIZE connections each (10: Terraform
 * does not set it): the writer's, and for leads also capture's own (createStatementBatchPool in
 * services/leads/src/compose.ts). Reader pools go to the replicas.
 */
const PRIMARY_POOLS: Record<string, number> = { inventory: 1, users: 1, leads: 2, retail: 1, analytics: 1 };
const POOL_SIZE = 10;

interface ServiceSize {
  max_capacity: number;
}

describe('database connections', () => {
  it.each(ENVIRONMENTS)(
    '%s: every service at its maximum task count, deploying at once, stays under the primary’s max_connections',
    async (environment) => {
      const vars = await loadTfvars(environment);
      const services = vars['services'] as unknown as Record<string, ServiceSize>;
      // Services not launched yet count too: the budget must hold on the day they are.
      const steady = Object.entries(PRIMARY_POOLS).reduce((sum, [name, pools]) => {
        const size = services[name];
        if (!size) throw new Error(`${environment}.tfvars has no ${name} service`);
        return sum + size.max_capacity * pools * POOL_SIZE;
      }, 0);
      const deploying = steady * 2;
      expect(deploying).toBeLessThanOrEqual(maxConnectionsOf(String(vars['rds_instance_class'])));
    },
  );

  it('counts every service that has a database of its own', async () => {
    const services = (await loadTfvars('prod'))['services'] as unknown as Record<string, ServiceSize>;
    const withDatabase = Object.keys(services).filter((name) => name !== 'storefront');
    expect(Object.keys(PRIMARY_POOLS).sort()).toEqual(withDatabase.sort());
  });
});

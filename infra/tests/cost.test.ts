// The cost page (docs/cost.md) stays true: it is what infra/cost writes from today's tfvars, and the
// figures behave as the sizing says they must.
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { COST_PAGE, costPage } from '../cost/cost-page';
import { estimateEnvironment } from '../cost/estimate';
import { infraPath, loadModule, loadTfvars } from './support/terraform';

describe('docs/cost.md', () => {
  it('is what `npm run docs:cost` writes from the tfvars today', async () => {
    const written = await format(await costPage(), {
      ...(await resolveConfig(COST_PAGE)),
      filepath: COST_PAGE,
    });
    expect(readFileSync(COST_PAGE, 'utf8'), 'run `npm run docs:cost` and commit docs/cost.md').toBe(written);
  });

  it('grows from dev to prod, and only the scheduled environments save at night', async () => {
    const cost = async (env: 'dev' | 'qa' | 'beta' | 'prod') => estimateEnvironment(await loadTfvars(env));
    const [dev, qa, beta, prod] = await Promise.all([cost('dev'), cost('qa'), cost('beta'), cost('prod')]);
    expect(beta.alwaysOn).toBeGreaterThan(qa.alwaysOn);
    expect(prod.alwaysOn).toBeGreaterThan(beta.alwaysOn);
    for (const scheduled of [dev, qa]) expect(scheduled.billed).toBeLessThan(scheduled.alwaysOn);
    for (const always of [beta, prod]) expect(always.billed).toBe(always.alwaysOn);
    // prod's two same-region replicas and the one in us-west-2 are on the bill.
    const replicas = prod.lines.filter(
      (line) => line.component.startsWith('RDS') && line.component.includes('replica'),
    );
    expect(replicas.map((line) => line.component)).toEqual(['RDS read replicas', 'RDS cross-region replica']);
  });

  it('counts the schedule the scheduler module really keeps: 07:00 to 20:00, Monday to Friday', async () => {
    const scheduler = await loadModule(infraPath('modules', 'scheduler'));
    expect(scheduler.variables['start_schedule']?.['default']).toBe('cron(0 7 ? * MON-FRI *)');
    expect(scheduler.variables['stop_schedule']?.['default']).toBe('cron(0 20 ? * MON-FRI *)');
  });

  it('names the price a size it has none for is missing', async () => {
    const vars = { ...(await loadTfvars('prod')), rds_instance_class: 'db.x9.huge' };
    expect(() => estimateEnvironment(vars)).toThrow(/db\.x9\.huge: add it to infra\/cost\/unit-prices\.ts/);
  });
});

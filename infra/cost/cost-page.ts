// docs/cost.md, written from the four environments' tfvars by `npm run docs:cost`; infra/tests/cost.test.ts
// fails when the committed page is not what this writes now.
import { join } from 'node:path';
import { ENVIRONMENTS, loadTfvars } from '../tests/support/terraform';
import {
  estimateEnvironment,
  reservationSavings,
  SCHEDULED_HOURS_PER_WEEK,
  type EnvironmentCost,
} from './estimate';
import { ONE_YEAR_DISCOUNT, PRICES_AS_OF, REGION } from './unit-prices';

export const COST_PAGE = join(import.meta.dirname, '..', '..', 'docs', 'cost.md');

const usd = (amount: number) => `$${Math.round(amount).toLocaleString('en-US')}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

const DISCOUNT_NAMES: Record<keyof typeof ONE_YEAR_DISCOUNT, string> = {
  rdsReservedInstance: 'RDS reserved instance',
  elasticacheReservedNode: 'ElastiCache reserved node',
  computeSavingsPlanFargate: 'Compute Savings Plan',
};

function summary(costs: Array<{ cost: EnvironmentCost; scheduled: boolean }>): string[] {
  return [
    '| environment | all month | as billed | the night schedule saves |',
    '| --- | ---: | ---: | ---: |',
    ...costs.map(
      ({ cost, scheduled }) =>
        `| ${cost.environment} | ${usd(cost.alwaysOn)} | ${usd(cost.billed)} | ${scheduled ? `${usd(cost.alwaysOn - cost.billed)} (${percent(1 - cost.billed / cost.alwaysOn)})` : 'not scheduled'} |`,
    ),
    `| **all four** | ${usd(costs.reduce((s, c) => s + c.cost.alwaysOn, 0))} | ${usd(costs.reduce((s, c) => s + c.cost.billed, 0))} | ${usd(costs.reduce((s, c) => s + c.cost.alwaysOn - c.cost.billed, 0))} |`,
  ];
}

function detail(cost: EnvironmentCost, scheduled: boolean): string[] {
  return [
    `### ${cost.environment}`,
    '',
    '| component | sizing | a month, all month |',
    '| --- | --- | ---: |',
    ...cost.lines.map(
      (line) =>
        `| ${line.component}${scheduled && line.scheduled ? ' (stopped nights and weekends)' : ''} | ${line.basis} | ${usd(line.monthly)} |`,
    ),
    '',
  ];
}

function reservations(costs: Array<{ cost: EnvironmentCost; scheduled: boolean }>): string[] {
  const rows = costs.flatMap(({ cost, scheduled }) =>
    reservationSavings(cost, scheduled).map(
      ({ line, saving }) =>
        `| ${cost.environment} | ${line.component} (${line.basis}) | ${DISCOUNT_NAMES[line.reservable as keyof typeof ONE_YEAR_DISCOUNT]}, about ${percent(ONE_YEAR_DISCOUNT[line.reservable as keyof typeof ONE_YEAR_DISCOUNT])} off | ${usd(saving)} |`,
    ),
  );
  const total = costs.reduce(
    (sum, { cost, scheduled }) => sum + reservationSavings(cost, scheduled).reduce((s, r) => s + r.saving, 0),
    0,
  );
  return [
    '| environment | runs all the time | one year, no upfront | saves a month |',
    '| --- | --- | --- | ---: |',
    ...rows,
    `| **in all** | | | ${usd(total)} |`,
  ];
}

export async function costPage(): Promise<string> {
  const costs = await Promise.all(
    ENVIRONMENTS.map(async (env) => {
      const vars = await loadTfvars(env);
      return { cost: estimateEnvironment(vars), scheduled: vars['scheduled_shutdown'] === true };
    }),
  );
  return [
    '# What each environment costs a month',
    '',
    `Written by \`npm run docs:cost\` from \`infra/envs/*.tfvars\` with the list prices in`,
    `\`infra/cost/unit-prices.ts\` (${REGION}, on demand, USD, as of ${PRICES_AS_OF}); do not edit it by hand:`,
    '`infra/tests/cost.test.ts` fails when it no longer matches the sizing. Counted: what runs all month at its',
    'baseline (tasks at their minimum count, databases, caches, NAT gateways, the load balancer) and the',
    "warehouse's nightly loads. Not counted: traffic (data transfer, NAT and load-balancer processing,",
    'CloudFront), requests (S3, DynamoDB, SES), logs, Auth0, Algolia and Elasticsearch, and tasks that',
    'autoscaling adds above the minimum.',
    '',
    ...summary(costs),
    '',
    '## The night schedule',
    '',
    `dev and qa run ${SCHEDULED_HOURS_PER_WEEK} hours a week (07:00–20:00 New York time, Monday to Friday;`,
    '`modules/scheduler`): their ECS tasks go to zero and their RDS instance stops. Storage, Redis, the NAT',
    'gateway and the load balancer keep running, so they are what a sleeping environment still costs.',
    '',
    '## Candidates for reserved capacity',
    '',
    'What runs all the time in beta and prod. Fargate Spot tasks and the scheduled environments are left out:',
    'a reservation is paid whether or not the capacity runs.',
    '',
    ...reservations(costs),
    '',
    '## Each environment',
    '',
    ...costs.flatMap(({ cost, scheduled }) => detail(cost, scheduled)),
  ].join('\n');
}

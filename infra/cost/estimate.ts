// The monthly cost of one environment from its tfvars (the sizes Terraform builds), priced with
// unit-prices.ts. Counted: what runs all month at its baseline (tasks at min_capacity, databases,
// caches, NAT gateways, the load balancer, the reader names) and the warehouse's nightly load.
// Not counted: traffic (data transfer, NAT and load-balancer processing, CloudFront), requests
// (S3, DynamoDB on demand, SES), logs, and tasks that autoscaling adds above the minimum.
import { HOURS_PER_MONTH, ONE_YEAR_DISCOUNT, UNIT_PRICES } from './unit-prices';

/** What an environment's tfvars say about its size (the parsed file; only these keys are read). */
export type Tfvars = Record<string, unknown>;

interface TaskSize {
  cpu: number;
  memory: number;
  min_capacity: number;
  launched?: boolean;
}

export interface CostLine {
  component: string;
  /** How it was counted, for the reader of the page. */
  basis: string;
  monthly: number;
  /** Stopped by the night-and-weekend schedule (dev, qa): only its running hours are billed. */
  scheduled: boolean;
  /** Runs all the time in this environment: reserved capacity would cut its price. */
  reservable?: keyof typeof ONE_YEAR_DISCOUNT;
}

export interface EnvironmentCost {
  environment: string;
  lines: CostLine[];
  /** Every line running all month. */
  alwaysOn: number;
  /** What the month costs with the schedule (equal to alwaysOn without one). */
  billed: number;
}

/**
 * modules/scheduler's defaults: started at 07:00 and stopped at 20:00, Monday to Friday (New York),
 * so off at night and from Friday evening to Monday morning (checked by infra/tests/cost.test.ts).
 */
export const SCHEDULED_HOURS_PER_WEEK = 13 * 5;
const SCHEDULED_SHARE = (SCHEDULED_HOURS_PER_WEEK * 52) / 12 / HOURS_PER_MONTH;

/** The warehouse's nightly export and load (infra/warehouse), at its base capacity. */
const WAREHOUSE_HOURS_PER_MONTH = 30;

function priceOf(table: Record<string, number>, key: string, what: string): number {
  const price = table[key];
  if (price === undefined)
    throw new Error(`No unit price for ${what} ${key}: add it to infra/cost/unit-prices.ts`);
  return price;
}

const num = (value: unknown): number => Number(value ?? 0);

function taskLine(name: string, size: TaskSize, spot: boolean): CostLine {
  const tasks = size.launched === false ? 0 : size.min_capacity;
  const vcpu = size.cpu / 1024;
  const gb = size.memory / 1024;
  const { fargate } = UNIT_PRICES;
  const hourly = spot
    ? vcpu * fargate.spotVcpuHour + gb * fargate.spotGbHour
    : vcpu * fargate.vcpuHour + gb * fargate.gbHour;
  return {
    component: `ECS ${name}`,
    basis: `${tasks} × ${vcpu} vCPU / ${gb} GB${spot ? ' (Spot)' : ''}${size.launched === false ? ', not launched yet' : ''}`,
    monthly: tasks * hourly * HOURS_PER_MONTH,
    scheduled: true,
    reservable: spot || tasks === 0 ? undefined : 'computeSavingsPlanFargate',
  };
}

export function estimateEnvironment(vars: Tfvars): EnvironmentCost {
  const spot = vars['capacity_provider'] === 'FARGATE_SPOT';
  const services = vars['services'] as Record<string, TaskSize>;
  const multiAz = vars['rds_multi_az'] === true;
  const rdsClass = String(vars['rds_instance_class']);
  const replicaClass = String(vars['rds_replica_instance_class'] ?? rdsClass);
  const replicas = num(vars['rds_read_replica_count']);
  const crossRegion = vars['rds_cross_region_replica'] === true ? 1 : 0;
  const storage = num(vars['rds_allocated_storage']);
  const azs = num(vars['az_count']);
  const nats = vars['nat_gateway_per_az'] === true ? azs : 1;
  const redisNodes = num(vars['redis_num_cache_clusters']);
  const redisType = String(vars['redis_node_type']);
  const warehouse = vars['warehouse'] as { base_capacity: number } | undefined;
  const hour = HOURS_PER_MONTH;
  const rdsHour = priceOf(UNIT_PRICES.rdsMysqlHour, rdsClass, 'RDS class');
  const replicaHour = priceOf(UNIT_PRICES.rdsMysqlHour, replicaClass, 'RDS class');
  const copies = (multiAz ? 2 : 1) + replicas + crossRegion;
  const lines: CostLine[] = [
    ...Object.entries(services).map(([name, size]) => taskLine(name, size, spot)),
    taskLine('storefront', vars['storefront'] as TaskSize, spot),
    {
      component: 'RDS primary',
      basis: `${rdsClass}${multiAz ? ', Multi-AZ with a standby' : ''}`,
      monthly: rdsHour * (multiAz ? 2 : 1) * hour,
      scheduled: true,
      reservable: 'rdsReservedInstance',
    },
    {
      component: 'RDS storage',
      basis: `${storage} GB gp3${copies > 1 ? ` × ${copies} copies` : ''}`,
      monthly: storage * UNIT_PRICES.rdsGp3GbMonth * copies,
      scheduled: false,
    },
  ];
  if (replicas > 0)
    lines.push(
      {
        component: 'RDS read replicas',
        basis: `${replicas} × ${replicaClass}, same region`,
        monthly: replicas * replicaHour * hour,
        scheduled: false,
        reservable: 'rdsReservedInstance',
      },
      {
        component: 'Reader names',
        basis: `private zone, ${replicas} health checks and lag alarms`,
        monthly:
          UNIT_PRICES.route53PrivateZoneMonth +
          replicas * (UNIT_PRICES.route53HealthCheckMonth + UNIT_PRICES.cloudwatchAlarmMonth),
        scheduled: false,
      },
    );
  else
    lines.push({
      component: 'Database names',
      basis: 'private zone',
      monthly: UNIT_PRICES.route53PrivateZoneMonth,
      scheduled: false,
    });
  if (crossRegion)
    lines.push({
      component: 'RDS cross-region replica',
      basis: `${replicaClass}, us-west-2 (priced as us-east-1)`,
      monthly: replicaHour * hour,
      scheduled: false,
      reservable: 'rdsReservedInstance',
    });
  lines.push(
    {
      component: 'ElastiCache Redis',
      basis: `${redisNodes} × ${redisType}`,
      monthly: redisNodes * priceOf(UNIT_PRICES.elasticacheNodeHour, redisType, 'cache node') * hour,
      scheduled: false,
      reservable: 'elasticacheReservedNode',
    },
    {
      component: 'NAT gateways',
      basis: `${nats} (hours only, not the data they process)`,
      monthly: nats * UNIT_PRICES.natGatewayHour * hour,
      scheduled: false,
    },
    {
      component: 'Load balancer',
      basis: '1 ALB (hours only, not its LCUs)',
      monthly: UNIT_PRICES.albHour * hour,
      scheduled: false,
    },
  );
  if (warehouse)
    lines.push({
      component: 'Redshift Serverless',
      basis: `${warehouse.base_capacity} RPU × ~${WAREHOUSE_HOURS_PER_MONTH} h of nightly loads`,
      monthly: warehouse.base_capacity * UNIT_PRICES.redshiftServerlessRpuHour * WAREHOUSE_HOURS_PER_MONTH,
      scheduled: false,
    });
  const alwaysOn = lines.reduce((sum, line) => sum + line.monthly, 0);
  const shutdown = vars['scheduled_shutdown'] === true;
  const billed = lines.reduce(
    (sum, line) => sum + (shutdown && line.scheduled ? line.monthly * SCHEDULED_SHARE : line.monthly),
    0,
  );
  return { environment: String(vars['environment']), lines, alwaysOn, billed };
}

/** What a year's reservation of each always-on candidate would save a month (only unscheduled environments). */
export function reservationSavings(
  cost: EnvironmentCost,
  scheduled: boolean,
): Array<{ line: CostLine; saving: number }> {
  if (scheduled) return [];
  return cost.lines.flatMap((line) =>
    line.reservable && line.monthly > 0
      ? [{ line, saving: line.monthly * ONE_YEAR_DISCOUNT[line.reservable] }]
      : [],
  );
}

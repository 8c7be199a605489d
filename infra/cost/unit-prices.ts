// AWS list prices the cost page (docs/cost.md) multiplies the Terraform sizing by: us-east-1,
// on-demand, USD. They are not fetched (the page is generated offline, in CI too): when AWS changes
// a price, change it here with the date, run `npm run docs:cost`, and commit both.
// Sources: aws.amazon.com/fargate/pricing, /rds/mysql/pricing, /elasticache/pricing,
// /vpc/pricing, /elasticloadbalancing/pricing, /redshift/pricing, /route53/pricing,
// /cloudwatch/pricing, /savingsplans/compute-pricing.

export const PRICES_AS_OF = '2026-12-07';
export const REGION = 'us-east-1';
export const HOURS_PER_MONTH = 730;

export const UNIT_PRICES = {
  fargate: {
    vcpuHour: 0.04048,
    gbHour: 0.004445,
    /** Fargate Spot moves with spare capacity; about 70 % below on-demand. */
    spotVcpuHour: 0.01214,
    spotGbHour: 0.001334,
  },
  /** RDS for MySQL, Single-AZ instance-hour (Multi-AZ: twice). */
  rdsMysqlHour: {
    'db.t4g.micro': 0.016,
    'db.t4g.small': 0.032,
    'db.t4g.medium': 0.065,
    'db.t4g.large': 0.129,
    'db.r7g.large': 0.239,
    'db.r7g.xlarge': 0.478,
  } as Record<string, number>,
  /** gp3, per GB-month (Multi-AZ: twice). */
  rdsGp3GbMonth: 0.115,
  elasticacheNodeHour: {
    'cache.t4g.micro': 0.016,
    'cache.t4g.small': 0.032,
    'cache.t4g.medium': 0.065,
    'cache.r7g.large': 0.219,
  } as Record<string, number>,
  natGatewayHour: 0.045,
  albHour: 0.0225,
  redshiftServerlessRpuHour: 0.375,
  route53PrivateZoneMonth: 0.5,
  /** A health check of an AWS endpoint (here: one following a CloudWatch alarm). */
  route53HealthCheckMonth: 0.5,
  cloudwatchAlarmMonth: 0.1,
};

/** Typical discounts for one year, no upfront, for the reserved-capacity candidates. */
export const ONE_YEAR_DISCOUNT = {
  rdsReservedInstance: 0.31,
  elasticacheReservedNode: 0.3,
  computeSavingsPlanFargate: 0.2,
};

// 3. Wiring: what each environment asks for reaches the modules that act on it, every reference
//    points at something declared, every module argument is a variable of that module, and no
//    secret sits in code or leaves through an output.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Block,
  callSource,
  displayPath,
  enterCall,
  ENVIRONMENTS,
  expressions,
  type Environment,
  environmentScope,
  findSecretLiterals,
  findUnmarkedSensitiveOutputs,
  backendConfigFile,
  hclFiles,
  infraPath,
  interpolate,
  type Json,
  listFiles,
  loadModule,
  loadTfvars,
  parseFile,
  resolveValue,
  type Root,
  rootDir,
  type Scope,
  terraformDirectories,
  type TerraformModule,
  tfvarsFile,
  UNRESOLVED,
  validateModule,
  validateTfvars,
  variableValue,
} from './support/terraform';

const SERVICES = { inventory: 3001, users: 3002, leads: 3003, retail: 3004, analytics: 3005 } as const;
type Service = keyof typeof SERVICES;

/** What leads needs in AWS beyond the common environment (services/leads/src/config.ts). */
const LEADS_ENVIRONMENT = [
  'LEAD_TIMELINE_TABLE',
  'DYNAMODB_REGION',
  'PORTAL_URL',
  'USERS_API_URL',
  'INVENTORY_API_URL',
  'MAIL_FROM',
  'AUTH_CLIENT_ID',
  'ANALYTICS_API_URL',
];
/** The SSM secrets only leads reads: SES SMTP credentials and its Auth0 M2M client secret. */
const LEADS_ONLY_SECRETS = ['SMTP_URL', 'AUTH_CLIENT_SECRET'];
const SHARED_SECRETS = ['REDIS_URL', 'BUGSNAG_API_KEY', 'NEW_RELIC_LICENSE_KEY'];
/** Inventory on Algolia (services/inventory/src/config.ts): its two keys from SSM, the rest plain. */
const INVENTORY_ALGOLIA_SECRETS = ['ALGOLIA_ADMIN_API_KEY', 'ALGOLIA_SEARCH_API_KEY'];
const INVENTORY_ALGOLIA_ENVIRONMENT = ['SEARCH_ENGINE', 'ALGOLIA_APP_ID', 'ALGOLIA_INDEX_NAME'];
/** Inventory names rooftops from the users service, with the machine client leads uses. */
const INVENTORY_USERS_ENVIRONMENT = ['USERS_API_URL', 'AUTH_CLIENT_ID'];
const INVENTORY_USERS_SECRETS = ['AUTH_CLIENT_SECRET'];
/** What retail needs in AWS beyond the common environment and the media bucket's (services/retail/src/config.ts). */
const RETAIL_ENVIRONMENT = [
  'USERS_API_URL',
  'INVENTORY_API_URL',
  'LEADS_API_URL',
  'MAIL_FROM',
  'AUTH_CLIENT_ID',
  'STRIPE_API_URL',
  'KEY_PROVIDER',
  'KMS_KEY_ID',
  'KMS_REGION',
  'ANALYTICS_API_URL',
];
/** The SSM secrets only retail reads (besides leads' two, which it needs for the same reasons). */
const RETAIL_ONLY_SECRETS = ['DEAL_LINK_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'];
const RETAIL_SECRETS = ['SMTP_URL', 'AUTH_CLIENT_SECRET', ...RETAIL_ONLY_SECRETS];
const ROOT_FILES = ['backend.tf', 'versions.tf', 'providers.tf', 'main.tf', 'variables.tf', 'outputs.tf'];
const ROOTS: Root[] = [...ENVIRONMENTS, 'global'];

/** What must differ between environments (the brief's table), checked where the modules act. */
const SHAPE: Record<
  Environment,
  {
    multiAz: boolean;
    minReplicas: number;
    crossRegion: boolean;
    natPerAz: boolean;
    redisFailover: boolean;
    deletionProtection: boolean;
    scheduler: boolean;
  }
> = {
  dev: {
    multiAz: false,
    minReplicas: 0,
    crossRegion: false,
    natPerAz: false,
    redisFailover: false,
    deletionProtection: false,
    scheduler: true,
  },
  qa: {
    multiAz: false,
    minReplicas: 0,
    crossRegion: false,
    natPerAz: false,
    redisFailover: false,
    deletionProtection: false,
    scheduler: true,
  },
  beta: {
    multiAz: true,
    minReplicas: 1,
    crossRegion: false,
    natPerAz: true,
    redisFailover: true,
    deletionProtection: true,
    scheduler: false,
  },
  prod: {
    multiAz: true,
    minReplicas: 1,
    crossRegion: true,
    natPerAz: true,
    redisFailover: true,
    deletionProtection: true,
    scheduler: false,
  },
};

const LIVE = rootDir('dev');

function first(blocks: Json | undefined): Block {
  return Array.isArray(blocks) && blocks[0] && typeof blocks[0] === 'object' && !Array.isArray(blocks[0])
    ? blocks[0]
    : {};
}

/** How many instances a `count = var.flag ? 1 : 0` (or `count = var.n`, or none) gives in a scope. */
function instanceCount(scope: Scope, count: Json | undefined): number {
  if (count === undefined) return 1;
  const flag = typeof count === 'string' ? /^\$\{var\.([\w-]+) \? 1 : 0\}$/.exec(count) : null;
  if (flag) {
    const value = variableValue(scope, flag[1]);
    if (typeof value !== 'boolean') throw new Error(`var.${flag[1]} does not resolve to a boolean`);
    return value ? 1 : 0;
  }
  const resolved = resolveValue(scope, count);
  if (typeof resolved !== 'number') throw new Error(`count ${String(count)} does not resolve to a number`);
  return resolved;
}

/** The region of the provider configuration a root module names (`aws` or `aws.<alias>`). */
function providerRegion(root: TerraformModule, reference: string): Json | undefined {
  const alias = reference === 'aws' ? undefined : reference.replace(/^aws\./, '');
  return root.providers.find((provider) => provider['alias'] === alias)?.['region'];
}

/** The `dynamic` blocks of a body, by block type. */
const dynamicBlocks = (body: Block) => (body['dynamic'] ?? {}) as Record<string, Json>;

const providerName = (value: Json | undefined) =>
  typeof value === 'string' ? value.replace(/^\$\{(.*)\}$/, '$1') : '';

describe('every Terraform directory', () => {
  const dirs = terraformDirectories();

  it('covers every module and environment', () => {
    const names = dirs.map(displayPath);
    for (const module of ['network', 'ecs-service', 'alb', 'ecs-cluster', 'rds-mysql', 'elasticache-redis']) {
      expect(names).toContain(`modules/${module}`);
    }
    for (const module of ['dynamodb-timelines', 's3-private-bucket', 'static-site', 'ecr', 'ssm-secrets']) {
      expect(names).toContain(`modules/${module}`);
    }
    for (const module of ['monitoring', 'scheduler', 'platform'])
      expect(names).toContain(`modules/${module}`);
    // One root for every environment, one for what they share; no root per environment.
    expect(names.filter((name) => !name.startsWith('modules/'))).toEqual(['global', 'live']);
  });

  it.each(dirs.map((dir) => [displayPath(dir), dir]))(
    '%s: references resolve; module calls pass only declared variables and every required one',
    async (_label, dir) => {
      expect(await validateModule(await loadModule(dir))).toEqual([]);
    },
  );

  it.each(ROOTS.map((root) => [displayPath(tfvarsFile(root)), root] as const))(
    '%s sets exactly the variables its root declares',
    async (_label, root) => {
      expect(await validateTfvars(rootDir(root), tfvarsFile(root))).toEqual([]);
    },
  );

  it.each(dirs.map((dir) => [displayPath(dir), dir]))(
    '%s: uses every variable it declares (none is accepted and then dropped)',
    async (_label, dir) => {
      const module = await loadModule(dir);
      // A variable's own validation mentions it: look everywhere but the variable blocks.
      const text = module.documents
        .flatMap((document) => expressions({ ...document, variable: null }))
        .join('\n');
      const unused = Object.keys(module.variables).filter(
        (name) => !new RegExp(`\\bvar\\.${name}\\b`).test(text),
      );
      expect(unused).toEqual([]);
    },
  );

  it.each(dirs.map((dir) => [displayPath(dir), dir]))(
    '%s: outputs that carry secrets are sensitive',
    async (_label, dir) => {
      expect(await findUnmarkedSensitiveOutputs(await loadModule(dir))).toEqual([]);
    },
  );
});

describe('the checks catch real mistakes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'infra-wiring-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const write = (path: string, content: string) => {
    mkdirSync(join(scratch, path, '..'), { recursive: true });
    writeFileSync(join(scratch, path), content);
  };

  it('a module call with a misspelt argument, a missing variable and a missing output', async () => {
    write(
      'child/variables.tf',
      'variable "name" {\n  type = string\n}\n\nvariable "size" {\n  type    = number\n  default = 1\n}\n',
    );
    write('child/outputs.tf', 'output "id" {\n  value = var.name\n}\n');
    write(
      'child/versions.tf',
      'terraform {\n  required_providers {\n    aws = {\n      source                = "hashicorp/aws"\n      configuration_aliases = [aws.replica]\n    }\n  }\n}\n',
    );
    write(
      'root/main.tf',
      'module "child" {\n  source = "../child"\n  sise   = 2\n}\n\noutput "arn" {\n  value = module.child.arn\n}\n\noutput "who" {\n  value = var.nobody\n}\n',
    );
    const problems = await validateModule(await loadModule(join(scratch, 'root')));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('passes "sise"'),
        expect.stringContaining('omits "name"'),
        expect.stringContaining('does not pass provider aws.replica'),
        expect.stringContaining('has no output "arn"'),
        expect.stringContaining('var.nobody is not a declared variable'),
      ]),
    );
  });

  it("an environment's tfvars with a variable the root lacks, missing one it requires", async () => {
    write('vars-root/variables.tf', 'variable "name" {\n  type = string\n}\n');
    write('vars-envs/qa.tfvars', 'nmae = "qa"\n');
    expect(await validateTfvars(join(scratch, 'vars-root'), join(scratch, 'vars-envs/qa.tfvars'))).toEqual([
      expect.stringContaining('sets undeclared "nmae"'),
      expect.stringContaining('does not set required "name"'),
    ]);
  });

  it('a secret written into the code', async () => {
    const text =
      'resource "aws_db_instance" "x" {\n  password = "hunter2-hunter2"\n}\n\nvariable "api_key" {\n  default = "abc123"\n}\n';
    write('secret/main.tf', text);
    const findings = findSecretLiterals(
      'secret/main.tf',
      await parseFile(join(scratch, 'secret/main.tf')),
      text,
    );
    expect(findings).toEqual([
      expect.stringContaining('resource.aws_db_instance.x.0.password is a literal'),
      expect.stringContaining('variable "api_key" has a literal default'),
    ]);
    expect(findSecretLiterals('x.tf', {}, 'url = "mysql://app:s3cret@db.internal:3306/showroom"')).toEqual([
      expect.stringContaining('credentials in a URL'),
    ]);
  });

  it('an output that leaks a secret without being marked sensitive', async () => {
    write(
      'leaky/main.tf',
      'data "aws_ssm_parameter" "token" {\n  name = "/x"\n}\n\noutput "value" {\n  value = data.aws_ssm_parameter.token.value\n}\n',
    );
    expect(await findUnmarkedSensitiveOutputs(await loadModule(join(scratch, 'leaky')))).toEqual([
      expect.stringContaining('output "value" is not sensitive'),
    ]);
  });
});

describe('no secret in code', () => {
  const files = hclFiles();

  it.each(files.map((file) => [displayPath(file), file]))(
    '%s holds no literal password, token or key',
    async (_label, file) => {
      const text = readFileSync(file, 'utf8');
      expect(findSecretLiterals(displayPath(file), await parseFile(file), text)).toEqual([]);
    },
  );
});

describe('environments', () => {
  it.each(['live', 'global'])('%s has the root-module files', (dir) => {
    const present = listFiles(infraPath(dir), () => true).map((file) =>
      file.slice(infraPath(dir).length + 1),
    );
    expect(present).toEqual(expect.arrayContaining(ROOT_FILES));
  });

  it("envs/ holds only each environment's variables and backend configuration", () => {
    const present = listFiles(infraPath('envs'), () => true).map(displayPath);
    expect(present.sort()).toEqual(
      ENVIRONMENTS.flatMap((env) => [
        displayPath(backendConfigFile(env)),
        displayPath(tfvarsFile(env)),
      ]).sort(),
    );
  });

  it('live/ leaves the state key to the environment: bucket, encryption and S3 lock file only', async () => {
    const root = await loadModule(LIVE);
    const backends = root.terraform.map((terraform) => terraform['backend']).filter(Boolean);
    expect(backends).toHaveLength(1);
    expect(first((backends[0] as Block)['s3'])).toEqual({
      bucket: 'showroom-terraform-state',
      region: 'us-east-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('global keeps its state under its own key, in the same bucket', async () => {
    const root = await loadModule(rootDir('global'));
    const s3 = first((root.terraform.find((terraform) => terraform['backend'])?.['backend'] as Block)['s3']);
    expect(s3).toEqual({
      bucket: 'showroom-terraform-state',
      key: 'envs/global/terraform.tfstate',
      region: 'us-east-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it.each(['live', 'global'])('%s pins Terraform >= 1.10 and the AWS provider ~> 6.0', async (dir) => {
    const root = await loadModule(infraPath(dir));
    const versions = root.terraform.find((terraform) => terraform['required_version'] !== undefined) ?? {};
    expect(versions['required_version']).toBe('>= 1.10');
    expect(first(versions['required_providers'])['aws']).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.0',
    });
  });

  it('live/ runs in us-east-1 with Project/Environment/ManagedBy default tags', async () => {
    const root = await loadModule(LIVE);
    expect(root.providers.length).toBeGreaterThan(0);
    for (const provider of root.providers) {
      expect(first(provider['default_tags'])['tags']).toEqual({
        Project: 'showroom',
        Environment: '${var.environment}',
        ManagedBy: 'terraform',
      });
    }
    expect(providerRegion(root, 'aws')).toBe('us-east-1');
  });

  it('live/ calls the shared platform module and nothing else', async () => {
    const root = await loadModule(LIVE);
    expect(Object.keys(root.calls)).toEqual(['platform']);
    expect(root.calls['platform']['source']).toBe('../modules/platform');
  });

  it('live/ passes every variable it declares (so every tfvar) to the platform under the same name', async () => {
    const root = await loadModule(LIVE);
    const call = root.calls['platform'];
    const platform = await loadModule(callSource(root, call) ?? '');
    expect(Object.keys(root.variables).length).toBeGreaterThan(0);
    for (const name of Object.keys(root.variables)) {
      expect(call[name], `module.platform.${name}`).toBe(`\${var.${name}}`);
      expect(platform.variables, `platform declares ${name}`).toHaveProperty(name);
    }
  });

  it('live/ creates the cross-region replica (where there is one) with its us-west-2 provider', async () => {
    const root = await loadModule(LIVE);
    const platform = await loadModule(callSource(root, root.calls['platform']) ?? '');
    const rds = await loadModule(callSource(platform, platform.calls['rds']) ?? '');

    // rds-mysql's replica resources use aws.replica; the platform passes its own aws.replica on;
    // the root gives it the us-west-2 configuration (only prod creates anything there, see below).
    expect(providerName(rds.resources['aws_db_instance']['cross_region_replica']['provider'])).toBe(
      'aws.replica',
    );
    expect(providerName(rds.resources['aws_kms_key']['replica_region']['provider'])).toBe('aws.replica');
    expect(providerName((platform.calls['rds']['providers'] as Block)['aws.replica'])).toBe('aws.replica');
    const chosen = providerName((root.calls['platform']['providers'] as Block)['aws.replica']);
    expect(providerRegion(root, chosen)).toBe('us-west-2');
    expect(providerName((root.calls['platform']['providers'] as Block)['aws'])).toBe('aws');
  });

  it('names the replicas in a private zone: reader.<zone> answers a replica only while its lag alarm is OK', async () => {
    const rds = await loadModule(infraPath('modules', 'rds-mysql'));
    const r = rds.resources;
    expect(r['aws_route53_zone']['db']['vpc']).toEqual([{ vpc_id: '${var.vpc_id}' }]);
    const reader = r['aws_route53_record']['reader'];
    expect(reader).toMatchObject({
      count: '${var.read_replica_count}',
      name: 'reader.${var.dns_zone_name}',
      records: ['${aws_db_instance.replica[count.index].address}'],
      health_check_id: '${aws_route53_health_check.replica[count.index].id}',
      weighted_routing_policy: [{ weight: 1 }],
    });
    // Route 53 cannot reach a private address: each check follows its replica's lag alarm.
    expect(r['aws_route53_health_check']['replica']).toMatchObject({
      type: 'CLOUDWATCH_METRIC',
      cloudwatch_alarm_name: '${aws_cloudwatch_metric_alarm.replica_lag[count.index].alarm_name}',
      insufficient_data_health_status: 'Unhealthy',
    });
    expect(r['aws_cloudwatch_metric_alarm']['replica_lag']).toMatchObject({
      namespace: 'AWS/RDS',
      metric_name: 'ReplicaLag',
      dimensions: { DBInstanceIdentifier: '${aws_db_instance.replica[count.index].identifier}' },
      treat_missing_data: 'breaching',
    });
    // The services' rotation waits for GTIDs on the replicas, in both regions.
    expect(rds.locals['db_parameters']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'gtid-mode', value: 'ON' }),
        expect.objectContaining({ name: 'enforce_gtid_consistency', value: 'ON' }),
      ]),
    );
    for (const group of ['this', 'replica_region'])
      expect((r['aws_db_parameter_group'][group]['dynamic'] as Block)['parameter']).toEqual([
        expect.objectContaining({ for_each: '${local.db_parameters}' }),
      ]);
    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.calls['rds']).toMatchObject({
      vpc_id: '${module.network.vpc_id}',
      dns_zone_name: '${local.name}.db.internal',
    });
  });

  describe.each(ENVIRONMENTS)('%s', (env) => {
    it('keeps its state in S3 under its own key (envs/<env>.backend.hcl)', async () => {
      expect(await parseFile(backendConfigFile(env))).toEqual({ key: `envs/${env}/terraform.tfstate` });
    });

    it('names itself in its tfvars', async () => {
      expect((await loadTfvars(env))['environment']).toBe(env);
    });

    it('sizes the inventory, users, leads and retail services', async () => {
      const services = (await loadTfvars(env))['services'] as Block;
      expect(Object.keys(services).sort()).toEqual(Object.keys(SERVICES).sort());
    });

    it(`is shaped for ${env}: Multi-AZ, replicas, NAT, failover, protection, night shutdown`, async () => {
      const shape = SHAPE[env];
      const root = await environmentScope(env);
      const platform = await enterCall(root, 'platform');

      const network = await enterCall(platform, 'network');
      expect(network.inputs['nat_gateway_per_az']).toBe(shape.natPerAz);

      const rds = await enterCall(platform, 'rds');
      const db = rds.module.resources['aws_db_instance'];
      expect(db['primary']['multi_az']).toBe('${var.multi_az}');
      expect(variableValue(rds, 'multi_az')).toBe(shape.multiAz);
      expect(db['primary']['deletion_protection']).toBe('${var.deletion_protection}');
      expect(variableValue(rds, 'deletion_protection')).toBe(shape.deletionProtection);
      const replicas = instanceCount(rds, db['replica']['count']);
      expect(replicas).toBeGreaterThanOrEqual(shape.minReplicas);
      if (!shape.multiAz) expect(replicas).toBe(0);
      expect(instanceCount(rds, db['cross_region_replica']['count'])).toBe(shape.crossRegion ? 1 : 0);
      // Nothing else lands in us-west-2 either: no DR network without the replica.
      expect(instanceCount(platform, platform.module.calls['dr_network']['count'])).toBe(
        shape.crossRegion ? 1 : 0,
      );

      const redis = await enterCall(platform, 'redis');
      const group = redis.module.resources['aws_elasticache_replication_group']['this'];
      expect(group['automatic_failover_enabled']).toBe('${var.automatic_failover}');
      expect(group['multi_az_enabled']).toBe('${var.automatic_failover}');
      expect(variableValue(redis, 'automatic_failover')).toBe(shape.redisFailover);

      expect(instanceCount(platform, platform.module.calls['scheduler']['count'])).toBe(
        shape.scheduler ? 1 : 0,
      );
    });
  });

  it('keep their states apart: four backend keys, four environments, no two alike', async () => {
    const keys = await Promise.all(
      ENVIRONMENTS.map(async (env) => (await parseFile(backendConfigFile(env)))['key']),
    );
    expect(new Set(keys).size).toBe(ENVIRONMENTS.length);
    const names = await Promise.all(ENVIRONMENTS.map(async (env) => (await loadTfvars(env))['environment']));
    expect(names).toEqual([...ENVIRONMENTS]);
  });

  it('grow in size from dev to prod', async () => {
    const inventory = async (env: Environment) =>
      ((await loadTfvars(env))['services'] as Record<string, Block>)['inventory'];
    const [dev, beta, prod] = await Promise.all([inventory('dev'), inventory('beta'), inventory('prod')]);
    expect(Number(beta['cpu'])).toBeGreaterThan(Number(dev['cpu']));
    expect(Number(prod['cpu'])).toBeGreaterThan(Number(beta['cpu']));
    expect(Number(prod['min_capacity'])).toBeGreaterThan(Number(beta['min_capacity']));
    const replicas = (await loadTfvars('prod'))['rds_read_replica_count'];
    expect(replicas).toBe(2);
  });
});

describe('the platform module wires every part', () => {
  const platformDir = infraPath('modules', 'platform');

  it.each([
    ['network', 'network'],
    ['alb', 'alb'],
    ['ecs_cluster', 'ecs-cluster'],
    ['service', 'ecs-service'],
    ['rds', 'rds-mysql'],
    ['redis', 'elasticache-redis'],
    ['timelines', 'dynamodb-timelines'],
    ['portal', 'static-site'],
    ['media_bucket', 's3-private-bucket'],
    ['reports_bucket', 's3-private-bucket'],
    ['warehouse_bucket', 's3-private-bucket'],
    ['warehouse', 'redshift-warehouse'],
    ['secrets', 'ssm-secrets'],
    ['monitoring', 'monitoring'],
    ['scheduler', 'scheduler'],
  ])('module.%s uses modules/%s', async (call, module) => {
    const platform = await loadModule(platformDir);
    expect(platform.calls[call]?.['source']).toBe(`../${module}`);
  });

  it('runs one ECS service per API, each on its port behind /api/<service>/*', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.calls['service']['for_each']).toBe('${local.service_catalog}');
    const catalog = platform.locals['service_catalog'] as Record<string, Block>;
    expect(
      Object.fromEntries(Object.entries(catalog).map(([name, service]) => [name, service['port']])),
    ).toEqual(SERVICES);
    const priorities = Object.values(catalog).map((service) => service['priority']);
    expect(new Set(priorities).size).toBe(priorities.length);

    const service = await loadModule(infraPath('modules', 'ecs-service'));
    expect(service.locals['path_pattern']).toBe(
      '${coalesce(var.path_pattern, "/api/${var.service_name}/*")}',
    );
    expect(service.variables['readiness_path']['default']).toBe('/readyz');
    const container = service.locals['container'] as Block;
    expect(container['readonlyRootFilesystem']).toBe(true);
    expect(container['linuxParameters']).toEqual({ initProcessEnabled: true });
    expect(JSON.stringify(container['healthCheck'])).toContain('${var.liveness_path}');
    expect(service.variables['liveness_path']['default']).toBe('/healthz');
    const ecs = service.resources['aws_ecs_service']['this'];
    expect(first(ecs['deployment_circuit_breaker'])).toEqual({ enable: true, rollback: true });
    expect([ecs['deployment_minimum_healthy_percent'], ecs['deployment_maximum_percent']]).toEqual([
      100, 200,
    ]);
    expect(first(ecs['network_configuration'])['assign_public_ip']).toBe(false);
    const policies = Object.values(service.resources['aws_appautoscaling_policy']).map(
      (policy) =>
        first(
          first(policy['target_tracking_scaling_policy_configuration'])['predefined_metric_specification'],
        )['predefined_metric_type'],
    );
    expect(policies.sort()).toEqual([
      'ALBRequestCountPerTarget',
      'ECSServiceAverageCPUUtilization',
      'ECSServiceAverageMemoryUtilization',
    ]);
  });

  it('gives every service the environment the README documents and its secrets by ARN', async () => {
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    const environment = service.locals['environment'] as string;
    for (const name of [
      'NODE_ENV',
      'HOST',
      'PORT',
      'APP_VERSION',
      'AUTH_ISSUER_BASE_URL',
      'AUTH_AUDIENCE',
      'CORS_ORIGINS',
      'LOG_LEVEL',
    ]) {
      expect(environment).toContain(`${name} `);
    }
    expect(environment).toContain('"production"');
    expect(environment).toContain('"0.0.0.0"');
    const secrets = await loadModule(infraPath('modules', 'ssm-secrets'));
    expect(secrets.locals['shared_secret_names']).toEqual([
      'REDIS_URL',
      'BUGSNAG_API_KEY',
      'NEW_RELIC_LICENSE_KEY',
    ]);
    expect(JSON.stringify(secrets.locals['service_secrets'])).toContain('_DATABASE_READER_URLS');
    expect(secrets.resources['aws_ssm_parameter']).toBeUndefined(); // values are put out of band
  });

  it('serves the portal from S3 through CloudFront and routes /api/* to the ALB uncached', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.calls['portal']['api_origin_domain_name']).toBe('${module.alb.domain_name}');
    const site = await loadModule(infraPath('modules', 'static-site'));
    const distribution = site.resources['aws_cloudfront_distribution']['this'];
    expect(distribution['default_root_object']).toBe('index.html');
    const behaviors = ((distribution['dynamic'] as Block)['ordered_cache_behavior'] as Block[]).map((block) =>
      first(block['content']),
    );
    const behavior = behaviors.find((candidate) => candidate['path_pattern'] === '/api/*') ?? {};
    expect(behavior['viewer_protocol_policy']).toBe('https-only');
    expect(behavior['cache_policy_id']).toBe('${data.aws_cloudfront_cache_policy.caching_disabled.id}');
    expect(behavior['allowed_methods']).toEqual(expect.arrayContaining(['POST', 'PATCH', 'DELETE']));
    expect(site.data['aws_cloudfront_origin_request_policy']['all_viewer_except_host']['name']).toBe(
      'Managed-AllViewerExceptHostHeader',
    );
    expect(site.resources['aws_cloudfront_origin_access_control']['this']['signing_behavior']).toBe('always');
  });

  it('falls back to index.html for client-side routes without rewriting API errors', async () => {
    const site = await loadModule(infraPath('modules', 'static-site'));
    const distribution = site.resources['aws_cloudfront_distribution']['this'];
    // custom_error_response is distribution-wide: it would turn /api/* 403/404 into index.html 200.
    expect(distribution['custom_error_response']).toBeUndefined();
    const defaults = first(distribution['default_cache_behavior']);
    const association = first(first((defaults['dynamic'] as Block)['function_association'])['content']);
    expect(association).toEqual({
      event_type: 'viewer-request',
      function_arn: '${aws_cloudfront_function.spa_fallback[0].arn}',
    });
    expect(site.resources['aws_cloudfront_function']['spa_fallback']['code']).toContain(
      "request.uri = '/index.html'",
    );
  });

  it('opens only the flows each tier needs, outbound included', async () => {
    const network = await loadModule(infraPath('modules', 'network'));
    const rules = (kind: 'ingress' | 'egress', group: string) =>
      Object.values(network.resources[`aws_vpc_security_group_${kind}_rule`] ?? {})
        .filter((rule) => rule['security_group_id'] === `\${aws_security_group.${group}.id}`)
        .map((rule) => ({
          to: rule['referenced_security_group_id'] ?? rule['cidr_ipv4'] ?? rule['prefix_list_id'],
          port: rule['from_port'],
        }));
    const group = (name: string) => `\${aws_security_group.${name}.id}`;
    const servicePorts = '${tonumber(each.value)}';

    const sameRules = (actual: object[], expected: object[]) => {
      expect(actual).toHaveLength(expected.length);
      expect(actual).toEqual(expect.arrayContaining(expected));
    };

    // CloudFront only (hole 6): its origin-facing prefix list, HTTPS, nothing from anywhere else.
    sameRules(rules('ingress', 'alb'), [
      { to: '${data.aws_ec2_managed_prefix_list.cloudfront.id}', port: 443 },
    ]);
    expect(network.data['aws_ec2_managed_prefix_list']['cloudfront']['name']).toBe(
      'com.amazonaws.global.cloudfront.origin-facing',
    );
    sameRules(rules('egress', 'alb'), [{ to: group('app'), port: servicePorts }]);
    // Services call each other directly (Cloud Map names), on their container ports only.
    sameRules(rules('ingress', 'app'), [
      { to: group('alb'), port: servicePorts },
      { to: group('app'), port: servicePorts },
    ]);
    sameRules(rules('egress', 'app'), [
      { to: group('app'), port: servicePorts },
      { to: group('data'), port: 3306 },
      { to: group('data'), port: 6379 },
      { to: '0.0.0.0/0', port: 443 },
      { to: '0.0.0.0/0', port: 465 }, // SMTPS to SES, only with allow_smtps_egress (checked below)
    ]);
    sameRules(rules('ingress', 'data'), [
      { to: group('app'), port: 3306 },
      { to: group('app'), port: 6379 },
    ]);
    sameRules(rules('egress', 'data'), []);
    expect(network.resources['aws_vpc_endpoint']['s3']['vpc_endpoint_type']).toBe('Gateway');
    expect(network.variables['interface_endpoints']['default']).toEqual([
      'ecr.api',
      'ecr.dkr',
      'ssm',
      'logs',
    ]);
  });

  it('puts non-prod to sleep at 20:00 and wakes it at 07:00 Mon-Fri, New York time', async () => {
    const scheduler = await loadModule(infraPath('modules', 'scheduler'));
    expect(scheduler.variables['timezone']['default']).toBe('America/New_York');
    expect(scheduler.variables['stop_schedule']['default']).toBe('cron(0 20 ? * MON-FRI *)');
    expect(scheduler.variables['start_schedule']['default']).toBe('cron(0 7 ? * MON-FRI *)');
    const stop = scheduler.resources['aws_appautoscaling_scheduled_action']['stop'];
    expect(first(stop['scalable_target_action'])).toEqual({ min_capacity: 0, max_capacity: 0 });
    const targets = Object.values(scheduler.resources['aws_scheduler_schedule']).map(
      (schedule) => first(schedule['target'])['arn'],
    );
    expect(targets.sort()).toEqual([
      'arn:aws:scheduler:::aws-sdk:rds:startDBInstance',
      'arn:aws:scheduler:::aws-sdk:rds:stopDBInstance',
    ]);
  });

  it('terminates TLS on the ALB with the TLS 1.3 policy, HTTPS only', async () => {
    const alb = await loadModule(infraPath('modules', 'alb'));
    expect(alb.variables['ssl_policy']['default']).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(alb.resources['aws_lb']['this']['drop_invalid_header_fields']).toBe(true);
    // CloudFront reaches it over HTTPS only and nothing else may: no HTTP listener to redirect.
    expect(Object.keys(alb.resources['aws_lb_listener'])).toEqual(['https']);
    const https = first(alb.resources['aws_lb_listener']['https']['default_action']);
    expect(first(https['fixed_response'])['status_code']).toBe('404');
  });
});

describe('the edge: only CloudFront reaches the ALB, behind a WAF (hole 6)', () => {
  it('CloudFront adds a secret header that every service rule requires; without it the ALB answers 404', async () => {
    const alb = await loadModule(infraPath('modules', 'alb'));
    const secret = alb.resources['random_password']['origin_secret'];
    expect(secret['special']).toBe(false); // ALB header conditions read * and ? as wildcards
    expect(Number(secret['length'])).toBeGreaterThanOrEqual(32);
    expect(alb.outputs['origin_header']).toEqual({
      description: expect.any(String),
      value: { name: '${var.origin_header_name}', value: '${random_password.origin_secret.result}' },
      sensitive: true,
    });
    // The listener forwards nothing by default.
    const https = first(alb.resources['aws_lb_listener']['https']['default_action']);
    expect(https['type']).toBe('fixed-response');

    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.calls['portal']['api_origin_header']).toBe('${module.alb.origin_header}');
    expect(platform.calls['service']['alb_origin_header']).toBe('${module.alb.origin_header}');

    // Each service's rule: its path AND the header's secret value.
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    expect(service.variables['alb_origin_header']['sensitive']).toBe(true);
    const rule = service.resources['aws_lb_listener_rule']['this'];
    expect(rule['for_each']).toContain(
      '{ api = { priority = var.listener_rule_priority, path = local.path_pattern } }',
    );
    expect(rule['condition']).toEqual([
      { path_pattern: [{ values: ['${each.value.path}'] }] },
      {
        http_header: [
          { http_header_name: '${var.alb_origin_header.name}', values: ['${var.alb_origin_header.value}'] },
        ],
      },
    ]);
    expect(first(rule['action'])['type']).toBe('forward');

    // CloudFront sends it on the API origin (overwriting a viewer's header of that name).
    const site = await loadModule(infraPath('modules', 'static-site'));
    expect(site.variables['api_origin_header']['sensitive']).toBe(true);
    const distribution = site.resources['aws_cloudfront_distribution']['this'];
    const origins = ((distribution['dynamic'] as Block)['origin'] as Block[]).map((block) =>
      first(block['content']),
    );
    const api = origins.find((origin) => origin['origin_id'] === '${local.api_origin_id}') ?? {};
    expect(first(api['custom_header'])).toEqual({
      name: '${var.api_origin_header.name}',
      value: '${var.api_origin_header.value}',
    });
    expect(first(api['custom_origin_config'])['origin_protocol_policy']).toBe('https-only');
  });

  it('puts a CLOUDFRONT web ACL (us-east-1) with a rate rule and the AWS common rule set on the distribution', async () => {
    const waf = await loadModule(infraPath('modules', 'waf'));
    const acl = waf.resources['aws_wafv2_web_acl']['this'];
    expect(acl['scope']).toBe('CLOUDFRONT');
    expect(first(acl['default_action'])).toEqual({ allow: [{}] });

    // The rules that answer themselves: one row each, made by one dynamic block.
    const answering = first(first(dynamicBlocks(acl)['rule'])['content']);
    expect(first(dynamicBlocks(acl)['rule'])['for_each']).toBe('${local.answering_rules}');
    const rows = waf.locals['answering_rules'] as Record<string, Block>;
    const answers = waf.locals['answers'] as Record<string, Block>;
    expect(rows['rate-limit']).toMatchObject({
      priority: 1,
      rate_limit: '${var.rate_limit}',
      path_regex: null,
    });
    expect(answers[String(rows['rate-limit']['answer'])]['status']).toBe(429);
    expect(first(first(first(answering['action'])['block'])['custom_response'])).toEqual({
      response_code: '${local.answers[rule.value.answer].status}',
      custom_response_body_key: '${rule.value.answer}',
    });
    const rate = first(dynamicBlocks(first(answering['statement']))['rate_based_statement']);
    expect(rate['for_each']).toBe('${rule.value.rate_limit == null ? [] : [rule.value.rate_limit]}');
    expect(first(rate['content'])).toEqual({
      limit: '${rate_based_statement.value}',
      evaluation_window_sec: 300,
      aggregate_key_type: 'IP',
    });
    expect(waf.variables['rate_limit']['default']).toBeGreaterThanOrEqual(10);

    // Then AWS's common rule set, after them.
    const common = first(acl['rule']);
    expect(common['name']).toBe('aws-common');
    expect(Number(common['priority'])).toBeGreaterThan(
      Math.max(...Object.values(rows).map((row) => Number(row['priority']))),
    );
    const group = first(first(common['statement'])['managed_rule_group_statement']);
    expect([group['vendor_name'], group['name']]).toEqual(['AWS', 'AWSManagedRulesCommonRuleSet']);
    expect(first(common['override_action'])).toEqual({ none: [{}] });
    // Only the 8 KB body limit is counted instead of blocking (ADF documents are larger).
    expect(waf.variables['common_rules_counted']['default']).toEqual(['SizeRestrictions_BODY']);

    // On the portal's distribution, created with the default provider: us-east-1.
    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.calls['waf']['source']).toBe('../waf');
    expect(platform.calls['waf']['providers']).toBeUndefined();
    expect(platform.calls['portal']['web_acl_id']).toBe('${module.waf.arn}');
    expect(waf.outputs['arn']['value']).toBe('${aws_wafv2_web_acl.this.arn}');
    const site = await loadModule(infraPath('modules', 'static-site'));
    expect(site.resources['aws_cloudfront_distribution']['this']['web_acl_id']).toBe('${var.web_acl_id}');
    const live = await loadModule(infraPath('live'));
    expect(providerRegion(live, providerName((live.calls['platform']['providers'] as Block)['aws']))).toBe(
      'us-east-1',
    );
  });
});

describe('the leads service', () => {
  const platformDir = infraPath('modules', 'platform');
  const oneLine = (value: Json | undefined) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ') : value;
  const catalogOf = async () =>
    (await loadModule(platformDir)).locals['service_catalog'] as Record<Service, Block>;
  const leadsConfig = readFileSync(infraPath('..', 'services', 'leads', 'src', 'config.ts'), 'utf8');

  describe.each(ENVIRONMENTS)('in %s', (env) => {
    const scopes = async () => {
      const root = await environmentScope(env);
      return { root, platform: await enterCall(root, 'platform') };
    };

    it('is launched: the tfvars say so and the platform runs and health-checks it', async () => {
      const tfvars = await loadTfvars(env);
      const sizes = tfvars['services'] as Record<Service, Block>;
      expect(sizes.leads['launched']).toBe(true);
      // No service is held back but retail and analytics, until their parameters and first image exist.
      for (const service of Object.keys(SERVICES) as Service[])
        if (service !== 'retail' && service !== 'analytics')
          expect(sizes[service]['launched']).not.toBe(false);

      const { platform } = await scopes();
      const services = variableValue(platform, 'services') as Record<Service, Block>;
      expect(services.leads['launched']).toBe(true);
      expect(services.leads['min_capacity']).toBeGreaterThanOrEqual(1);
      // Capacity is zero unless launched; the service, scheduler and health checks follow it.
      expect(oneLine(platform.module.locals['capacity'])).toContain(
        'min = size.launched ? size.min_capacity : 0 max = size.launched ? size.max_capacity : 0',
      );
      expect(platform.module.calls['service']['min_capacity']).toBe('${local.capacity[each.key].min}');
      expect(platform.module.calls['service']['max_capacity']).toBe('${local.capacity[each.key].max}');
      expect(platform.module.locals['launched_services']).toBe(
        '${sort([for name, size in var.services : name if size.launched])}',
      );
      expect(platform.module.calls['monitoring']['health_check_api_services']).toBe(
        '${local.launched_services}',
      );
    });

    it('gets its own environment: timeline table, region, portal, service origins, sender, M2M client id', async () => {
      const { platform } = await scopes();
      const call = platform.module.calls['service'];
      expect(call['for_each']).toBe('${local.service_catalog}');
      // The catalog's environment, plus the warehouse bucket's names for the services that export (warehouse.test.ts).
      expect(oneLine(call['extra_environment'])).toMatch(/^\$\{merge\( ?each\.value\.environment, /);

      const leads = (platform.module.locals['service_catalog'] as Record<Service, Block>).leads;
      const environment = leads['environment'] as Block;
      expect(Object.keys(environment).sort()).toEqual([...LEADS_ENVIRONMENT].sort());
      expect(environment['LEAD_TIMELINE_TABLE']).toBe('${module.timelines.table_names["lead-timeline"]}');
      expect(environment['DYNAMODB_REGION']).toBe('${data.aws_region.current.region}');
      expect(platform.module.data['aws_region']?.['current']).toBeDefined();

      // Followed from the tfvars to the value the container gets.
      const tfvars = await loadTfvars(env);
      const domain = tfvars['domain_name'] as string;
      const value = (name: string) => interpolate(platform, environment[name]);
      expect(value('PORTAL_URL')).toBe(`https://${domain}`);
      // Inside the VPC, by Cloud Map name, on the port each service listens on.
      expect(value('USERS_API_URL')).toBe(`http://users.${env}.showroom.internal:${SERVICES.users}`);
      expect(value('INVENTORY_API_URL')).toBe(
        `http://inventory.${env}.showroom.internal:${SERVICES.inventory}`,
      );
      expect(value('AUTH_CLIENT_ID')).toBe(tfvars['auth0_leads_client_id']);
      // ...whose machine routes accept leads' client (and users', the Action's): MACHINE_CLIENT_IDS.
      expect(platform.module.calls['service']['machine_client_ids']).toBe('${each.value.machine_clients}');
      const clients = (name: Service) =>
        resolveValue(
          platform,
          (platform.module.locals['service_catalog'] as Record<Service, Block>)[name]['machine_clients'],
        );
      expect(clients('inventory')).toEqual([tfvars['auth0_leads_client_id']]);
      expect(clients('users')).toEqual([tfvars['auth0_leads_client_id'], tfvars['auth0_actions_client_id']]);
      // ...and leads accepts it from users, which registers each dealer site's origins.
      expect(clients('leads')).toEqual([tfvars['auth0_leads_client_id']]);
      expect(platform.module.locals['leads_mail_from']).toBe(
        '${coalesce(var.leads_mail_from, "leads@${var.domain_name}")}',
      );
      expect(environment['MAIL_FROM']).toBe('${local.leads_mail_from}');
      const mailFrom = variableValue(platform, 'leads_mail_from') ?? `leads@${domain}`;
      expect(mailFrom).toBe(tfvars['leads_mail_from'] ?? `leads@${domain}`);
      expect(mailFrom).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
    });

    it('refuses the placeholder M2M client id at plan time, as it does the portal one', async () => {
      const { platform } = await scopes();
      const condition = first(platform.module.variables['auth0_leads_client_id']['validation'])['condition'];
      const pattern = /regex\("([^"]+)", var\.auth0_leads_client_id\)/.exec(String(condition))?.[1];
      expect(pattern).toBeDefined();
      const accepts = (id: string) => new RegExp(pattern ?? '').test(id);
      const placeholder = variableValue(platform, 'auth0_leads_client_id');
      expect(typeof placeholder).toBe('string');
      expect(accepts(String(placeholder))).toBe(false); // SET-ME-... until the real id is set
      expect(accepts('AbCdEfGhIjKlMnOpQrStUvWxYz012345')).toBe(true);
    });
  });

  it('reaches users and inventory inside the VPC by their Cloud Map names, never through the public edge', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['internal_domain']).toBe('${var.environment}.showroom.internal');
    const namespace = platform.resources['aws_service_discovery_private_dns_namespace']['services'];
    expect(namespace).toMatchObject({ name: '${local.internal_domain}', vpc: '${module.network.vpc_id}' });
    expect(platform.calls['service']['service_discovery_namespace_id']).toBe(
      '${aws_service_discovery_private_dns_namespace.services.id}',
    );
    // The host names leads is given are the names the services register under.
    const leads = (await catalogOf()).leads['environment'] as Block;
    expect(leads['USERS_API_URL']).toBe('http://users.${local.internal_domain}:3002');
    expect(leads['INVENTORY_API_URL']).toBe('http://inventory.${local.internal_domain}:3001');

    const service = await loadModule(infraPath('modules', 'ecs-service'));
    const discovery = service.resources['aws_service_discovery_service']['this'];
    expect(discovery['name']).toBe('${var.service_name}');
    const dns = first(discovery['dns_config']);
    expect(dns['namespace_id']).toBe('${var.service_discovery_namespace_id}');
    expect(first(dns['dns_records'])).toEqual({ type: 'A', ttl: 10 }); // awsvpc tasks: one address each
    expect(discovery['health_check_custom_config']).toEqual([{}]); // the container health check decides
    const registries = first(
      dynamicBlocks(service.resources['aws_ecs_service']['this'])['service_registries'],
    );
    expect(registries['for_each']).toBe('${aws_service_discovery_service.this[*].arn}');
    expect(first(registries['content'])).toEqual({ registry_arn: '${service_registries.value}' });

    // Every service accepts leads' machine client on its internal routes.
    expect(service.locals['environment']).toContain(
      'MACHINE_CLIENT_IDS   = join(",", var.machine_client_ids)',
    );
    expect(platform.calls['service']['machine_client_ids']).toBe('${each.value.machine_clients}');
  });

  it('names the timeline table the platform creates and lets only the leads task write it', async () => {
    const timelines = await loadModule(infraPath('modules', 'dynamodb-timelines'));
    expect(Object.keys(timelines.locals['tables'] as Block)).toContain('lead-timeline');
    expect(timelines.resources['aws_dynamodb_table']['this']['for_each']).toBe('${local.tables}');
    expect(timelines.outputs['table_names']['value']).toBe(
      '${{ for key, table in aws_dynamodb_table.this : key => table.name }}',
    );
    const catalog = await catalogOf();
    expect(catalog.leads['dynamodb_tables']).toContain('lead-timeline');
    for (const other of ['inventory', 'users'] as const) {
      expect(catalog[other]['dynamodb_tables']).not.toContain('lead-timeline');
    }
  });

  it("keeps the others' environment to the common one, and never lets extra names shadow it", async () => {
    const catalog = await catalogOf();
    // Inventory's only extra names are its search engine's (see 'inventory's search engine'), its
    // media bucket's (see 'inventory's media') and how it reaches the users service.
    expect(oneLine(catalog.inventory['environment'])).toBe(
      '${merge(local.inventory_search_environment, local.inventory_media_environment, { USERS_API_URL = "http://users.${local.internal_domain}:3002" AUTH_CLIENT_ID = var.auth0_leads_client_id ANALYTICS_API_URL = local.analytics_api_url })}',
    );
    // Users' are its site provisioner's (see 'dealer websites') and its team administration's.
    expect(catalog.users['environment']).toBe(
      '${merge(local.users_sites_environment, local.users_media_environment, local.users_team_environment)}',
    );

    // ecs-service merges the extra environment first: a name it also sets would be silently lost.
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    const merged = service.locals['environment'] as string;
    expect(merged.startsWith('${merge(var.extra_environment, {')).toBe(true);
    const common = [...merged.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=/gm)].map((match) => match[1]);
    expect(common).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT', 'AUTH_AUDIENCE', 'CORS_ORIGINS']));
    for (const name of LEADS_ENVIRONMENT) expect(common).not.toContain(name);
  });

  it('gets exactly its secrets from SSM (its own path), and no other service gets them', async () => {
    const platform = await loadModule(platformDir);
    const catalog = await catalogOf();
    expect(catalog.leads['secrets']).toEqual(LEADS_ONLY_SECRETS);
    expect(catalog.inventory['secrets']).toBe(
      '${concat(["AUTH_CLIENT_SECRET"], local.inventory_search_secrets)}',
    );
    // users calls leads' internal route with the machine client inventory also uses, the Auth0
    // Management API with its own, and sends invitations through SES.
    expect(catalog.users['secrets']).toEqual([
      'AUTH_CLIENT_SECRET',
      'AUTH0_MANAGEMENT_CLIENT_SECRET',
      'SMTP_URL',
    ]);
    expect(platform.calls['secrets']['services']).toBe('${keys(local.service_catalog)}');
    expect(platform.calls['secrets']['service_secret_names']).toBe(
      '${{ for name, service in local.service_catalog : name => service.secrets }}',
    );

    // What ssm-secrets makes of it, evaluated here for each service.
    const secrets = await loadModule(infraPath('modules', 'ssm-secrets'));
    expect(secrets.variables['service_secret_names']['default']).toEqual({});
    expect(secrets.locals['shared_secret_names']).toEqual(SHARED_SECRETS);
    expect(oneLine(secrets.locals['service_secrets'])).toBe(
      '${{ for service in var.services : service => distinct(concat( ["${upper(service)}_DATABASE_URL", "${upper(service)}_DATABASE_READER_URLS"], local.shared_secret_names, lookup(var.service_secret_names, service, []), )) }}',
    );
    const namesOf = (service: Service) => [
      ...new Set([
        `${service.toUpperCase()}_DATABASE_URL`,
        `${service.toUpperCase()}_DATABASE_READER_URLS`,
        ...SHARED_SECRETS,
        ...(service === 'inventory'
          ? [...INVENTORY_USERS_SECRETS, ...INVENTORY_ALGOLIA_SECRETS]
          : (catalog[service]['secrets'] as string[])),
      ]),
    ];
    expect(namesOf('leads').sort()).toEqual(
      ['LEADS_DATABASE_URL', 'LEADS_DATABASE_READER_URLS', ...SHARED_SECRETS, ...LEADS_ONLY_SECRETS].sort(),
    );
    expect(namesOf('users')).toEqual(
      expect.arrayContaining(['AUTH_CLIENT_SECRET', 'AUTH0_MANAGEMENT_CLIENT_SECRET']),
    );
    expect(namesOf('inventory')).not.toContain('SMTP_URL');
    // Only users talks to the Auth0 Management API.
    for (const other of ['inventory', 'leads'] as const)
      expect(namesOf(other)).not.toContain('AUTH0_MANAGEMENT_CLIENT_SECRET');

    // Each name becomes /showroom/<env>/<service>/<NAME>, by ARN in that service's task definition,
    // readable only by its execution role, and listed for the operators.
    expect(oneLine(secrets.outputs['service_secret_arns']['value'])).toBe(
      '${{ for service, names in local.service_secrets : service => { for name in names : name => "${local.arn}${local.prefix}/${service}/${name}" } }}',
    );
    expect(secrets.outputs['service_parameter_path_arns']['value']).toBe(
      '${{ for service in var.services : service => "${local.arn}${local.prefix}/${service}/*" }}',
    );
    expect(oneLine(secrets.outputs['parameter_names_to_set']['value'])).toContain(
      'for service, names in local.service_secrets : [for name in names : "${local.prefix}/${service}/${name}"]',
    );
    expect(platform.calls['service']['secret_arns']).toBe('${module.secrets.service_secret_arns[each.key]}');
    expect(platform.calls['service']['secrets_parameter_path_arn']).toBe(
      '${module.secrets.service_parameter_path_arns[each.key]}',
    );
  });

  it('asks for nothing services/leads/src/config.ts does not read', () => {
    for (const name of [...LEADS_ENVIRONMENT, ...LEADS_ONLY_SECRETS]) {
      expect(leadsConfig, name).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
    // LEADS_DATABASE_URL and LEADS_DATABASE_READER_URLS
    expect(leadsConfig).toContain("databaseConfigShape('LEADS',");
  });

  it('may send mail: the app tier reaches SES SMTP on 465 in the main VPC only', async () => {
    const network = await loadModule(infraPath('modules', 'network'));
    const rule = network.resources['aws_vpc_security_group_egress_rule']['app_smtps'];
    expect(rule).toMatchObject({
      security_group_id: '${aws_security_group.app.id}',
      cidr_ipv4: '0.0.0.0/0',
      ip_protocol: 'tcp',
      from_port: 465,
      to_port: 465,
    });
    expect(network.variables['allow_smtps_egress']['default']).toBe(false);

    const platform = { module: await loadModule(platformDir), inputs: {} };
    const main = await enterCall(platform, 'network');
    const dr = await enterCall(platform, 'dr_network');
    expect(instanceCount(main, rule['count'])).toBe(1);
    expect(instanceCount(dr, rule['count'])).toBe(0);
  });

  it('tells the operators how to put its two parameters and verify its sender domain', () => {
    const readme = readFileSync(infraPath('README.md'), 'utf8');
    for (const name of LEADS_ONLY_SECRETS) expect(readme).toContain(`/showroom/<env>/leads/${name}`);
    expect(readme).toContain('email-smtp.us-east-1.amazonaws.com:465');
    expect(readme).toMatch(/aws sesv2 create-email-identity/);
    expect(readme).not.toMatch(/launched = false`: it runs no task/);
  });
});

describe("inventory's search engine", () => {
  const platformDir = infraPath('modules', 'platform');
  const oneLine = (value: Json | undefined) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ') : value;
  const inventoryConfig = readFileSync(infraPath('..', 'services', 'inventory', 'src', 'config.ts'), 'utf8');

  it('is Algolia only where an application id is set: its environment and both keys, or nothing', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['algolia']).toBe('${var.algolia_app_id != null}');
    const environment = oneLine(platform.locals['inventory_search_environment']) as string;
    expect(environment).toMatch(/^\$\{\{ for name, value in \{.*\} : name => value if local\.algolia \}\}$/);
    expect(environment).toContain('SEARCH_ENGINE = "algolia"');
    expect(environment).toContain('ALGOLIA_APP_ID = coalesce(var.algolia_app_id, "none")');
    expect(environment).toContain('ALGOLIA_INDEX_NAME = "showroom_${var.environment}_vehicles"');
    expect(oneLine(platform.locals['inventory_search_secrets'])).toBe(
      '${[for name in ["ALGOLIA_ADMIN_API_KEY", "ALGOLIA_SEARCH_API_KEY"] : name if local.algolia]}',
    );
    expect(platform.variables['algolia_app_id']['default']).toBeNull();
  });

  it('asks for nothing services/inventory/src/config.ts does not read', () => {
    for (const name of [
      ...INVENTORY_ALGOLIA_ENVIRONMENT,
      ...INVENTORY_ALGOLIA_SECRETS,
      ...INVENTORY_USERS_ENVIRONMENT,
      ...INVENTORY_USERS_SECRETS,
    ]) {
      expect(inventoryConfig, name).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it.each(ENVIRONMENTS)(
    '%s: qa, beta and prod search on Algolia, dev on the embedded engine',
    async (env) => {
      const tfvars = await loadTfvars(env);
      if (env === 'dev') expect(tfvars['algolia_app_id']).toBeUndefined();
      else expect(tfvars['algolia_app_id']).toBe('SET-ME-algolia-app-id');
      const live = await loadModule(infraPath('live'));
      expect(live.calls['platform']['algolia_app_id']).toBe('${var.algolia_app_id}');
    },
  );

  it('tells the operators how to put the two keys', () => {
    const readme = readFileSync(infraPath('README.md'), 'utf8');
    for (const name of [...INVENTORY_ALGOLIA_SECRETS, ...INVENTORY_USERS_SECRETS])
      expect(readme).toContain(`/showroom/<env>/inventory/${name}`);
    expect(readme).toContain('npm run search:reindex');
  });
});

describe("inventory's media: photos, feeds and imports in one SSE-KMS bucket", () => {
  const platformDir = infraPath('modules', 'platform');
  const oneLine = (value: Json | undefined) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ') : value;
  const storageConfig = readFileSync(
    infraPath('..', 'libs', 'server', 'storage', 'src', 'lib', 'storage-config.ts'),
    'utf8',
  );

  it('tells inventory its bucket, regional endpoint, KMS key and the origin that serves media', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['media_bucket_environment']).toEqual({
      S3_BUCKET: '${module.media_bucket.bucket}',
      S3_REGION: '${data.aws_region.current.region}',
      S3_ENDPOINT: 'https://s3.${data.aws_region.current.region}.amazonaws.com',
      S3_KMS_KEY_ID: '${module.media_bucket.kms_key_arn}',
    });
    expect(platform.locals['inventory_media_environment']).toBe(
      '${merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.portal_origin })}',
    );
    for (const name of [
      ...Object.keys(platform.locals['media_bucket_environment'] as Block),
      'MEDIA_PUBLIC_URL',
    ]) {
      expect(storageConfig, name).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it('lets the inventory task read, write and delete its prefixes and use the bucket key', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['media_prefixes']).toEqual(['photos/', 'feeds/', 'imports/']);
    const inventory = (platform.locals['service_catalog'] as Record<string, Block>)['inventory'] as Block;
    expect(oneLine(inventory['s3_access'])).toContain(
      '[for prefix in local.media_prefixes : { bucket_arn = module.media_bucket.arn, prefix = prefix }]',
    );
    expect(inventory['kms_keys']).toContain('${module.media_bucket.kms_key_arn}');
  });

  it('serves photos and feeds through CloudFront (OAC) at their own paths, and never imports', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['public_media_prefixes']).toEqual(['photos/', 'feeds/']);
    const bucket = platform.calls['media_bucket'] as Block;
    // The portal's distribution, and the dealer websites' for their assets (see 'dealer websites').
    expect(bucket['cloudfront_distribution_arns']).toEqual([
      '${module.portal.distribution_arn}',
      '${module.storefront.distribution_arn}',
    ]);
    expect(bucket['cloudfront_read_prefixes']).toBe(
      '${concat(local.public_media_prefixes, [local.sites_assets_prefix])}',
    );
    expect(bucket['restrict_to_vpc_endpoint_id']).toBe('${module.network.s3_vpc_endpoint_id}');
    expect(oneLine(platform.calls['portal']['extra_s3_origins'])).toContain('path_pattern = "/${prefix}*"');
    const module = await loadModule(infraPath('modules', 's3-private-bucket'));
    const policy = JSON.stringify(module.data);
    expect(policy).toContain(
      '"resources":"${[for prefix in var.cloudfront_read_prefixes : \\"${aws_s3_bucket.this.arn}/${prefix}*\\"]}","sid":"CloudFrontReads"',
    );
  });
});

describe('internal routes stay off the public edge (hole 1)', () => {
  /** An ALB path pattern as a RegExp: `*` is any run of characters, `?` one, case-sensitive. */
  const albPattern = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
  /** The paths leads calls on users and inventory (services/leads/src/routing). */
  const leadsCalls = () =>
    ['team-directory.ts', 'vehicle-lookup.ts'].map((file) => {
      const text = readFileSync(infraPath('..', 'services', 'leads', 'src', 'routing', file), 'utf8');
      const path = /`(\/api\/[a-z]+\/internal\/[^`?]*)/.exec(text)?.[1];
      if (!path) throw new Error(`no internal call found in ${file}`);
      return path.replace(/\$\{[^}]+\}/g, 'x');
    });

  it('the ALB answers 404 for /api/*/internal/* before any service rule', async () => {
    const alb = await loadModule(infraPath('modules', 'alb'));
    const rule = alb.resources['aws_lb_listener_rule']['internal_routes'];
    expect(rule['listener_arn']).toBe('${aws_lb_listener.https.arn}');
    expect(first(first(rule['action'])['fixed_response'])['status_code']).toBe('404');
    expect(first(first(rule['condition'])['path_pattern'])['values']).toBe('${var.internal_path_patterns}');
    expect(rule['condition']).toHaveLength(1); // whatever the header: CloudFront's requests too

    const patterns = alb.variables['internal_path_patterns']['default'] as string[];
    expect(patterns).toEqual(['/api/*/internal/*']);
    const blocked = (path: string) => patterns.some((pattern) => albPattern(pattern).test(path));
    const calls = leadsCalls();
    expect(calls).toHaveLength(2);
    for (const path of calls) expect(blocked(path), path).toBe(true);
    expect(blocked('/api/leads/leads')).toBe(false);
    expect(blocked('/api/inventory/dealerships/x/vehicles')).toBe(false);

    // A lower number wins: every service rule comes after it.
    const priority = alb.variables['internal_routes_rule_priority']['default'] as number;
    const platform = await loadModule(infraPath('modules', 'platform'));
    const catalog = platform.locals['service_catalog'] as Record<Service, Block>;
    for (const service of Object.values(catalog)) expect(priority).toBeLessThan(Number(service['priority']));
    expect(platform.calls['alb']['internal_routes_rule_priority']).toBeUndefined();
  });

  it("but forwards users' memberships route, which Auth0's post-login Action calls from outside AWS", async () => {
    const platform = await loadModule(infraPath('modules', 'platform'));
    const catalog = platform.locals['service_catalog'] as Record<Service, Block>;
    expect(catalog.inventory['public_internal']).toBeNull();
    expect(catalog.leads['public_internal']).toBeNull();
    const route = catalog.users['public_internal'] as Block;
    expect(platform.calls['service']['public_internal_route']).toBe('${each.value.public_internal}');

    // The path the Action calls (tools/dev-auth/README.md) and users serves (services/users/src/routes.ts).
    const action = readFileSync(infraPath('..', 'tools', 'dev-auth', 'README.md'), 'utf8');
    const called = /\/api\/users\/internal\/users\/\$\{[^}]+\}\/memberships/.exec(action)?.[0];
    expect(called).toBeDefined();
    const served = readFileSync(infraPath('..', 'services', 'users', 'src', 'routes.ts'), 'utf8');
    expect(served).toContain("'/api/users/internal/users/:userId/memberships'");
    expect(albPattern(String(route['path'])).test('/api/users/internal/users/auth0%7Cabc/memberships')).toBe(
      true,
    );
    expect(albPattern(String(route['path'])).test('/api/users/internal/dealerships/x/team')).toBe(false);

    // Its own listener rule, before the internal 404 and with the origin header like the others.
    const alb = await loadModule(infraPath('modules', 'alb'));
    expect(Number(route['priority'])).toBeLessThan(
      Number(alb.variables['internal_routes_rule_priority']['default']),
    );
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    expect(service.resources['aws_lb_listener_rule']['this']['for_each']).toContain(
      '{ for name, route in { public_internal = var.public_internal_route } : name => route if route != null }',
    );
    // The service rule keeps its place in the state as this["api"].
    expect(service.moved).toEqual([
      { from: '${aws_lb_listener_rule.this}', to: '${aws_lb_listener_rule.this["api"]}' },
    ]);

    // Only the Action's machine client (and leads') is on users' allow-list; plan refuses the placeholder.
    expect(catalog.users['machine_clients']).toEqual([
      '${var.auth0_leads_client_id}',
      '${var.auth0_actions_client_id}',
    ]);
    const condition = first(platform.variables['auth0_actions_client_id']['validation'])['condition'];
    expect(condition).toBe('${can(regex("^[A-Za-z0-9]{32}$", var.auth0_actions_client_id))}');
    for (const env of ENVIRONMENTS) {
      const id = String((await loadTfvars(env))['auth0_actions_client_id']);
      expect(/^[A-Za-z0-9]{32}$/.test(id), `${env}: ${id}`).toBe(false); // SET-ME-... until set
    }
  });

  it('the WAF answers 404 for them in any spelling (Express matches routes case-insensitively)', async () => {
    const waf = await loadModule(infraPath('modules', 'waf'));
    const acl = waf.resources['aws_wafv2_web_acl']['this'];
    const row = (waf.locals['answering_rules'] as Record<string, Block>)['internal-routes'];
    expect(row).toMatchObject({ priority: 0, answer: 'not-found', rate_limit: null });
    expect((waf.locals['answers'] as Record<string, Block>)['not-found']['status']).toBe(404);
    const answering = first(first(dynamicBlocks(acl)['rule'])['content']);
    const and = first(dynamicBlocks(first(answering['statement']))['and_statement']);
    expect(and['for_each']).toBe('${rule.value.path_regex == null ? [] : [rule.value]}');
    const [internal, exception] = (first(and['content'])['statement'] as Block[]).map(
      (statement) => statement,
    );
    const match = first(internal['regex_match_statement']);
    expect(match['regex_string']).toBe('${and_statement.value.path_regex}');
    expect(first(match['field_to_match'])).toEqual({ uri_path: [{}] });
    const transformations = first(dynamicBlocks(match)['text_transformation']);
    expect(first(transformations['content'])).toEqual({
      priority: '${text_transformation.key}',
      type: '${text_transformation.value}',
    });
    expect(transformations['for_each']).toEqual(['URL_DECODE', 'NORMALIZE_PATH', 'LOWERCASE']);
    // ...and not one of the public internal paths, as the ALB forwards them (no transformation).
    const unless = first(first(first(exception['not_statement'])['statement'])['regex_match_statement']);
    expect(unless['regex_string']).toBe('${and_statement.value.except_path_regex}');
    expect(unless['text_transformation']).toEqual([{ priority: 0, type: 'NONE' }]);
    expect(row['except_path_regex']).toBe('${local.public_internal_regex}');
    expect(waf.locals['public_internal_regex']).toBe(
      '^(?:${join("|", [for path in var.public_internal_paths : replace(path, "*", "[^/]+")])})$',
    );
    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.calls['waf']['public_internal_paths']).toBe(
      '${[for service in local.service_catalog : service.public_internal.path if service.public_internal != null]}',
    );
    const publicPaths = Object.values(platform.locals['service_catalog'] as Record<Service, Block>)
      .map((service) => (service['public_internal'] as Block | null)?.['path'])
      .filter((path): path is string => typeof path === 'string');
    const except = new RegExp(`^(?:${publicPaths.map((path) => path.replaceAll('*', '[^/]+')).join('|')})$`);

    // What WAF sees after the transformations, for a few spellings of one internal call.
    const regex = new RegExp(String(row['path_regex']));
    const seen = (path: string) =>
      decodeURIComponent(path)
        .replace(/\/+/g, '/')
        .replace(/\/\.\//g, '/')
        .toLowerCase();
    const blocked = (path: string) => regex.test(seen(path)) && !except.test(path);
    for (const path of [
      ...leadsCalls(),
      '/api/users/INTERNAL/dealerships/x/team',
      '/api/users/%69nternal/dealerships/x/team',
      '/api/users//internal/dealerships/x/team',
      '/api/users/./internal/dealerships/x/team',
      '/api/Inventory/Internal',
      // The memberships route in another spelling than the one the ALB forwards.
      '/api/users/INTERNAL/users/auth0%7Cabc/memberships',
      '/api/users/internal/users/auth0%7Cabc/memberships/../team',
    ]) {
      expect(blocked(path), path).toBe(true);
    }
    // Auth0's post-login Action reads memberships from outside AWS (tools/dev-auth/README.md).
    expect(blocked('/api/users/internal/users/auth0%7Cabc/memberships'), 'memberships').toBe(false);
    for (const path of ['/api/leads/leads', '/api/users/me', '/api/leads/internal-notes', '/internal/x']) {
      expect(blocked(path), path).toBe(false);
    }
  });
});

describe('the documented Auth0 set-up (holes 1 and 11)', () => {
  const section = () => {
    const readme = readFileSync(infraPath('..', 'README.md'), 'utf8');
    const start = readme.indexOf('## Using a real Auth0 tenant');
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end === -1 ? undefined : end).replace(/\s+/g, ' ');
  };

  it('turns RBAC on, with the permissions in the access token', () => {
    const text = section();
    expect(text).toContain('**Enable RBAC**');
    expect(text).toContain('**Add Permissions in the Access Token**');
  });

  it('keeps access tokens for 15 minutes and rotates refresh tokens with reuse detection', () => {
    const text = section();
    expect(text).toMatch(/Maximum Access Token Lifetime\*\* .*`900` seconds/);
    expect(text).toContain('**Allow Refresh Token Rotation** on with **Rotation Overlap Period** `0`');
    expect(text).toContain('reuse detection');
    expect(text).toContain('**Allow Offline Access** on');
  });

  it('allow-lists the machine client in MACHINE_CLIENT_IDS, as Terraform does in AWS', async () => {
    expect(section()).toMatch(
      /`MACHINE_CLIENT_IDS` \(comma-separated client ids; default `showroom-services`/,
    );
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    expect(String(service.locals['environment'])).toContain('MACHINE_CLIENT_IDS');
  });
});

describe('alarms', () => {
  const monitoringDir = infraPath('modules', 'monitoring');

  /** Every alarm the table makes, by name as written (`<subject key>-<suffix>`), with its row. */
  const alarmsOf = async () => {
    const monitoring = await loadModule(monitoringDir);
    const families = monitoring.locals['alarm_families'] as Record<string, Block>;
    const alarms = new Map<string, Block & { family: string }>();
    for (const [family, { subjects, alarms: rows }] of Object.entries(families)) {
      // A literal map of subjects, or a `for` expression whose key is a template or a name.
      const keys =
        typeof subjects === 'string'
          ? [/ : (?:"([^"]+)"|([a-z_]+)) =>/.exec(subjects)].map((match) => match?.[1] ?? `\${${match?.[2]}}`)
          : Object.keys(subjects as Block);
      for (const key of keys) {
        for (const [suffix, row] of Object.entries(rows as Record<string, Block>)) {
          alarms.set(`${key}-${suffix}`, { ...row, family });
        }
      }
    }
    return { monitoring, families, alarms };
  };
  /** The alarms each old per-kind resource made, by name: the rows must keep every one of them. */
  const NAMES = [
    '${var.name_prefix}-alb-5xx-rate',
    '${var.name_prefix}-alb-p99-latency',
    '${var.name_prefix}-${service}-unhealthy-targets',
    '${var.name_prefix}-${service}-cpu-high',
    '${var.name_prefix}-${service}-memory-high',
    '${id}-cpu-high',
    '${id}-free-storage-low',
    '${id}-replica-lag',
    '${id}-engine-cpu-high',
    '${id}-evictions',
    '${table}-throttled',
    '${var.name_prefix}-${key}-health-check',
  ];
  const OLD_RESOURCES = [
    'alb_5xx_rate',
    'alb_p99_latency',
    'unhealthy_hosts',
    'ecs_cpu',
    'ecs_memory',
    'rds_cpu',
    'rds_free_storage',
    'rds_replica_lag',
    'redis_cpu',
    'redis_evictions',
    'dynamodb_throttles',
    'health_check',
  ];

  it('are one resource over one table, every row a metric or metric math', async () => {
    const { monitoring, families, alarms } = await alarmsOf();
    expect(Object.keys(monitoring.resources['aws_cloudwatch_metric_alarm'])).toEqual(['this']);
    const alarm = monitoring.resources['aws_cloudwatch_metric_alarm']['this'];
    expect(alarm['for_each']).toBe('${local.alarms}');
    expect(alarm['alarm_name']).toBe('${each.key}');
    expect([alarm['alarm_actions'], alarm['ok_actions']]).toEqual([
      '${local.alarm_actions}',
      '${local.alarm_actions}',
    ]);
    expect(String(monitoring.locals['alarms'])).toContain(
      'for suffix, row in family.alarms : "${subject}-${suffix}" => merge(local.alarm_defaults, row, {',
    );

    const defaults = monitoring.locals['alarm_defaults'] as Block;
    for (const [name, family] of Object.entries(families)) {
      expect(typeof family['namespace'], name).toBe('string');
    }
    expect(alarms.size).toBe(NAMES.length + 2);
    for (const [name, row] of alarms) {
      // Only what the resource reads, and a threshold on each.
      const fields = Object.keys(row).filter((field) => field !== 'family');
      expect(
        fields.filter((field) => !(field in defaults) && field !== 'threshold'),
        name,
      ).toEqual([]);
      expect(row['threshold'], name).toBeDefined();
      const metric = row['metric_name'] !== undefined;
      const math = row['expression'] !== undefined;
      expect(metric !== math, `${name}: a metric or an expression, not both`).toBe(true);
      if (metric)
        expect((row['statistic'] === undefined) !== (row['extended_statistic'] === undefined), name).toBe(
          true,
        );
      if (math) {
        expect(Object.keys(row['inputs'] as Block).length, name).toBeGreaterThan(0);
        for (const id of Object.keys(row['inputs'] as Block)) expect(String(row['expression'])).toContain(id);
        expect(row['statistic'], name).toBeDefined();
      }
    }
    // The resource reads every field a row may set.
    for (const field of Object.keys(defaults)) {
      expect(JSON.stringify(alarm), field).toContain(`each.value.${field}`);
    }
  });

  it('keep every alarm the per-kind resources made, under the same name, and delete none in the move', async () => {
    const { monitoring, alarms } = await alarmsOf();
    expect([...alarms.keys()]).toEqual(expect.arrayContaining(NAMES));
    const removed = monitoring.removed.map((block) => ({
      from: block['from'],
      destroy: first(block['lifecycle'])['destroy'],
    }));
    expect(removed).toEqual(
      OLD_RESOURCES.map((name) => ({ from: `\${aws_cloudwatch_metric_alarm.${name}}`, destroy: false })),
    );
  });

  it("alarm on leads' outbox: backlog above 0 for 10 minutes, any exhausted job", async () => {
    const { monitoring, families, alarms } = await alarmsOf();
    const outbox = families['outbox'];
    expect(outbox['namespace']).toBe('Showroom/Outbox');
    expect(outbox['subjects']).toBe(
      '${{ for service in var.outbox_services : "${var.name_prefix}-${service}" => { dimensions = { Service = service }, label = service } }}',
    );
    expect(alarms.get('${var.name_prefix}-${service}-outbox-backlog')).toMatchObject({
      family: 'outbox',
      metric_name: 'OutboxBacklog',
      statistic: 'Minimum',
      period: 60,
      evaluation_periods: 10,
      datapoints_to_alarm: 10,
      threshold: 0,
    });
    expect(alarms.get('${var.name_prefix}-${service}-outbox-exhausted-jobs')).toMatchObject({
      family: 'outbox',
      metric_name: 'OutboxExhaustedJobs',
      statistic: 'Maximum',
      period: 60,
      evaluation_periods: 1,
      threshold: 0,
    });
    expect((monitoring.locals['alarm_defaults'] as Block)['comparison']).toBe('GreaterThanThreshold');

    // The names and dimension leads writes (services/leads/src/outbox/outbox-metrics.ts).
    const emitter = readFileSync(
      infraPath('..', 'services', 'leads', 'src', 'outbox', 'outbox-metrics.ts'),
      'utf8',
    );
    for (const text of [
      "Namespace: 'Showroom/Outbox'",
      "Dimensions: [['Service']]",
      "Name: 'OutboxBacklog'",
      "Name: 'OutboxExhaustedJobs'",
    ]) {
      expect(emitter).toContain(text);
    }

    // The platform asks for them for every launched service that runs an outbox: leads.
    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.calls['monitoring']['outbox_services']).toBe(
      '${[for name in local.launched_services : name if local.service_catalog[name].outbox]}',
    );
    const catalog = platform.locals['service_catalog'] as Record<Service, Block>;
    expect(
      Object.fromEntries(Object.entries(catalog).map(([name, service]) => [name, service['outbox']])),
    ).toEqual({ inventory: false, users: false, leads: true, retail: false, analytics: false });
  });
});

describe('images', () => {
  it('live in one shared registry (global/) that every environment reads', async () => {
    const global = await environmentScope('global');
    const ecr = await enterCall(global, 'ecr');
    expect(ecr.module.dir).toBe(infraPath('modules', 'ecr'));
    // One repository per service, and the storefront's (dealer websites).
    expect(ecr.inputs['services']).toEqual([...Object.keys(SERVICES), 'storefront']);

    const platform = await loadModule(infraPath('modules', 'platform'));
    expect(platform.data['aws_ecr_repository']['service']['name']).toBe(
      '${var.ecr_repository_prefix}/${each.key}',
    );
    expect(platform.data['aws_ecr_repository']['storefront']['name']).toBe(
      '${var.ecr_repository_prefix}/storefront',
    );
    expect(platform.variables['ecr_repository_prefix']['default']).toBe(ecr.inputs['repository_prefix']);
    expect(Object.keys(platform.resources)).not.toContain('aws_ecr_repository');
  });

  it('keep every v* and beta-* image, the last 30 builds, untagged for 7 days', async () => {
    const global = await environmentScope('global');
    const ecr = await enterCall(global, 'ecr');
    const repository = ecr.module.resources['aws_ecr_repository']['this'];
    expect(repository['image_tag_mutability']).toBe('IMMUTABLE');
    expect(first(repository['image_scanning_configuration'])['scan_on_push']).toBe(true);
    expect(first(repository['encryption_configuration'])['encryption_type']).toBe('KMS');
    expect(ecr.module.resources['aws_ecr_lifecycle_policy']['this']['policy']).toBe(
      '${jsonencode(local.lifecycle_policy)}',
    );

    const policy = resolveValue(ecr, ecr.module.locals['lifecycle_policy']);
    if (policy === UNRESOLVED || policy === null || typeof policy !== 'object' || Array.isArray(policy)) {
      throw new Error('the lifecycle policy is not a literal object');
    }
    const rules = (policy['rules'] as Block[]).map((rule): Block & { priority: number } => ({
      ...(rule['selection'] as Block),
      priority: rule['rulePriority'] as number,
    }));
    const ruleFor = (pattern: string) =>
      rules.find((rule) => JSON.stringify(rule['tagPatternList']) === JSON.stringify([pattern]));
    const builds = ruleFor('*-*');
    const untagged = rules.find((rule) => rule['tagStatus'] === 'untagged');
    expect(builds).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 30 });
    expect(untagged).toMatchObject({ countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 });
    for (const kept of ['v*', 'beta-*']) {
      const rule = ruleFor(kept);
      // A higher-priority rule's images can never be expired by a lower-priority one: "keep".
      expect(rule, `no rule for ${kept}`).toMatchObject({ countType: 'imageCountMoreThan' });
      expect(Number(rule?.['countNumber'])).toBeGreaterThanOrEqual(9999);
      expect(rule?.priority).toBeLessThan(builds?.priority ?? 0);
      expect(rule?.priority).toBeLessThan(untagged?.priority ?? 0);
    }
  });
});

describe('dealer websites (modules/storefront)', () => {
  const platformDir = infraPath('modules', 'platform');
  const storefrontDir = infraPath('modules', 'storefront');
  const oneLine = (value: Json | undefined) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ') : value;
  const catalogOf = async () =>
    (await loadModule(platformDir)).locals['service_catalog'] as Record<Service, Block>;

  /** A CloudFront Function's code as deployed: its two template expressions filled in, then run. */
  const cloudFrontFunction = async (name: string) => {
    const storefront = await loadModule(storefrontDir);
    const code = String(storefront.resources['aws_cloudfront_function'][name]['code'])
      .replace(
        '${lower(local.site_host_header)}',
        String(storefront.locals['site_host_header']).toLowerCase(),
      )
      .replace(
        '${length(var.media_path)}',
        String(String(storefront.variables['media_path']['default']).length),
      );
    expect(code).not.toContain('${');
    return new Function(`${code}; return handler;`)() as (event: object) => {
      uri: string;
      headers: Record<string, { value: string }>;
    };
  };

  it('runs the SSR server as one more ECS service (modules/ecs-service) on its own port, reachable from the ALB', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.calls['storefront']['source']).toBe('../storefront');
    expect(platform.locals['storefront_port']).toBe(4400);
    expect(platform.calls['storefront']['container_port']).toBe('${local.storefront_port}');
    // The app tier admits the ALB on it (network's service ports).
    expect(platform.calls['network']['service_ports']).toBe(
      '${concat([for service in local.service_catalog : service.port], [local.storefront_port])}',
    );
    const storefront = await loadModule(storefrontDir);
    const service = storefront.calls['service'];
    expect(service).toMatchObject({
      source: '../ecs-service',
      service_name: 'storefront',
      container_port: '${var.container_port}',
      path_pattern: '/*',
      secret_arns: {},
    });
    // Sized per environment, like the services.
    for (const env of ENVIRONMENTS) {
      const size = (await loadTfvars(env))['storefront'] as Block;
      expect(Number(size['min_capacity']), env).toBeGreaterThanOrEqual(1);
      expect(Number(size['max_capacity']), env).toBeGreaterThanOrEqual(Number(size['min_capacity']));
    }
    expect(platform.calls['storefront']['size']).toBe('${var.storefront}');
  });

  it("the ALB forwards to it only what came through the sites' distribution, with a secret of its own", async () => {
    const storefront = await loadModule(storefrontDir);
    const secret = storefront.resources['random_password']['origin_secret'];
    expect(secret['special']).toBe(false);
    expect(Number(secret['length'])).toBeGreaterThanOrEqual(32);
    // The listener rule (ecs-service: path AND header) requires this secret, not the portal's,
    // so neither distribution reaches the other's targets.
    expect(storefront.calls['service']['alb_origin_header']).toEqual({
      name: '${var.origin_header_name}',
      value: '${random_password.origin_secret.result}',
    });
    const distribution = storefront.resources['aws_cloudfront_distribution']['this'];
    const origins = distribution['origin'] as Block[];
    const site = origins.find((origin) => origin['origin_id'] === '${local.site_origin_id}') ?? {};
    expect(site['domain_name']).toBe('${var.alb_domain_name}');
    expect(first(site['custom_header'])).toEqual({
      name: '${var.origin_header_name}',
      value: '${random_password.origin_secret.result}',
    });
    expect(first(site['custom_origin_config'])['origin_protocol_policy']).toBe('https-only');
    const platform = await loadModule(platformDir);
    expect(platform.calls['storefront']['alb_domain_name']).toBe('${module.alb.domain_name}');
    expect(platform.calls['storefront']['alb_listener_arn']).toBe('${module.alb.https_listener_arn}');
    expect(platform.calls['storefront']['web_acl_id']).toBe('${module.waf.arn}');
    // Its rule comes after the internal routes' 404 and apart from every API rule.
    const alb = await loadModule(infraPath('modules', 'alb'));
    const priority = Number(storefront.variables['listener_rule_priority']['default']);
    expect(priority).toBeGreaterThan(Number(alb.variables['internal_routes_rule_priority']['default']));
    const priorities = Object.values(await catalogOf()).map((service) => Number(service['priority']));
    expect(priorities).not.toContain(priority);
  });

  it('answers every <slug>.<sites domain> with one wildcard certificate (us-east-1, DNS-validated) and one wildcard record', async () => {
    const storefront = await loadModule(storefrontDir);
    const certificate = storefront.resources['aws_acm_certificate']['sites'];
    expect(certificate).toMatchObject({ domain_name: '*.${var.sites_domain}', validation_method: 'DNS' });
    expect(storefront.resources['aws_route53_record']['validation']['zone_id']).toBe('${var.hosted_zone_id}');
    expect(storefront.resources['aws_acm_certificate_validation']['sites']['certificate_arn']).toBe(
      '${aws_acm_certificate.sites.arn}',
    );
    const distribution = storefront.resources['aws_cloudfront_distribution']['this'];
    expect(distribution['aliases']).toEqual(['*.${var.sites_domain}']);
    expect(first(distribution['viewer_certificate'])).toMatchObject({
      acm_certificate_arn: '${aws_acm_certificate_validation.sites.certificate_arn}',
      ssl_support_method: 'sni-only',
    });
    // Dealers' own domains are the provisioner's: a later apply must not remove them.
    expect(first(distribution['lifecycle'])['ignore_changes']).toEqual(['${aliases}']);
    const wildcard = storefront.resources['aws_route53_record']['wildcard'];
    expect(wildcard).toMatchObject({ name: '*.${var.sites_domain}', zone_id: '${var.hosted_zone_id}' });
    expect(wildcard['for_each']).toBe('${toset(["A", "AAAA"])}');
    expect(first(wildcard['alias'])['name']).toBe('${aws_cloudfront_distribution.this.domain_name}');
    // In us-east-1 (CloudFront's certificates live there): the platform's default provider.
    const platform = await loadModule(platformDir);
    expect(platform.calls['storefront']['providers']).toBeUndefined();
    expect(platform.calls['storefront']['hosted_zone_id']).toBe('${data.aws_route53_zone.this.zone_id}');
  });

  it.each(ENVIRONMENTS)('%s: the sites domain lies inside the hosted zone', async (env) => {
    const root = await environmentScope(env);
    const platform = await enterCall(root, 'platform');
    const domain = String(variableValue(platform, 'domain_name'));
    const zone = String(variableValue(platform, 'hosted_zone_name'));
    const sites = variableValue(platform, 'sites_domain') ?? `sites.${domain}`;
    expect(platform.module.locals['sites_domain']).toBe(
      '${coalesce(var.sites_domain, "sites.${var.domain_name}")}',
    );
    expect(String(sites).endsWith(`.${zone}`), String(sites)).toBe(true);
    if (env === 'prod') expect(sites).toBe('sites.showroom.example');
    else expect(sites).toBe(`sites.${env}.showroom.example`);
  });

  it("caches pages per site host, path and query — the viewer's host travels as X-Site-Host, never as Host", async () => {
    const storefront = await loadModule(storefrontDir);
    const distribution = storefront.resources['aws_cloudfront_distribution']['this'];
    const pages = first(distribution['default_cache_behavior']);
    expect(pages).toMatchObject({
      target_origin_id: '${local.site_origin_id}',
      viewer_protocol_policy: 'redirect-to-https',
      allowed_methods: ['GET', 'HEAD'],
      compress: true,
      cache_policy_id: '${aws_cloudfront_cache_policy.pages.id}',
    });
    // No origin request policy: Host stays the ALB's name, so its certificate always matches.
    expect(pages['origin_request_policy_id']).toBeUndefined();
    expect(first(pages['function_association'])).toEqual({
      event_type: 'viewer-request',
      function_arn: '${aws_cloudfront_function.site_host.arn}',
    });
    const key = first(
      storefront.resources['aws_cloudfront_cache_policy']['pages'][
        'parameters_in_cache_key_and_forwarded_to_origin'
      ],
    );
    expect(first(first(key['headers_config'])['headers'])['items']).toEqual(['${local.site_host_header}']);
    expect(first(key['headers_config'])['header_behavior']).toBe('whitelist');
    expect(first(key['query_strings_config'])['query_string_behavior']).toBe('all');
    expect(first(key['cookies_config'])['cookie_behavior']).toBe('none');
    expect(storefront.locals['site_host_header']).toBe('X-Site-Host');
    // ...the header the storefront is told to choose the site by (SITE_HOST_HEADER; unset, it uses Host).
    expect(oneLine(storefront.calls['service']['extra_environment'])).toBe(
      '${merge(var.service_environment, { SITE_HOST_HEADER = local.site_host_header })}',
    );
    const storefrontConfig = readFileSync(
      infraPath('..', 'apps', 'storefront', 'src', 'server', 'config.ts'),
      'utf8',
    );
    expect(storefrontConfig).toMatch(/^\s*SITE_HOST_HEADER:/m);

    const handler = await cloudFrontFunction('site_host');
    const request = handler({
      request: { uri: '/cars', headers: { host: { value: 'Demo-Motors.sites.showroom.example' } } },
    });
    expect(request.headers['x-site-host']).toEqual({ value: 'demo-motors.sites.showroom.example' });
    expect(request.headers['host']).toEqual({ value: 'Demo-Motors.sites.showroom.example' });
  });

  it('serves site assets from the media bucket under /media on every site host, and nothing private', async () => {
    const storefront = await loadModule(storefrontDir);
    const distribution = storefront.resources['aws_cloudfront_distribution']['this'];
    const media = first(distribution['ordered_cache_behavior']);
    expect(media).toMatchObject({
      path_pattern: '${var.media_path}/*',
      target_origin_id: '${local.media_origin_id}',
      allowed_methods: ['GET', 'HEAD'],
      cache_policy_id: '${data.aws_cloudfront_cache_policy.caching_optimized.id}',
    });
    const origin = (distribution['origin'] as Block[]).find(
      (candidate) => candidate['origin_id'] === '${local.media_origin_id}',
    );
    expect(origin).toMatchObject({
      domain_name: '${var.media_bucket_regional_domain_name}',
      origin_access_control_id: '${aws_cloudfront_origin_access_control.media.id}',
    });
    const handler = await cloudFrontFunction('media_path');
    expect(handler({ request: { uri: '/media/sites/assets/d1/logo-abc.png', headers: {} } }).uri).toBe(
      '/sites/assets/d1/logo-abc.png',
    );
    // The bucket lets this distribution read photos, feeds and site assets; never the uploads or
    // the published configurations under sites/ (read by the storefront's task role instead).
    const platform = await loadModule(platformDir);
    expect(platform.locals['sites_assets_prefix']).toBe('sites/assets/');
    expect(platform.calls['storefront']['media_bucket_regional_domain_name']).toBe(
      '${module.media_bucket.regional_domain_name}',
    );
    const users = await enterCall({ module: platform, inputs: {} }, 'media_bucket');
    expect(users.module.dir).toBe(infraPath('modules', 's3-private-bucket'));
    // What browsers are told (MEDIA_PUBLIC_URL of users and the storefront) is served by this path.
    expect(platform.locals['sites_media_url']).toBe('https://media.${local.sites_domain}/media');
    expect(storefront.variables['media_path']['default']).toBe('/media');
  });

  it('lets the storefront task read the published sites only, and users write sites/*', async () => {
    const storefront = await loadModule(storefrontDir);
    expect(storefront.variables['site_config_prefixes']['default']).toEqual([
      'sites/hosts/',
      'sites/dealerships/',
    ]);
    expect(oneLine(storefront.calls['service']['s3_access'])).toBe(
      '${[for prefix in var.site_config_prefixes : { bucket_arn = var.media_bucket_arn, prefix = prefix, read_only = true }]}',
    );
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    // ecs-service: a read-only prefix gets GetObject alone.
    const objects = first(
      (dynamicBlocks(service.data['aws_iam_policy_document']['task'])['statement'] as Block[])[1]['content'],
    );
    expect(objects['actions']).toBe(
      '${statement.value.read_only ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]}',
    );

    const users = (await catalogOf()).users;
    expect(users['s3_access']).toEqual([
      { bucket_arn: '${module.media_bucket.arn}', prefix: '${local.sites_prefix}' },
    ]);
    expect(users['kms_keys']).toEqual(['${module.media_bucket.kms_key_arn}']);
    const platform = await loadModule(platformDir);
    expect(platform.locals['sites_prefix']).toBe('sites/');
  });

  it("gives the users task exactly the provisioner's AWS calls, on this account's zones and that distribution", async () => {
    const storefront = await loadModule(storefrontDir);
    const policy = storefront.resources['aws_iam_role_policy']['provisioner'];
    expect(policy['role']).toBe('${var.provisioner_role_name}');
    const platform = await loadModule(platformDir);
    expect(platform.calls['storefront']['provisioner_role_name']).toBe(
      '${module.service["users"].task_role_name}',
    );
    const statements = (
      storefront.data['aws_iam_policy_document']['provisioner']['statement'] as Block[]
    ).map((statement) => ({ actions: statement['actions'], resources: statement['resources'] }));
    expect(statements).toEqual([
      {
        actions: ['route53:ChangeResourceRecordSets'],
        resources: ['arn:${local.partition}:route53:::hostedzone/*'],
      },
      { actions: ['route53:ListHostedZones'], resources: ['*'] },
      { actions: ['route53:GetChange'], resources: ['arn:${local.partition}:route53:::change/*'] },
      { actions: ['acm:RequestCertificate', 'acm:ListCertificates'], resources: ['*'] },
      {
        actions: ['acm:DescribeCertificate', 'acm:AddTagsToCertificate'],
        resources: ['arn:${local.partition}:acm:us-east-1:${local.account_id}:certificate/*'],
      },
      {
        actions: [
          'cloudfront:GetDistribution',
          'cloudfront:GetDistributionConfig',
          'cloudfront:UpdateDistribution',
          'cloudfront:CreateInvalidation',
        ],
        resources: ['${aws_cloudfront_distribution.this.arn}'],
      },
    ]);
    // No statement allows everything of a service.
    expect(JSON.stringify(statements)).not.toMatch(/"[a-z0-9]+:\*"/);
    // ...and every call the provisioner's AWS adapter makes is allowed (a tagged certificate request
    // also needs AddTagsToCertificate).
    const adapter = readFileSync(
      infraPath('..', 'services', 'users', 'src', 'provisioning', 'aws-hosting.ts'),
      'utf8',
    );
    const calls = [...adapter.matchAll(/new ([A-Z]\w+)Command\b/g)].map((match) => match[1] as string);
    expect(calls).toEqual(
      expect.arrayContaining(['ChangeResourceRecordSets', 'RequestCertificate', 'UpdateDistribution']),
    );
    const allowed = statements
      .flatMap((statement) => statement.actions as string[])
      .map((action) => action.split(':')[1]);
    expect(calls.filter((call) => !allowed.includes(call))).toEqual([]);
    if (/Tags:/.test(adapter)) expect(allowed).toContain('AddTagsToCertificate');
  });

  describe.each(ENVIRONMENTS)('in %s', (env) => {
    it('tells the users service where its sites live and what to provision them on (SITES_*)', async () => {
      const root = await environmentScope(env);
      const platform = await enterCall(root, 'platform');
      const tfvars = await loadTfvars(env);
      const sites = platform.module.locals['users_sites_environment'] as Block;
      const value = (name: string) => interpolate(platform, sites[name]);
      const sitesDomain = (tfvars['sites_domain'] as string | undefined) ?? `sites.${tfvars['domain_name']}`;
      expect(Object.keys(sites).sort()).toEqual([
        'AUTH_CLIENT_ID',
        'LEADS_API_URL',
        'SITES_CLOUDFRONT_DISTRIBUTION_ID',
        'SITES_HOSTED_ZONE_ID',
        'SITES_HOSTING',
        'SITES_ORIGIN_TEMPLATE',
        'SITES_PLATFORM_DOMAIN',
      ]);
      expect(value('SITES_HOSTING')).toBe('aws');
      expect(variableValue(platform, 'sites_domain') ?? `sites.${tfvars['domain_name']}`).toBe(sitesDomain);
      expect(sites['SITES_PLATFORM_DOMAIN']).toBe('${local.sites_domain}');
      expect(value('SITES_ORIGIN_TEMPLATE')).toBe('https://{host}');
      expect(value('LEADS_API_URL')).toBe(`http://leads.${env}.showroom.internal:${SERVICES.leads}`);
      expect(value('AUTH_CLIENT_ID')).toBe(tfvars['auth0_leads_client_id']);
      expect(sites['SITES_CLOUDFRONT_DISTRIBUTION_ID']).toBe('${module.storefront.distribution_id}');
      expect(sites['SITES_HOSTED_ZONE_ID']).toBe('${module.storefront.hosted_zone_id}');
      const storefront = await enterCall(platform, 'storefront');
      expect(storefront.module.outputs['distribution_id']['value']).toBe(
        '${aws_cloudfront_distribution.this.id}',
      );
      expect(storefront.module.outputs['hosted_zone_id']['value']).toBe('${var.hosted_zone_id}');
      expect(platform.module.locals['users_media_environment']).toBe(
        '${merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.sites_media_url })}',
      );
    });
  });

  it('gives the users service the Auth0 Management API, the portal for invitation links and a sender', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['users_team_environment']).toEqual({
      AUTH0_DOMAIN: '${var.auth0_domain}',
      AUTH0_MANAGEMENT_CLIENT_ID: '${var.auth0_management_client_id}',
      PORTAL_URL: '${local.portal_origin}',
      MAIL_FROM: '${local.team_mail_from}',
    });
    for (const env of ['dev', 'qa', 'beta', 'prod']) {
      expect(readFileSync(infraPath('envs', `${env}.tfvars`), 'utf8')).toMatch(
        /^auth0_management_client_id\s*=/m,
      );
    }
  });

  it('asks for nothing the users service does not read', async () => {
    const read = ['config.ts', 'provisioning/config.ts', 'websites/config.ts', 'identity/config.ts']
      .map((file) => readFileSync(infraPath('..', 'services', 'users', 'src', file), 'utf8'))
      .concat(
        readFileSync(infraPath('..', 'libs', 'server', 'storage', 'src', 'lib', 'storage-config.ts'), 'utf8'),
      )
      .join('\n');
    const platform = await loadModule(platformDir);
    const names = [
      ...Object.keys(platform.locals['users_sites_environment'] as Block),
      ...Object.keys(platform.locals['users_team_environment'] as Block),
      ...Object.keys(platform.locals['media_bucket_environment'] as Block),
      'MEDIA_PUBLIC_URL',
      ...((await catalogOf()).users['secrets'] as string[]),
    ];
    const unread = names.filter((name) => !new RegExp(`^\\s*${name}:`, 'm').test(read));
    expect(unread).toEqual([]);
  });

  it('gives the storefront server inventory inside the VPC, the public APIs at the portal and the published sites', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.calls['storefront']['service_environment']).toBe('${local.storefront_environment}');
    const environment = oneLine(platform.locals['storefront_environment']) as string;
    expect(environment).toMatch(/^\$\{merge\(local\.media_bucket_environment, \{/);
    for (const entry of [
      'MEDIA_PUBLIC_URL = local.sites_media_url',
      'INVENTORY_API_URL = "http://inventory.${local.internal_domain}:3001"',
      // The vehicle page's payment terms, from retail inside the VPC (its e-mailed deals go through the edge).
      'RETAIL_API_URL = "http://retail.${local.internal_domain}:3004"',
      'PUBLIC_API_ORIGIN = local.portal_origin',
      'SITE_CACHE_SECONDS = "5"',
      'PAGE_CACHE_SECONDS = "30"',
    ]) {
      expect(environment).toContain(entry);
    }
    // ...each a variable the server reads (apps/storefront/src/server/config.ts, storageConfigShape).
    const config = readFileSync(infraPath('..', 'apps', 'storefront', 'src', 'server', 'config.ts'), 'utf8');
    expect(config).toContain('...storageConfigShape');
    for (const name of [
      'INVENTORY_API_URL',
      'RETAIL_API_URL',
      'PUBLIC_API_ORIGIN',
      'SITE_CACHE_SECONDS',
      'PAGE_CACHE_SECONDS',
    ]) {
      expect(config, name).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it('is watched and put to sleep like the services', async () => {
    const platform = await loadModule(platformDir);
    expect(oneLine(platform.calls['monitoring']['ecs_services'])).toBe(
      '${concat(keys(local.service_catalog), [module.storefront.service_name])}',
    );
    expect(oneLine(platform.calls['monitoring']['target_groups'])).toContain(
      '{ storefront = module.storefront.target_group_arn_suffix }',
    );
    expect(oneLine(platform.calls['scheduler']['ecs_services'])).toContain(
      'storefront = { resource_id = module.storefront.autoscaling_resource_id',
    );
  });
});

describe('the retail service (digital retailing)', () => {
  const platformDir = infraPath('modules', 'platform');
  const oneLine = (value: Json | undefined) =>
    typeof value === 'string' ? value.replace(/\s+/g, ' ') : value;
  const catalogOf = async () =>
    (await loadModule(platformDir)).locals['service_catalog'] as Record<Service, Block>;
  const read = (...parts: string[]) => readFileSync(infraPath('..', ...parts), 'utf8');
  /** Every file whose variables the retail service reads, its own modules' and the shared libraries'. */
  const retailConfig = () =>
    [
      read('services', 'retail', 'src', 'config.ts'),
      read('services', 'retail', 'src', 'encryption', 'config.ts'),
      read('services', 'retail', 'src', 'credit', 'config.ts'),
      read('services', 'retail', 'src', 'reservations', 'config.ts'),
      read('libs', 'server', 'storage', 'src', 'lib', 'storage-config.ts'),
      read('libs', 'server', 'kit', 'src', 'lib', 'config.ts'),
    ].join('\n');

  /** Every name the retail task definition sets: common, media bucket, its own, and from SSM. */
  const givenToRetail = async () => {
    const platform = await loadModule(platformDir);
    const service = await loadModule(infraPath('modules', 'ecs-service'));
    const common = [...String(service.locals['environment']).matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=/gm)].map(
      (match) => match[1] as string,
    );
    return new Set([
      ...common,
      ...Object.keys(platform.locals['media_bucket_environment'] as Block),
      'MEDIA_PUBLIC_URL',
      ...Object.keys(platform.locals['retail_environment'] as Block),
      'RETAIL_DATABASE_URL',
      'RETAIL_DATABASE_READER_URLS',
      ...SHARED_SECRETS,
      ...((await catalogOf()).retail['secrets'] as string[]),
    ]);
  };

  describe.each(ENVIRONMENTS)('in %s', (env) => {
    it('runs on 3004 behind /api/retail/*, at zero tasks until launched, like every service', async () => {
      const catalog = await catalogOf();
      expect(catalog.retail).toMatchObject({ port: 3004, public_internal: null, outbox: false });
      const sizes = (await loadTfvars(env))['services'] as Record<Service, Block>;
      expect(Number(sizes.retail['min_capacity'])).toBeGreaterThanOrEqual(1);
      expect(Number(sizes.retail['max_capacity'])).toBeGreaterThanOrEqual(
        Number(sizes.retail['min_capacity']),
      );
      // The path rule is ecs-service's default for the service name: /api/retail/*.
      const platform = await loadModule(platformDir);
      expect(platform.calls['service']['path_pattern']).toBeUndefined();
    });

    it('gets its peers inside the VPC, the machine client, its sender, Stripe and the PII key', async () => {
      const root = await environmentScope(env);
      const platform = await enterCall(root, 'platform');
      const tfvars = await loadTfvars(env);
      const catalog = platform.module.locals['service_catalog'] as Record<Service, Block>;
      expect(catalog.retail['environment']).toBe(
        '${merge(local.retail_media_environment, local.retail_environment)}',
      );
      const environment = platform.module.locals['retail_environment'] as Block;
      expect(Object.keys(environment).sort()).toEqual([...RETAIL_ENVIRONMENT].sort());
      const value = (name: string) => interpolate(platform, environment[name]);
      expect(value('USERS_API_URL')).toBe(`http://users.${env}.showroom.internal:${SERVICES.users}`);
      expect(value('INVENTORY_API_URL')).toBe(
        `http://inventory.${env}.showroom.internal:${SERVICES.inventory}`,
      );
      expect(value('LEADS_API_URL')).toBe(`http://leads.${env}.showroom.internal:${SERVICES.leads}`);
      expect(value('AUTH_CLIENT_ID')).toBe(tfvars['auth0_leads_client_id']);
      // Production refuses any other Stripe API and the local key provider (services/retail).
      expect(value('STRIPE_API_URL')).toBe('https://api.stripe.com');
      expect(value('KEY_PROVIDER')).toBe('kms');
      expect(environment['KMS_KEY_ID']).toBe('${aws_kms_key.retail_pii.arn}');
      expect(environment['KMS_REGION']).toBe('${data.aws_region.current.region}');
      expect(platform.module.locals['retail_mail_from']).toBe(
        '${coalesce(var.retail_mail_from, "deals@${var.domain_name}")}',
      );
      expect(environment['MAIL_FROM']).toBe('${local.retail_mail_from}');
      const mailFrom = variableValue(platform, 'retail_mail_from') ?? `deals@${tfvars['domain_name']}`;
      expect(mailFrom).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
      // Its sender shares leads' SES-verified domain.
      const domainOf = (address: Json | typeof UNRESOLVED) => String(address).split('@')[1];
      expect(domainOf(mailFrom)).toBe(
        domainOf(tfvars['leads_mail_from'] ?? `leads@${tfvars['domain_name']}`),
      );
      expect(resolveValue(platform, catalog.retail['machine_clients'])).toEqual([
        tfvars['auth0_leads_client_id'],
      ]);
    });
  });

  it('is given every variable it refuses to start without in production', async () => {
    const config = retailConfig();
    const statements = [...config.matchAll(/^\s*([A-Z][A-Z0-9_]*): notInProduction\(/gm)].map((match) => {
      const rest = config.slice((match.index ?? 0) + match[0].length);
      const next = /^\s*[A-Z][A-Z0-9_]*:|^};/m.exec(rest);
      return { name: match[1] as string, text: rest.slice(0, next?.index ?? rest.length) };
    });
    // An optional URL refused only when it points at this machine may stay unset (KMS_ENDPOINT).
    const required = statements
      .filter(({ text }) => !(text.includes('.optional()') && text.includes('devDefaults.localhost')))
      .map(({ name }) => name);
    expect(required).toEqual(
      expect.arrayContaining([
        'KEY_PROVIDER',
        'KMS_KEY_ID',
        'STRIPE_API_URL',
        'DEAL_LINK_SECRET',
        'SMTP_URL',
      ]),
    );
    expect(config).toContain("databaseConfigShape('RETAIL',");
    const given = await givenToRetail();
    expect(required.filter((name) => !given.has(name))).toEqual([]);
  });

  it('asks for nothing services/retail does not read', async () => {
    const config = retailConfig();
    const platform = await loadModule(platformDir);
    const names = [
      ...Object.keys(platform.locals['retail_environment'] as Block),
      ...Object.keys(platform.locals['media_bucket_environment'] as Block),
      'MEDIA_PUBLIC_URL',
      ...((await catalogOf()).retail['secrets'] as string[]),
    ];
    expect(names.filter((name) => !new RegExp(`^\\s*${name}:`, 'm').test(config))).toEqual([]);
  });

  it('gets its secrets from its own SSM path, and only it gets the deal-link and Stripe keys', async () => {
    const catalog = await catalogOf();
    expect(catalog.retail['secrets']).toEqual(RETAIL_SECRETS);
    for (const other of ['inventory', 'users', 'leads'] as const) {
      const secrets = JSON.stringify(catalog[other]['secrets']);
      for (const name of RETAIL_ONLY_SECRETS) expect(secrets, `${other} ${name}`).not.toContain(name);
    }
  });

  it('keeps trade-in photos private under retail/ in the media bucket', async () => {
    const platform = await loadModule(platformDir);
    const catalog = await catalogOf();
    expect(platform.locals['retail_prefix']).toBe('retail/');
    expect(catalog.retail['s3_access']).toEqual([
      { bucket_arn: '${module.media_bucket.arn}', prefix: '${local.retail_prefix}' },
    ]);
    expect(catalog.retail['kms_keys']).toEqual(['${module.media_bucket.kms_key_arn}']);
    expect(catalog.retail['dynamodb_tables']).toEqual([]);
    // CloudFront reads only the public prefixes and site assets: never retail/.
    expect(oneLine(platform.calls['media_bucket']['cloudfront_read_prefixes'])).toBe(
      '${concat(local.public_media_prefixes, [local.sites_assets_prefix])}',
    );
    expect(platform.locals['public_media_prefixes']).not.toContain('retail/');
    expect(platform.locals['retail_media_environment']).toBe(
      '${merge(local.media_bucket_environment, { MEDIA_PUBLIC_URL = local.portal_origin })}',
    );
  });

  describe('the PII key of credit applications', () => {
    const statements = async () => {
      const platform = await loadModule(platformDir);
      return (platform.data['aws_iam_policy_document']['retail_pii']['statement'] as Block[]).map(
        (statement) => ({
          actions: statement['actions'] as string[],
          principals: first(statement['principals'])['identifiers'] as string[],
          conditions: (statement['condition'] ?? []) as Block[],
        }),
      );
    };

    it('is customer-managed, rotated, with a 30-day deletion window and its alias', async () => {
      const platform = await loadModule(platformDir);
      const key = platform.resources['aws_kms_key']['retail_pii'];
      expect(key['enable_key_rotation']).toBe(true);
      expect(key['deletion_window_in_days']).toBe(30);
      expect(key['policy']).toBeUndefined(); // its own resource, below: no two policies fight
      expect(platform.resources['aws_kms_alias']['retail_pii']).toEqual({
        name: 'alias/showroom-${var.environment}-retail-pii',
        target_key_id: '${aws_kms_key.retail_pii.key_id}',
      });
      expect(platform.resources['aws_kms_key_policy']['retail_pii']).toEqual({
        key_id: '${aws_kms_key.retail_pii.id}',
        policy: '${data.aws_iam_policy_document.retail_pii.json}',
      });
    });

    it('lets only the retail task role generate and unwrap data keys, under a dealership and application context', async () => {
      const all = await statements();
      const users = all.filter((statement) =>
        statement.actions.some((action) =>
          /^kms:(\*|Encrypt|Decrypt|GenerateDataKey|ReEncrypt|CreateGrant)/.test(action),
        ),
      );
      expect(users).toEqual([
        {
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          principals: ['${module.service["retail"].task_role_arn}'],
          conditions: expect.any(Array),
        },
      ]);
      const conditions = (users[0] as { conditions: Block[] }).conditions.map((condition) => ({
        test: condition['test'],
        variable: condition['variable'],
        values: condition['values'],
      }));
      expect(conditions).toEqual([
        {
          test: 'ForAllValues:StringEquals',
          variable: 'kms:EncryptionContextKeys',
          values: ['dealershipId', 'applicationId'],
        },
        { test: 'Null', variable: 'kms:EncryptionContext:dealershipId', values: ['false'] },
        { test: 'Null', variable: 'kms:EncryptionContext:applicationId', values: ['false'] },
      ]);
      // The account administers it (so the key can never be orphaned) without using or granting it.
      const admin = all.find((statement) => statement !== users[0]);
      expect(admin?.principals).toEqual([
        'arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root',
      ]);
      expect(admin?.actions).toEqual(expect.arrayContaining(['kms:Put*', 'kms:ScheduleKeyDeletion']));
      expect(all).toHaveLength(2);
      // No IAM policy adds to it: the task role's data keys are the media bucket's only.
      const catalog = await catalogOf();
      expect(JSON.stringify(catalog)).not.toContain('aws_kms_key.retail_pii.arn');
    });

    it("allows every KMS call retail's key provider makes, with the context it sends", async () => {
      const provider = read('services', 'retail', 'src', 'encryption', 'kms-key-provider.ts');
      const calls = [...provider.matchAll(/new ([A-Z]\w+)Command\(/g)].map((match) => `kms:${match[1]}`);
      expect(calls.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      // Its encryption context: exactly the two keys the policy requires.
      const context = /const kmsContext = [^=]*=> \(\{([^}]*)\}\)/.exec(provider)?.[1] ?? '';
      expect(
        context
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      ).toEqual(['dealershipId', 'applicationId']);
      const allowed = (await statements()).flatMap((statement) => statement.actions);
      expect(calls.filter((call) => !allowed.includes(call))).toEqual([]);
    });
  });

  it('tells the operators how to launch it: parameters, Auth0 scopes, Stripe webhook, launched = true', () => {
    const readme = read('infra', 'README.md');
    for (const name of RETAIL_SECRETS) expect(readme).toContain(`/showroom/<env>/retail/${name}`);
    for (const scope of ['hold:vehicles', 'write:deal-leads', 'read:lead-assignees', 'read:dealerships'])
      expect(readme).toContain(scope);
    expect(readme).toContain('/api/retail/webhooks/payments');
    expect(readme).toContain('alias/showroom-<env>-retail-pii');
  });
});

// 5. The warehouse and the analytics service in AWS: Redshift Serverless in private subnets under
//    the platform's warehouse key, a COPY role that reads only warehouse/, the exporting services'
//    access to their own table's prefix, the SSM names the nightly load reads, the analytics ECS
//    service and its Elasticsearch secret, and what the ETL scripts ask AWS (a stand-in `aws`).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Block,
  ENVIRONMENTS,
  enterCall,
  environmentScope,
  infraPath,
  type Json,
  loadModule,
  loadTfvars,
  variableValue,
} from './support/terraform';

const platformDir = infraPath('modules', 'platform');
const warehouseDir = infraPath('modules', 'redshift-warehouse');
const oneLine = (value: Json | undefined) => String(value).replace(/\s+/g, ' ');
const first = (blocks: Json | undefined): Block =>
  Array.isArray(blocks) && blocks[0] && typeof blocks[0] === 'object' && !Array.isArray(blocks[0])
    ? blocks[0]
    : {};
const workspaceFile = (path: string) => readFileSync(infraPath('..', path), 'utf8');

describe('the warehouse in Redshift Serverless', () => {
  it('when the platform builds it, then the workgroup sits in the private data subnets, unreachable from outside, COPY through the VPC', async () => {
    const platform = await loadModule(platformDir);
    const call = platform.calls['warehouse'];
    expect(call).toMatchObject({
      source: '../redshift-warehouse',
      vpc_id: '${module.network.vpc_id}',
      subnet_ids: '${module.network.data_subnet_ids}',
      kms_key_arn: '${module.warehouse_bucket.kms_key_arn}',
      bucket_arn: '${module.warehouse_bucket.arn}',
      bucket_prefix: '${local.warehouse_prefix}',
    });
    expect(call['client_security_group_ids']).toBeUndefined(); // no SQL clients: the load uses the Data API

    const module = await loadModule(warehouseDir);
    const workgroup = module.resources['aws_redshiftserverless_workgroup']['this'];
    expect(workgroup).toMatchObject({
      subnet_ids: '${var.subnet_ids}',
      publicly_accessible: false,
      enhanced_vpc_routing: true,
      security_group_ids: ['${aws_security_group.workgroup.id}'],
    });
    expect(first(workgroup['config_parameter'])).toEqual({
      parameter_key: 'require_ssl',
      parameter_value: 'true',
    });
    // Out: S3 only (the gateway endpoint's prefix list), 443. In: only named client groups (none).
    expect(module.resources['aws_vpc_security_group_egress_rule']).toEqual({
      s3: expect.objectContaining({
        prefix_list_id: '${data.aws_ec2_managed_prefix_list.s3.id}',
        from_port: 443,
        to_port: 443,
      }),
    });
    expect(module.resources['aws_vpc_security_group_ingress_rule']['clients']['for_each']).toBe(
      '${toset(var.client_security_group_ids)}',
    );
  });

  it("when the namespace is created, then it is encrypted with the platform's warehouse key and Redshift keeps the admin password", async () => {
    const module = await loadModule(warehouseDir);
    const namespace = module.resources['aws_redshiftserverless_namespace']['this'];
    expect(namespace).toMatchObject({
      kms_key_id: '${var.kms_key_arn}',
      manage_admin_password: true,
      iam_roles: ['${aws_iam_role.copy.arn}'],
      default_iam_role_arn: '${aws_iam_role.copy.arn}',
    });
    expect(namespace['admin_user_password']).toBeUndefined();
    expect(module.outputs['admin_secret_arn']['sensitive']).toBe(true);
    // The same key encrypts the files COPY reads: one key for the warehouse's data.
    const platform = await loadModule(platformDir);
    expect(platform.calls['warehouse_bucket']['source']).toBe('../s3-private-bucket');
    expect(platform.calls['warehouse_bucket']['sse_algorithm']).toBeUndefined(); // aws:kms, its own key
  });

  it('when COPY runs, then its role may only read warehouse/ files and decrypt them', async () => {
    const module = await loadModule(warehouseDir);
    const statements = module.data['aws_iam_policy_document']['copy']['statement'] as Block[];
    expect(statements.map((s) => [s['actions'], s['resources']])).toEqual([
      [['s3:GetObject'], ['${var.bucket_arn}/${var.bucket_prefix}*']],
      [['s3:ListBucket', 's3:GetBucketLocation'], ['${var.bucket_arn}']],
      [['kms:Decrypt'], ['${var.kms_key_arn}']],
    ]);
    expect(first(statements[1]?.['condition'])).toEqual({
      test: 'StringLike',
      variable: 's3:prefix',
      values: ['${var.bucket_prefix}*'],
    });
    const assume = first(module.data['aws_iam_policy_document']['assume_copy']['statement']);
    expect(first(assume['principals'])['identifiers']).toEqual([
      'redshift.amazonaws.com',
      'redshift-serverless.amazonaws.com',
    ]);
  });

  it('when files age, then they tier after 30 days and expire after the environment’s retention; only through the VPC endpoint or as the COPY role', async () => {
    const platform = await loadModule(platformDir);
    const bucket = platform.calls['warehouse_bucket'];
    expect(bucket['restrict_to_vpc_endpoint_id']).toBe('${module.network.s3_vpc_endpoint_id}');
    // ...except for the COPY role: COPY from Parquet reads through Redshift Spectrum, outside the endpoint.
    expect(bucket['vpce_exempt_principal_arns']).toBe(
      '${concat(local.vpce_exempt_principal_arns, [local.warehouse_copy_role_arn])}',
    );
    const module = await loadModule(warehouseDir);
    expect(module.locals['name']).toBe('${var.name_prefix}-warehouse');
    expect(module.resources['aws_iam_role']['copy']['name']).toBe('${local.name}-copy');
    expect(platform.locals['warehouse_copy_role_arn']).toBe(
      'arn:${data.aws_partition.current.partition}:iam::${local.account_id}:role/${local.name}-warehouse-copy',
    );
    expect(platform.calls['warehouse']['name_prefix']).toBe('${local.name}');
    expect(bucket['lifecycle_rules']).toEqual([
      {
        id: 'age-warehouse-files',
        prefix: '${local.warehouse_prefix}',
        transition_days: 30,
        transition_storage_class: 'INTELLIGENT_TIERING',
        expiration_days: '${var.warehouse.file_retention_days}',
        noncurrent_expiration_days: 7,
      },
    ]);
    for (const env of ENVIRONMENTS) {
      const warehouse = (await loadTfvars(env))['warehouse'] as Block;
      expect(Number(warehouse['file_retention_days']), env).toBeGreaterThanOrEqual(90);
      expect(Number(warehouse['base_capacity']) % 8, env).toBe(0);
      expect(Number(warehouse['max_capacity']), env).toBeGreaterThanOrEqual(
        Number(warehouse['base_capacity']),
      );
    }
  });

  it("when the services export, then each export role writes only its own table's prefix, and the tables are the ones they declare", async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['warehouse_prefix']).toBe('warehouse/');
    const tables = platform.locals['warehouse_tables'] as Block;
    expect(tables).toEqual({ leads: 'leads', inventory: 'vehicles', retail: 'deals', analytics: 'events' });
    // Each service's table declaration names the same table...
    const declared = {
      leads: 'services/leads/src/warehouse/leads-table.ts',
      inventory: 'services/inventory/src/warehouse/vehicles-table.ts',
      retail: 'services/retail/src/warehouse/deals-table.ts',
      analytics: 'services/analytics/src/warehouse/events-table.ts',
    };
    for (const [service, file] of Object.entries(declared)) {
      expect(workspaceFile(file), service).toContain(`name: '${String(tables[service])}'`);
      // The image has the command line the export task runs (node warehouse/warehouse-cli.js).
      const build = JSON.parse(workspaceFile(`services/${service}/project.json`)) as {
        targets: { build: { options: { additionalEntryPoints: string[] } } };
      };
      expect(build.targets.build.options.additionalEntryPoints, service).toContain(
        `services/${service}/src/warehouse/warehouse-cli.ts`,
      );
    }
    // ...and the ETL and the SQL name the same services and the same prefix.
    expect(workspaceFile('infra/scripts/warehouse-export.sh')).toContain(
      'readonly WAREHOUSE_SERVICES=(leads inventory retail analytics)',
    );
    for (const table of Object.values(tables)) {
      expect(workspaceFile('infra/warehouse/copy.sql')).toContain(
        `FROM 's3://{{bucket}}/warehouse/${String(table)}/dt={{date}}/'`,
      );
    }

    // The long-running services get no warehouse grant (a compromised web task cannot delete
    // warehouse history), only the bucket's names, which their one-off export task inherits...
    const call = platform.calls['service'];
    expect(call['s3_access']).toBe('${each.value.s3_access}');
    expect(oneLine(call['data_kms_key_arns'])).not.toContain('warehouse');
    for (const service of Object.values(platform.locals['service_catalog'] as Record<string, Block>)) {
      expect(JSON.stringify(service['s3_access'])).not.toContain('warehouse');
      expect(JSON.stringify(service['kms_keys'])).not.toContain('warehouse');
    }
    expect(oneLine(call['extra_environment'])).toContain(
      '{ for name, value in local.warehouse_environment : name => value if contains(keys(local.warehouse_tables), each.key) }',
    );
    // ...and that task runs with its service's export role (warehouse-export.sh overrides taskRoleArn):
    // assumed by ECS tasks of this account only, put/get/delete and list under its own table, the key.
    const exportRole = platform.resources['aws_iam_role']['warehouse_export'];
    expect(exportRole['for_each']).toBe('${local.warehouse_tables}');
    expect(exportRole['name']).toBe('${local.name}-${each.key}-warehouse-export');
    const assume = first(platform.data['aws_iam_policy_document']['warehouse_export_assume']['statement']);
    expect(first(assume['principals'])['identifiers']).toEqual(['ecs-tasks.amazonaws.com']);
    expect(first(assume['condition'])).toMatchObject({
      variable: 'aws:SourceAccount',
      values: ['${local.account_id}'],
    });
    const statements = platform.data['aws_iam_policy_document']['warehouse_export']['statement'] as Block[];
    expect(
      statements.map((statement) => [statement['sid'], statement['actions'], statement['resources']]),
    ).toEqual([
      [
        'OwnTablePartitions',
        ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        ['${module.warehouse_bucket.arn}/${local.warehouse_prefix}${each.value}/*'],
      ],
      ['ListOwnTable', ['s3:ListBucket'], ['${module.warehouse_bucket.arn}']],
      ['WarehouseKey', ['kms:Decrypt', 'kms:GenerateDataKey'], ['${module.warehouse_bucket.kms_key_arn}']],
    ]);
    expect(first(statements[1]?.['condition'])['values']).toEqual([
      '${local.warehouse_prefix}${each.value}/*',
    ]);
    expect(platform.resources['aws_ssm_parameter']['warehouse_export_role']).toMatchObject({
      for_each: '${aws_iam_role.warehouse_export}',
      name: '/showroom/${var.environment}/warehouse/export-role-arn/${each.key}',
    });
    expect(workspaceFile('infra/scripts/warehouse-export.sh')).toContain(
      '"/showroom/${environment}/warehouse/export-role-arn/${service}"',
    );
    // The names services/*/src/warehouse/warehouse-cli.ts read (libs/server/warehouse warehouseConfigShape).
    expect(Object.keys(platform.locals['warehouse_environment'] as Block).sort()).toEqual([
      'S3_ENDPOINT',
      'S3_REGION',
      'WAREHOUSE_KMS_KEY_ID',
      'WAREHOUSE_S3_BUCKET',
    ]);
    const shape = workspaceFile('libs/server/warehouse/src/lib/warehouse-store.ts');
    for (const name of ['WAREHOUSE_S3_BUCKET', 'WAREHOUSE_KMS_KEY_ID', 'S3_REGION', 'S3_ENDPOINT']) {
      expect(shape).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it('when the nightly load runs, then the SSM names it reads are the ones the platform writes', async () => {
    const platform = await loadModule(platformDir);
    const parameters = platform.resources['aws_ssm_parameter']['deploy']['for_each'] as Block;
    expect(parameters).toMatchObject({
      'warehouse/workgroup': '${module.warehouse.workgroup_name}',
      'warehouse/database': '${module.warehouse.database_name}',
      'warehouse/copy-role-arn': '${module.warehouse.copy_role_arn}',
      'warehouse/bucket': '${module.warehouse_bucket.bucket}',
    });
    const load = workspaceFile('infra/scripts/warehouse-load.sh');
    for (const name of Object.keys(parameters).filter((key) => key.startsWith('warehouse/'))) {
      expect(load).toContain(`/showroom/\${environment}/${name}"`);
    }
  });
});

describe('the analytics service in ECS', () => {
  it('when deployed, then it runs on 3005 behind /api/analytics/*, on Elasticsearch with its API key from SSM', async () => {
    const platform = await loadModule(platformDir);
    const analytics = (platform.locals['service_catalog'] as Record<string, Block>)['analytics'] as Block;
    expect(analytics).toMatchObject({ port: 3005, outbox: false, public_internal: null });
    expect(analytics['secrets']).toEqual(['AUTH_CLIENT_SECRET', 'ELASTICSEARCH_API_KEY']);
    expect(analytics['environment']).toBe('${local.analytics_environment}');
    expect(platform.locals['analytics_environment']).toMatchObject({
      ANALYTICS_ENGINE: 'elasticsearch',
      ELASTICSEARCH_URL: '${var.analytics_elasticsearch_url}',
      USERS_API_URL: 'http://users.${local.internal_domain}:3002',
      AUTH_CLIENT_ID: '${var.auth0_leads_client_id}',
    });
    // Every name it is given is one services/analytics reads.
    const config = workspaceFile('services/analytics/src/config.ts');
    for (const name of [
      ...Object.keys(platform.locals['analytics_environment'] as Block),
      ...(analytics['secrets'] as string[]),
    ]) {
      expect(config, name).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
    }
  });

  it('when the producers post events, then they reach it inside the VPC by its Cloud Map name', async () => {
    const platform = await loadModule(platformDir);
    expect(platform.locals['analytics_api_url']).toBe('http://analytics.${local.internal_domain}:3005');
    const catalog = platform.locals['service_catalog'] as Record<string, Block>;
    expect((catalog['leads']?.['environment'] as Block)['ANALYTICS_API_URL']).toBe(
      '${local.analytics_api_url}',
    );
    expect(oneLine(catalog['inventory']?.['environment'])).toContain(
      'ANALYTICS_API_URL = local.analytics_api_url',
    );
    expect((platform.locals['retail_environment'] as Block)['ANALYTICS_API_URL']).toBe(
      '${local.analytics_api_url}',
    );
  });

  it.each(ENVIRONMENTS)(
    'in %s, when the Elasticsearch URL is still the placeholder, then plan refuses it and no task runs',
    async (env) => {
      const root = await environmentScope(env);
      const platform = await enterCall(root, 'platform');
      const url = variableValue(platform, 'analytics_elasticsearch_url');
      const condition = String(
        first(platform.module.variables['analytics_elasticsearch_url']['validation'])['condition'],
      );
      expect(condition).toContain('regex("^https://", var.analytics_elasticsearch_url)');
      expect(/^https:\/\//.test(String(url))).toBe(false);
      const services = (await loadTfvars(env))['services'] as Record<string, Block>;
      expect(services['analytics']?.['launched']).toBe(false);
    },
  );
});

describe('the ETL scripts', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'infra-warehouse-'));
  const calls = join(scratch, 'calls.log');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // A stand-in aws: records its arguments, answers what the scripts ask; FAILING names the service
  // whose export task exits 1.
  writeFileSync(
    join(scratch, 'aws'),
    [
      '#!/bin/bash',
      'printf "%s\\n" "$*" >>"$AWS_CALLS"',
      'case "$1 $2" in',
      '  "ssm get-parameter") if [[ "$4" == */export-role-arn/* ]]; then echo "arn:aws:iam::1:role/${4##*/}-export"; else echo "value-of:$4"; fi ;;',
      '  "ecs describe-services")',
      '    if [[ "$*" == *taskDefinition* ]]; then echo "arn:aws:ecs:us-east-1:1:task-definition/showroom-qa-$6:7";',
      '    else echo \'{"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}}\'; fi ;;',
      '  "ecs run-task") echo "arn:aws:ecs:us-east-1:1:task/showroom-qa/$(echo "$*" | grep -o \'"name":"[a-z]*"\' | cut -d\\" -f4)" ;;',
      '  "ecs describe-tasks") if [[ -n "$FAILING" && "$*" == *"/$FAILING "* ]]; then echo 1; else echo 0; fi ;;',
      'esac',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(scratch, 'npm'),
    '#!/bin/bash\nprintf "npm %s | %s %s %s %s\\n" "$*" "$REDSHIFT_WORKGROUP" "$REDSHIFT_DATABASE" "$REDSHIFT_COPY_ROLE_ARN" "$WAREHOUSE_S3_BUCKET" >>"$AWS_CALLS"\n',
  );
  chmodSync(join(scratch, 'aws'), 0o755);
  chmodSync(join(scratch, 'npm'), 0o755);

  const run = (script: string, args: string[], failing = '') => {
    rmSync(calls, { force: true });
    const result = spawnSync('bash', [infraPath('scripts', script), ...args], {
      encoding: 'utf8',
      env: { PATH: `${scratch}:/usr/bin:/bin`, AWS_CALLS: calls, FAILING: failing },
    });
    return { ...result, calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [] };
  };

  const runTask = (service: string, date: string) =>
    `ecs run-task --cluster value-of:/showroom/qa/deploy/cluster --task-definition arn:aws:ecs:us-east-1:1:task-definition/showroom-qa-${service}:7 --count 1 --launch-type FARGATE --network-configuration {"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}} --overrides {"taskRoleArn":"arn:aws:iam::1:role/${service}-export","containerOverrides":[{"name":"${service}","command":["node","warehouse/warehouse-cli.js","export","--date","${date}"]}]} --started-by warehouse-export --query tasks[0].taskArn --output text`;

  it('when the export runs, then each service exports the day from a one-off task of its own task definition, in its own network, with its warehouse export role instead of its task role', () => {
    const result = run('warehouse-export.sh', ['qa', '2026-12-05']);
    expect(result.status, result.stderr).toBe(0);
    const runTasks = result.calls.filter((call) => call.startsWith('ecs run-task'));
    expect(runTasks).toEqual(
      ['leads', 'inventory', 'retail', 'analytics'].map((service) => runTask(service, '2026-12-05')),
    );
    for (const service of ['leads', 'inventory', 'retail', 'analytics']) {
      expect(result.calls).toContain(
        `ssm get-parameter --name /showroom/qa/warehouse/export-role-arn/${service} --query Parameter.Value --output text`,
      );
    }
    expect(result.calls.filter((call) => call.startsWith('ecs wait tasks-stopped'))).toHaveLength(4);
    expect(result.stderr).toContain('warehouse export of 2026-12-05 to 2026-12-05 complete');
  });

  it('when the night redoes 3 days, then the late-arriving events export each of them, oldest first, and the other tables the last day only', () => {
    const result = run('warehouse-export.sh', ['qa', '2026-03-01', '3']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls.filter((call) => call.startsWith('ecs run-task'))).toEqual([
      runTask('leads', '2026-03-01'),
      runTask('inventory', '2026-03-01'),
      runTask('retail', '2026-03-01'),
      runTask('analytics', '2026-02-27'),
      runTask('analytics', '2026-02-28'),
      runTask('analytics', '2026-03-01'),
    ]);
  });

  it('when one export fails, then the others still run and the script fails naming it (so the days are not loaded)', () => {
    const result = run('warehouse-export.sh', ['qa', '2026-12-05', '2'], 'retail');
    expect(result.status).toBe(1);
    expect(result.calls.filter((call) => call.startsWith('ecs run-task'))).toHaveLength(5);
    expect(result.stderr).toContain('retail export of 2026-12-05 exited with 1');
    expect(result.stderr).toContain('failed for: retail 2026-12-05; these days must not be loaded');
  });

  it('when the day, the days or the environment is wrong, then nothing is asked of AWS', () => {
    expect(run('warehouse-export.sh', ['qa', '05/12/2026'])).toMatchObject({ status: 1, calls: [] });
    expect(run('warehouse-export.sh', ['qa', '2026-02-30'])).toMatchObject({ status: 1, calls: [] });
    expect(run('warehouse-export.sh', ['staging', '2026-12-05'])).toMatchObject({ status: 1, calls: [] });
    for (const days of ['0', '32', '3; rm', '']) {
      expect(run('warehouse-export.sh', ['qa', '2026-12-05', days]), days).toMatchObject({
        status: 1,
        calls: [],
      });
      expect(run('warehouse-load.sh', ['qa', '2026-12-05', days]), days).toMatchObject({
        status: 1,
        calls: [],
      });
    }
    expect(run('warehouse-load.sh', ['qa', "2026-12-05'; drop"])).toMatchObject({ status: 1, calls: [] });
  });

  it("when the load runs, then it reads the platform's SSM names and runs npm run warehouse:load for the days with them", () => {
    const result = run('warehouse-load.sh', ['prod', '2026-12-05', '3']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toEqual([
      'ssm get-parameter --name /showroom/prod/warehouse/workgroup --query Parameter.Value --output text',
      'ssm get-parameter --name /showroom/prod/warehouse/database --query Parameter.Value --output text',
      'ssm get-parameter --name /showroom/prod/warehouse/copy-role-arn --query Parameter.Value --output text',
      'ssm get-parameter --name /showroom/prod/warehouse/bucket --query Parameter.Value --output text',
      'npm run --silent warehouse:load -- --date 2026-12-05 --days 3 | value-of:/showroom/prod/warehouse/workgroup value-of:/showroom/prod/warehouse/database value-of:/showroom/prod/warehouse/copy-role-arn value-of:/showroom/prod/warehouse/bucket',
    ]);
  });
});

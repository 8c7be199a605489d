// The nightly warehouse ETL job: its Job DSL definition and its pipeline agree on parameters and
// trigger, it exports before it loads (a failed export stops the load), and it reaches AWS only
// through the environment's credentials. What the two steps do is checked in infra/tests/warehouse.test.ts.
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE } from './support/pipeline-checks';

const read = (path: string) => readFileSync(join(WORKSPACE, path), 'utf8');
const job = read('jenkins/jobs/warehouse-etl.groovy');
const pipeline = read('jenkins/pipelines/warehouse-etl.Jenkinsfile');

/** `choice…('NAME', [...]` / `string…('NAME'` declarations, in either syntax. */
function parameters(source: string): string[] {
  const names = [
    ...source.matchAll(/(?:choiceParam|stringParam)\('(\w+)'/g),
    ...source.matchAll(/(?:choice|string)\(name: '(\w+)'/g),
  ].map((match) => match[1] ?? '');
  return names.sort();
}
const choices = (source: string) =>
  /(?:choiceParam\('ENVIRONMENT', |name: 'ENVIRONMENT', choices: )\[([^\]]*)\]/.exec(source)?.[1];

describe('the showroom-warehouse-etl job', () => {
  it('when the seed job creates it, then it runs the pipeline from master with the parameters the pipeline declares', () => {
    expect(job).toContain("pipelineJob('showroom-warehouse-etl')");
    expect(job).toContain("scriptPath('jenkins/pipelines/warehouse-etl.Jenkinsfile')");
    expect(job).toContain("branch('*/master')");
    expect(parameters(job)).toEqual(['DAY', 'DAYS', 'ENVIRONMENT']);
    expect(parameters(pipeline)).toEqual(parameters(job));
    // The nightly run takes the first choice: prod.
    expect(choices(job)).toBe("'prod', 'beta', 'qa', 'dev'");
    expect(choices(pipeline)).toBe(choices(job));
  });

  it('when night comes, then both definitions trigger it once at about 02:00 UTC', () => {
    expect(job).toContain("spec('TZ=UTC\\nH 2 * * *')");
    expect(pipeline).toContain("cron('TZ=UTC\\nH 2 * * *')");
  });

  it('when it runs, then the day is validated, exported, then loaded, with the environment’s AWS credentials only', () => {
    const order = ["stage('Validate')", "stage('Export')", "stage('Load')"].map((stage) =>
      pipeline.indexOf(stage),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const exportAt = pipeline.indexOf(
      'infra/scripts/warehouse-export.sh ${params.ENVIRONMENT} ${env.WAREHOUSE_DAY} ${env.WAREHOUSE_DAYS}',
    );
    const loadAt = pipeline.indexOf(
      'infra/scripts/warehouse-load.sh ${params.ENVIRONMENT} ${env.WAREHOUSE_DAY} ${env.WAREHOUSE_DAYS}',
    );
    expect(exportAt).toBeGreaterThan(order[1] ?? 0);
    expect(loadAt).toBeGreaterThan(order[2] ?? 0);
    expect(pipeline.match(/withShowroomAws\(params\.ENVIRONMENT\)/g)).toHaveLength(2);
    expect(pipeline).not.toMatch(/credentialsId|withCredentials/);
    expect(pipeline).toContain('disableConcurrentBuilds()');
  });

  it('when DAY is given, then only YYYY-MM-DD passes; empty means yesterday in UTC', () => {
    expect(pipeline).toContain('date -u -d yesterday +%F');
    expect(pipeline).toContain('day ==~ /\\d{4}-\\d{2}-\\d{2}/');
  });

  it('when night comes, then it redoes 3 days by default (late events), and DAYS is validated before it reaches a shell', () => {
    expect(job).toContain("stringParam('DAYS', '3',");
    expect(pipeline).toContain("string(name: 'DAYS', defaultValue: '3',");
    expect(pipeline).toContain("params.DAYS?.trim() ?: '3'");
    expect(pipeline).toContain('days ==~ /[1-9][0-9]?/) || days.toInteger() > 31');
    // Validated before it is put in the environment the two sh steps read.
    expect(pipeline.indexOf('env.WAREHOUSE_DAYS = days')).toBeGreaterThan(
      pipeline.indexOf('error "DAYS must be 1 to 31'),
    );
  });

  it('when the steps are looked up, then both scripts exist and can be run', () => {
    for (const script of ['infra/scripts/warehouse-export.sh', 'infra/scripts/warehouse-load.sh']) {
      expect(() => accessSync(join(WORKSPACE, script), constants.X_OK)).not.toThrow();
    }
  });
});

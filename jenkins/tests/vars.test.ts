// The shared library's steps (jenkins/vars), run in plain Groovy 4 (the one npm-groovy-lint ships)
// with Jenkins' steps recorded instead of run: tests/support/vars-harness.groovy. One JVM for all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHORT_JVM_OPTIONS, WORKSPACE } from './support/pipeline-checks';

interface Call {
  var: string;
  method?: string;
  args?: unknown[];
}
interface Case {
  name: string;
  env?: Record<string, string>;
  files?: string[];
  stdout?: Record<string, string>;
  status?: Record<string, number>;
  calls: Call[];
}
interface Step {
  step: string;
  args: unknown;
}
interface Outcome {
  results: Array<{ value?: unknown; error?: string }>;
  steps: Step[];
  env: Record<string, string>;
}

const COMMIT = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const TAG = '0.4.2-1a2b3c4';
const GROOVY_LIB = join(WORKSPACE, 'node_modules/npm-groovy-lint/lib/java/groovy/lib');
const PR = { CHANGE_ID: '42', CHANGE_TARGET: 'master', BRANCH_NAME: 'PR-42', BUILD_NUMBER: '7' };
const MASTER = {
  BRANCH_NAME: 'master',
  BUILD_NUMBER: '311',
  BUILD_URL: 'https://ci/job/showroom/job/master/311/',
};

const cases: Case[] = [];
const at = (name: string, c: Omit<Case, 'name'>) => cases.push({ name, ...c });

at('image tag', {
  stdout: { 'package\\.json': '0.4.2\n', 'rev-parse HEAD': `${COMMIT}\n` },
  calls: [
    { var: 'showroomImageTag' },
    { var: 'showroomImageTag', method: 'format', args: ['0.4', COMMIT] },
    { var: 'showroomImageTag', method: 'format', args: ['0.4.2', '1a2b3c4'] },
    ...[
      '0.4.2-1a2b3c4',
      '10.20.30-0123456789abcdef',
      '0.4.2-1A2B3C4',
      '0.4.2-1a2b3c',
      'latest',
      'v0.4.2',
    ].map((tag) => ({ var: 'showroomImageTag', method: 'isImageTag', args: [tag] })),
  ],
});

const rollbackInputs = [
  '0.4.2-1a2b3c4',
  'v0.4.2',
  'beta-2026.11.28',
  'beta-rc_2',
  '0.4.2-1a2b3c',
  '0.4.2-1A2B3C4',
  'latest',
  '',
  'v0.4.2; rm -rf /',
  '0.4.2-1a2b3c4 && curl evil',
  '$(reboot)',
  'beta-`id`',
  'v1',
  '0.4.2-1a2b3c4\n',
];
at('rollback input', {
  stdout: { 'rev-parse --verify': `${COMMIT}\n`, 'git show': '0.4.2\n' },
  calls: [
    ...rollbackInputs.map((input) => ({ var: 'showroomRelease', method: 'classify', args: [input] })),
    { var: 'showroomRelease', method: 'resolve', args: ['v0.4.2'] },
    { var: 'showroomRelease', method: 'resolve', args: ['0.4.2-1a2b3c4'] },
    { var: 'showroomRelease', method: 'resolve', args: ['v0.4.2; rm -rf /'] },
    { var: 'showroomRelease', method: 'checkProdTag', args: ['v0.4.2', TAG] },
    { var: 'showroomRelease', method: 'checkProdTag', args: ['v0.4.3', TAG] },
  ],
});

at('deploy beta', {
  env: { BRANCH_NAME: 'beta-2026.11.28', TAG_NAME: 'beta-2026.11.28' },
  calls: [
    { var: 'deployServices', args: [{ environment: 'beta', tag: TAG, services: ['inventory', 'users'] }] },
  ],
});

at('deploy with a missing image', {
  status: { 'repository-name showroom/users ': 254 },
  calls: [
    { var: 'deployServices', args: [{ environment: 'prod', tag: TAG, services: ['inventory', 'users'] }] },
  ],
});

at('deploy to an unknown environment', {
  calls: [
    { var: 'deployServices', args: [{ environment: 'staging', tag: TAG, services: ['inventory'] }] },
    { var: 'withShowroomAws', args: ['sandbox', null] },
  ],
});

at('build images', {
  stdout: { 'sts get-caller-identity': '123456789012\n' },
  calls: [{ var: 'buildImages', args: [{ tag: TAG, services: ['inventory', 'users'] }] }],
});

at('build images into a configured registry', {
  env: { SHOWROOM_ECR_REGISTRY: '210987654321.dkr.ecr.us-east-1.amazonaws.com' },
  calls: [
    { var: 'buildImages', args: [{ tag: TAG, services: ['inventory'] }] },
    { var: 'buildImages', args: [{ tag: 'latest', services: ['inventory'] }] },
  ],
});

at('services of the commit', {
  files: ['services/inventory/project.json', 'services/users/project.json'],
  calls: [{ var: 'showroomServices' }],
});

at('services of a commit with the storefront', {
  files: [
    'services/inventory/project.json',
    'services/users/project.json',
    'services/leads/project.json',
    'services/retail/project.json',
    'apps/storefront/project.json',
  ],
  calls: [{ var: 'showroomServices' }],
});

at('services of a commit with analytics', {
  files: [
    'services/inventory/project.json',
    'services/users/project.json',
    'services/leads/project.json',
    'services/retail/project.json',
    'services/analytics/project.json',
    'apps/storefront/project.json',
  ],
  calls: [{ var: 'showroomServices' }],
});

at('nx scope of a pull request', {
  env: PR,
  calls: [
    { var: 'showroomNx', method: 'scope' },
    { var: 'showroomNx', method: 'testScope' },
    { var: 'showroomNx', method: 'run', args: ['lint'] },
  ],
});

at('nx scope of master', {
  env: MASTER,
  calls: [
    { var: 'showroomNx', method: 'scope' },
    { var: 'showroomNx', method: 'testScope' },
  ],
});

at('nx scope of a hostile target branch', {
  env: { ...PR, CHANGE_TARGET: 'master;curl evil|sh' },
  calls: [{ var: 'showroomNx', method: 'scope' }],
});

at('checkout of a pull request', {
  env: PR,
  stdout: { 'is-shallow-repository': 'false\n' },
  calls: [{ var: 'showroomCheckout' }],
});

at('checkout that came out shallow', {
  env: MASTER,
  stdout: { 'is-shallow-repository': 'true\n' },
  calls: [{ var: 'showroomCheckout' }],
});

at('slack: master succeeds', {
  env: { ...MASTER, SLACK_CHANNEL: '#showroom-delivery', IMAGE_TAG: TAG },
  calls: [{ var: 'notifySlack', args: ['SUCCESS'] }],
});

at('slack: a pull request', {
  env: { ...PR, SLACK_CHANNEL: '#showroom-delivery', CHANGE_TITLE: 'Lead inbox' },
  calls: [
    { var: 'notifySlack', args: ['SUCCESS'] },
    { var: 'notifySlack', args: ['FAILURE'] },
  ],
});

at('portal to beta, fetched from the artifacts', {
  calls: [{ var: 'publishPortal', args: [{ environment: 'beta', tag: TAG }] }],
});

at('portal to qa, built here', {
  files: ['dist/apps/portal/browser/index.html'],
  env: { SHOWROOM_ARTIFACTS_BUCKET: 'acme-artifacts' },
  calls: [
    { var: 'publishPortal', method: 'archive', args: [TAG] },
    { var: 'publishPortal', args: [{ environment: 'qa', tag: TAG }] },
  ],
});

at('QA report', {
  env: {
    ...MASTER,
    IMAGE_TAG: TAG,
    QA_EMAIL: 'qa@showroom.example',
    QA_REPORTS_BUCKET: 'showroom-qa-reports',
  },
  stdout: {
    'readFile e2e-report-url.txt':
      'https://showroom-qa-reports.s3.amazonaws.com/311/qa-report-311.tar.gz?X-Amz-Signature=abc\n',
  },
  calls: [
    {
      var: 'shareQaReport',
      args: [{ environment: 'qa', summary: { passCount: 3, failCount: 1, skipCount: 0 } }],
    },
  ],
});

let outcomes: Record<string, Outcome>;

beforeAll(() => {
  const jars = readdirSync(GROOVY_LIB).filter((f) => /^groovy(-json)?-\d[\d.]*\.jar$/.test(f));
  const dir = mkdtempSync(join(tmpdir(), 'vars-'));
  try {
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    const result = spawnSync(
      process.env['JAVA_EXECUTABLE'] ?? 'java',
      [
        ...SHORT_JVM_OPTIONS,
        '-cp',
        jars.map((j) => join(GROOVY_LIB, j)).join(':'),
        'groovy.ui.GroovyMain',
        join(import.meta.dirname, 'support/vars-harness.groovy'),
        join(WORKSPACE, 'jenkins/vars'),
        join(dir, 'cases.json'),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 100_000 },
    );
    if (result.status !== 0) throw new Error(`the Groovy harness failed (Java 17 needed):\n${result.stderr}`);
    outcomes = JSON.parse(result.stdout) as Record<string, Outcome>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const outcome = (name: string) => outcomes[name] as Outcome;
const values = (name: string) =>
  outcome(name).results.map((r) => ('error' in r ? `error: ${r.error}` : r.value));
const shells = (name: string) =>
  outcome(name)
    .steps.filter((s) => s.step === 'sh')
    .map((s) => s.args as string);
const credentials = (name: string) =>
  outcome(name)
    .steps.filter((s) => s.step === 'withCredentials')
    .map((s) => (s.args as Array<{ credentialsId: string }>)[0].credentialsId);

describe('showroomImageTag', () => {
  it('is <package.json version>-<first 7 hex digits of the commit>, and nothing else', () => {
    expect(values('image tag')).toEqual([
      '0.4.2-1a2b3c4',
      "error: package.json version '0.4' is not <major>.<minor>.<patch>",
      "error: '1a2b3c4' is not a full commit id",
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the rollback job', () => {
  it('accepts image tags and release tags only, so nothing else reaches a shell', () => {
    const verdicts = Object.fromEntries(
      rollbackInputs.map((input, i) => [input, outcome('rollback input').results[i].value]),
    );
    expect(verdicts).toEqual({
      '0.4.2-1a2b3c4': 'image',
      'v0.4.2': 'git',
      'beta-2026.11.28': 'git',
      'beta-rc_2': 'git',
      '0.4.2-1a2b3c': 'invalid',
      '0.4.2-1A2B3C4': 'invalid',
      latest: 'invalid',
      '': 'invalid',
      'v0.4.2; rm -rf /': 'invalid',
      '0.4.2-1a2b3c4 && curl evil': 'invalid',
      '$(reboot)': 'invalid',
      'beta-`id`': 'invalid',
      v1: 'invalid',
      '0.4.2-1a2b3c4\n': 'invalid',
    });
  });

  it('resolves a release tag to the image tag of its commit, and refuses the rest before any shell', () => {
    const results = outcome('rollback input').results.slice(rollbackInputs.length);
    expect(results[0]).toEqual({ value: '0.4.2-1a2b3c4' });
    expect(results[1]).toEqual({ value: '0.4.2-1a2b3c4' });
    expect(results[2].error).toMatch(/is neither an image tag/);
    expect(shells('rollback input')).toEqual([
      "git rev-parse --verify 'refs/tags/v0.4.2^{commit}'",
      `git show '${COMMIT}:package.json' | node -p "JSON.parse(require('fs').readFileSync(0, 'utf8')).version"`,
    ]);
  });

  it('releases to prod only a tag v<package.json version>', () => {
    const results = outcome('rollback input').results.slice(rollbackInputs.length + 3);
    expect(results).toEqual([
      { value: null },
      { error: 'Tag v0.4.3 is on a commit whose package.json says 0.4.2: tag it v0.4.2' },
    ]);
  });
});

describe('deployServices', () => {
  it('checks the images exist in ECR, then points each service at the tag, with the environment credentials', () => {
    expect(values('deploy beta')).toEqual([null]);
    expect(credentials('deploy beta')).toEqual(['aws-showroom-build', 'aws-showroom-beta']);
    expect(shells('deploy beta')).toEqual([
      `aws ecr describe-images --repository-name showroom/inventory --image-ids imageTag=${TAG} --output text >/dev/null`,
      `aws ecr describe-images --repository-name showroom/users --image-ids imageTag=${TAG} --output text >/dev/null`,
      `infra/scripts/deploy-service.sh beta inventory ${TAG}`,
      `infra/scripts/deploy-service.sh beta users ${TAG}`,
    ]);
    expect(shells('deploy beta').join('\n')).not.toMatch(/docker|build/);
  });

  it('deploys nothing when an image is missing', () => {
    expect(values('deploy with a missing image')).toEqual([
      `error: No image showroom/users:${TAG} in ECR. Only master builds make images: was this commit built on master?`,
    ]);
    expect(shells('deploy with a missing image').filter((s) => s.includes('deploy-service.sh'))).toEqual([]);
    expect(credentials('deploy with a missing image')).toEqual(['aws-showroom-build']);
  });

  it('knows only dev, qa, beta and prod', () => {
    expect(values('deploy to an unknown environment')).toEqual([
      "error: Unknown environment 'staging'",
      "error: Unknown AWS account role 'sandbox'",
    ]);
    expect(outcome('deploy to an unknown environment').steps).toEqual([]);
  });
});

describe('buildImages', () => {
  it('logs in to the ECR of the build account and builds every service with the tag', () => {
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    expect(credentials('build images')).toEqual(['aws-showroom-build']);
    expect(shells('build images')).toEqual([
      'timeout 90 sh -c "until docker info >/dev/null 2>&1; do sleep 1; done"',
      'aws sts get-caller-identity --query Account --output text',
      `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${registry}`,
      `jenkins/scripts/build-images.sh ${registry} ${TAG} inventory users`,
    ]);
  });

  it('uses SHOWROOM_ECR_REGISTRY when set, and refuses a tag that is not <version>-<sha>', () => {
    expect(values('build images into a configured registry')).toEqual([
      null,
      "error: 'latest' is not an image tag",
    ]);
    expect(shells('build images into a configured registry')).toEqual([
      'timeout 90 sh -c "until docker info >/dev/null 2>&1; do sleep 1; done"',
      'aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 210987654321.dkr.ecr.us-east-1.amazonaws.com',
      `jenkins/scripts/build-images.sh 210987654321.dkr.ecr.us-east-1.amazonaws.com ${TAG} inventory`,
    ]);
  });
});

describe('showroomServices', () => {
  it('ships the services of the commit (leads once it exists)', () => {
    expect(values('services of the commit')).toEqual([['inventory', 'users']]);
  });

  it('ships the storefront (dealer websites) too where apps/storefront exists, after the APIs', () => {
    expect(values('services of a commit with the storefront')).toEqual([
      ['inventory', 'users', 'leads', 'retail', 'storefront'],
    ]);
  });

  it('ships analytics where services/analytics exists, first: producers deploy after the analytics they post to', () => {
    expect(values('services of a commit with analytics')).toEqual([
      ['analytics', 'inventory', 'users', 'leads', 'retail', 'storefront'],
    ]);
  });
});

describe('showroomNx', () => {
  it('checks what a pull request affects against its target branch', () => {
    expect(values('nx scope of a pull request')).toEqual([
      'affected --base=origin/master --head=HEAD',
      '--base=origin/master --head=HEAD',
      null,
    ]);
    expect(shells('nx scope of a pull request')).toEqual([
      'npx nx affected --base=origin/master --head=HEAD -t lint --parallel=2 --output-style=static',
    ]);
  });

  it('checks everything on master', () => {
    expect(values('nx scope of master')).toEqual(['run-many', '--all']);
  });

  it('refuses a target branch name that is not a plain name', () => {
    expect(values('nx scope of a hostile target branch')).toEqual([
      "error: Unexpected pull-request target branch 'master;curl evil|sh'",
    ]);
  });
});

describe('showroomCheckout', () => {
  it('clones the full history with tags, and fetches the target branch of a pull request', () => {
    const checkout = outcome('checkout of a pull request').steps.find((s) => s.step === 'checkout')?.args as {
      extensions: Array<Record<string, unknown>>;
      userRemoteConfigs: Array<Record<string, unknown>>;
    };
    expect(checkout.extensions).toEqual([
      { $class: 'CloneOption', shallow: false, noTags: false, honorRefspec: true, timeout: 20 },
    ]);
    expect(checkout.userRemoteConfigs).toEqual([
      {
        name: 'origin',
        url: 'https://bitbucket.org/showroom/showroom.git',
        credentialsId: 'bitbucket-showroom',
        refspec: '+refs/heads/*:refs/remotes/origin/* +refs/heads/master:refs/remotes/origin/master',
      },
    ]);
    expect(values('checkout of a pull request')).toEqual([null]);
  });

  it('stops when the clone is shallow anyway', () => {
    expect(values('checkout that came out shallow')).toEqual([
      'error: The checkout is shallow: nx affected needs the whole history (see jenkins/README.md).',
    ]);
  });
});

describe('notifySlack', () => {
  it('posts to the channel of SLACK_CHANNEL', () => {
    const [post] = outcome('slack: master succeeds').steps;
    expect(post).toEqual({
      step: 'slackSend',
      args: {
        channel: '#showroom-delivery',
        color: 'good',
        message: `SUCCESS: showroom master (${TAG}), build #311 in 3 min 2 sec <https://ci/job/showroom/job/master/311/|open>`,
      },
    });
  });

  it('stays quiet for a passing pull request, not for a failing one', () => {
    const posts = outcome('slack: a pull request').steps.filter((s) => s.step === 'slackSend');
    expect(posts).toHaveLength(1);
    expect(posts[0].args).toMatchObject({
      color: 'danger',
      message: expect.stringMatching(/^FAILURE: showroom PR #42 Lead inbox/),
    });
  });
});

describe('publishPortal', () => {
  it('publishes the bundle master archived, when the build has none', () => {
    expect(values('portal to beta, fetched from the artifacts')).toEqual([null]);
    expect(credentials('portal to beta, fetched from the artifacts')).toEqual([
      'aws-showroom-build',
      'aws-showroom-beta',
    ]);
    expect(shells('portal to beta, fetched from the artifacts')).toEqual([
      `aws s3 cp --only-show-errors s3://showroom-build-artifacts/portal/${TAG}.tar.gz portal-${TAG}.tar.gz`,
      `mkdir -p dist/apps/portal/browser && tar -xzf portal-${TAG}.tar.gz -C dist/apps/portal/browser`,
      'infra/scripts/publish-portal.sh beta dist/apps/portal/browser',
    ]);
  });

  it('archives the bundle master built and publishes it to qa as is', () => {
    expect(shells('portal to qa, built here')).toEqual([
      `tar -czf portal-${TAG}.tar.gz -C dist/apps/portal/browser .`,
      `aws s3 cp --only-show-errors portal-${TAG}.tar.gz s3://acme-artifacts/portal/${TAG}.tar.gz`,
      'infra/scripts/publish-portal.sh qa dist/apps/portal/browser',
    ]);
  });
});

describe('shareQaReport', () => {
  it('uploads the reports to S3 and e-mails QA the counts, the links and the files', () => {
    expect(shells('QA report')).toEqual(['jenkins/scripts/publish-qa-report.sh showroom-qa-reports 311']);
    const mail = outcome('QA report').steps.find((s) => s.step === 'emailext')?.args as Record<
      string,
      string
    >;
    expect(mail.to).toBe('qa@showroom.example');
    expect(mail.subject).toBe(`[showroom] QA suite on qa: 3 passed, 1 failed, 0 skipped (${TAG})`);
    expect(mail.attachmentsPattern).toBe('e2e/reports/junit.xml,qa-report-311.tar.gz');
    expect(mail.body).toContain('href="https://ci/job/showroom/job/master/311/QA-report/"');
    expect(mail.body).toContain(
      'href="https://showroom-qa-reports.s3.amazonaws.com/311/qa-report-311.tar.gz?X-Amz-Signature=abc"',
    );
    expect(mail.body).toContain('s3://showroom-qa-reports/311/');
  });
});

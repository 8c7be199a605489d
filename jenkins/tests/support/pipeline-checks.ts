// What the delivery pipeline must look like, as checks over the repository's text: the Jenkinsfile,
// the shared library (jenkins/vars), the agent pods, the JCasC file. Each check returns the
// problems it found (none = fine), so a test can also prove that a broken pipeline is caught.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Block, child, ownStatements, stripComments } from './groovy-blocks';
import { BUILDS, type Build, Pipeline, type Stage, UnknownCondition } from './pipeline-model';

export interface Sources {
  jenkinsfile: string;
  /** Shared-library steps: var name -> source (jenkins/vars/<name>.groovy). */
  vars: Record<string, string>;
  /** Other files by repository path: jenkins/k8s/*.yaml, jenkins/casc/jenkins.yaml, jenkins/README.md, ... */
  files: Record<string, string>;
}

export const WORKSPACE = join(import.meta.dirname, '../../..');

/**
 * For the tests' one-shot JVMs (CodeNarc, the Groovy harness): the quick JIT tier only and the
 * serial collector. A JVM that runs half a minute spends more CPU compiling and collecting on
 * several threads than it gains; these halve the checks' CPU on the 2-core machine.
 */
export const SHORT_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Reads the pipeline's sources from the workspace. */
export function loadSources(root = WORKSPACE): Sources {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const vars: Record<string, string> = {};
  for (const name of readdirSync(join(root, 'jenkins/vars')))
    if (name.endsWith('.groovy')) vars[name.replace(/\.groovy$/, '')] = read(`jenkins/vars/${name}`);
  const files: Record<string, string> = {};
  for (const dir of ['jenkins/k8s', 'jenkins/casc', 'jenkins/jobs', 'jenkins/pipelines', 'jenkins/scripts'])
    for (const name of readdirSync(join(root, dir))) files[`${dir}/${name}`] = read(`${dir}/${name}`);
  files['jenkins/README.md'] = read('jenkins/README.md');
  return { jenkinsfile: read('Jenkinsfile'), vars, files };
}

export const ORDER = [
  'Checkout',
  'Install',
  'Lint',
  'Type check',
  'Unit & integration tests',
  'SonarQube analysis',
  'Quality gate',
  'Build',
  'Images',
  'Deploy qa',
  'Kibana qa',
  'Portal qa',
  'QA suite',
  'Deploy beta',
  'Kibana beta',
  'Portal beta',
  'Approve prod',
  'Deploy prod',
  'Kibana prod',
  'Portal prod',
];
const CHECKS = [
  'Install',
  'Lint',
  'Type check',
  'Unit & integration tests',
  'SonarQube analysis',
  'Quality gate',
  'Build',
];
const MASTER_ONLY = ['Images', 'Deploy qa', 'Kibana qa', 'Portal qa', 'QA suite'];
const BETA_ONLY = ['Deploy beta', 'Kibana beta', 'Portal beta'];
const PROD_ONLY = ['Approve prod', 'Deploy prod', 'Kibana prod', 'Portal prod'];

/** What must (and must not) run for each kind of build. */
const EXPECTED: Record<string, { runs: string[]; never: string[] }> = {
  'pull request': { runs: CHECKS, never: [...MASTER_ONLY, ...BETA_ONLY, ...PROD_ONLY] },
  'feature branch': { runs: [], never: [...MASTER_ONLY, ...BETA_ONLY, ...PROD_ONLY] },
  master: { runs: [...CHECKS, ...MASTER_ONLY], never: [...BETA_ONLY, ...PROD_ONLY] },
  'tag beta-*': { runs: BETA_ONLY, never: [...CHECKS, ...MASTER_ONLY, ...PROD_ONLY] },
  'tag v*': { runs: PROD_ONLY, never: [...CHECKS, ...MASTER_ONLY, ...BETA_ONLY] },
};

/** Stage names that run for a build, or the reason they cannot be told. */
export function stageMap(sources: Sources): Record<string, string[]> {
  const pipeline = new Pipeline(sources.jenkinsfile);
  return Object.fromEntries(Object.entries(BUILDS).map(([name, build]) => [name, pipeline.runFor(build)]));
}

type Check = (sources: Sources) => string[];

const code = (text: string) => stripComments(text);

/** The shared-library steps a text calls, and the ones those call, and so on. */
function varsReachedFrom(text: string, sources: Sources, seen = new Set<string>()): Set<string> {
  for (const name of Object.keys(sources.vars)) {
    if (seen.has(name) || !new RegExp(`\\b${name}\\s*[.(]`).test(code(text))) continue;
    seen.add(name);
    varsReachedFrom(sources.vars[name], sources, seen);
  }
  return seen;
}

/** A stage's text with the library code it reaches. */
function reachableText(stage: Stage, sources: Sources): string {
  const names = varsReachedFrom(stage.block.body, sources);
  return [code(stage.block.body), ...[...names].map((n) => code(sources.vars[n]))].join('\n');
}

function runsOnlyFor(pipeline: Pipeline, stage: Stage, allowed: string[]): string[] {
  return Object.entries(BUILDS)
    .filter(([name, build]) => !allowed.includes(name) && pipeline.runs(stage, build))
    .map(([name]) => `stage '${stage.name}' also runs for a ${name} build`);
}

function guard(name: string, body: (pipeline: Pipeline, sources: Sources) => string[]): Check {
  return (sources) => {
    try {
      return body(new Pipeline(sources.jenkinsfile), sources);
    } catch (error) {
      if (error instanceof UnknownCondition || error instanceof Error) return [`${name}: ${error.message}`];
      throw error;
    }
  };
}

export const CHECKS_BY_NAME: Record<string, Check> = {
  'stages exist, in order': guard('order', (pipeline) => {
    const problems: string[] = [];
    let previous = -1;
    for (const name of ORDER) {
      const index = pipeline.stages.findIndex((s) => s.name === name);
      if (index === -1) problems.push(`no stage '${name}'`);
      else if (index < previous) problems.push(`stage '${name}' comes before the stage expected ahead of it`);
      else previous = index;
    }
    return problems;
  }),

  'each kind of build runs its stages and no others': guard('builds', (pipeline) => {
    const problems: string[] = [];
    for (const [buildName, expected] of Object.entries(EXPECTED)) {
      const ran = pipeline.runFor(BUILDS[buildName] as Build);
      for (const name of expected.runs)
        if (!ran.includes(name)) problems.push(`${buildName}: stage '${name}' does not run`);
      for (const name of expected.never)
        if (ran.includes(name)) problems.push(`${buildName}: stage '${name}' runs, and must not`);
    }
    return problems;
  }),

  'tag builds deploy what master built, without building': guard('tags', (pipeline, sources) => {
    const problems: string[] = [];
    const building =
      /docker\s+build|build-images\.sh|\bbuildImages\b|nx\b[^\n]*-t\s+build|\.run\(\s*'build'\s*\)/;
    for (const buildName of ['tag beta-*', 'tag v*']) {
      const build = BUILDS[buildName] as Build;
      for (const stage of pipeline.stages.filter((s) => pipeline.runs(s, build))) {
        const text = reachableText(stage, sources);
        if (building.test(text))
          problems.push(`${buildName}: stage '${stage.name}' builds (${building.exec(text)?.[0]})`);
      }
      const deploy = pipeline.stages.find(
        (s) => pipeline.runs(s, build) && /deployServices\s*\(/.test(code(s.block.body)),
      );
      if (!deploy) problems.push(`${buildName}: no stage deploys the services`);
      const tagged = pipeline.stages.some(
        (s) =>
          pipeline.runs(s, build) && /env\.IMAGE_TAG\s*=\s*showroomImageTag\(\)/.test(code(s.block.body)),
      );
      if (!tagged)
        problems.push(
          `${buildName}: the image tag is not resolved from the tagged commit (showroomImageTag())`,
        );
    }
    if (!/node -p[^\n]*package\.json[^\n]*version/.test(sources.vars['showroomImageTag'] ?? ''))
      problems.push('showroomImageTag does not read the version of package.json');
    if (!/commit\.take\(7\)/.test(sources.vars['showroomImageTag'] ?? ''))
      problems.push('showroomImageTag does not use the first 7 digits of the commit');
    return problems;
  }),

  'prod only after a release manager approves, holding no agent': guard('approval', (pipeline) => {
    const problems: string[] = [];
    const v = BUILDS['tag v*'] as Build;
    const deployProd = pipeline.stage('Deploy prod');
    if (!deployProd) return ['no stage Deploy prod'];
    problems.push(...runsOnlyFor(pipeline, deployProd, ['tag v*']));
    const approvals = pipeline.stages.filter(
      (s) => /\binput\s*\(/.test(code(s.block.body)) || child(s.block, 'input') !== undefined,
    );
    const before = approvals.filter(
      (s) => pipeline.runs(s, v) && pipeline.stages.indexOf(s) < pipeline.stages.indexOf(deployProd),
    );
    if (before.length === 0) return [...problems, 'no stage asks for approval (input) before Deploy prod'];
    for (const approval of before) {
      problems.push(...runsOnlyFor(pipeline, approval, ['tag v*']));
      const text = code(approval.block.body);
      if (!/submitter\s*[:(]?\s*['"]release-managers['"]/.test(text))
        problems.push(`'${approval.name}': the input is not limited to submitter 'release-managers'`);
      const inTimeout =
        /timeout\s*\(/.test(code(child(approval.block, 'options')?.body ?? '')) ||
        allBlocks(approval.block).some(
          (b) => /^timeout\s*\(/.test(b.head) && /\binput\s*\(/.test(code(b.body)),
        );
      if (!inTimeout) problems.push(`'${approval.name}': the input has no timeout`);
      if (approval.hasAgent || approval.parents.some((p) => p.hasAgent))
        problems.push(`'${approval.name}': waiting for approval holds an agent`);
    }
    if (!/^agent\s+none$/m.test(ownLines(pipeline.pipeline)))
      problems.push('the pipeline has a top-level agent: an approval would hold it');
    const deployingEarly = pipeline.stages.filter(
      (s) =>
        pipeline.runs(s, v) &&
        pipeline.stages.indexOf(s) < pipeline.stages.indexOf(before[0]) &&
        /deployServices\s*\(|publishPortal\s*\(|deploy-service\.sh|publish-portal\.sh/.test(
          code(s.block.body),
        ),
    );
    for (const s of deployingEarly) problems.push(`'${s.name}' deploys before the approval`);
    return problems;
  }),

  'SonarQube analysis and a quality gate that aborts': guard('sonar', (pipeline) => {
    const problems: string[] = [];
    const analysis = pipeline.stages.find((s) =>
      /withSonarQubeEnv\s*\(\s*'sonarqube'\s*\)/.test(code(s.block.body)),
    );
    const gate = pipeline.stages.find((s) => /waitForQualityGate\b/.test(code(s.block.body)));
    if (!analysis) problems.push("no stage runs withSonarQubeEnv('sonarqube')");
    if (!gate) return [...problems, 'no stage waits for the quality gate (waitForQualityGate)'];
    if (!/waitForQualityGate\s*\(?\s*abortPipeline\s*:\s*true/.test(code(gate.block.body)))
      problems.push('waitForQualityGate does not abort the pipeline (abortPipeline: true)');
    const timed = allBlocks(gate.block).some(
      (b) => /^timeout\s*\(/.test(b.head) && /waitForQualityGate/.test(b.body),
    );
    if (!timed) problems.push('waitForQualityGate is not inside a timeout');
    if (analysis && pipeline.stages.indexOf(gate) < pipeline.stages.indexOf(analysis))
      problems.push('the quality gate is waited for before the analysis');
    for (const s of [analysis, gate])
      for (const buildName of ['pull request', 'master'])
        if (s && !pipeline.runs(s, BUILDS[buildName] as Build))
          problems.push(`'${s.name}' does not run for a ${buildName}`);
    return problems;
  }),

  'checkout with full history, nx affected with base and head': guard('history', (pipeline, sources) => {
    const problems: string[] = [];
    const options = code(pipeline.section('options')?.body ?? '');
    if (!/skipDefaultCheckout\s*\(\s*\)/.test(options)) problems.push('options lack skipDefaultCheckout()');
    const texts: Record<string, string> = { Jenkinsfile: sources.jenkinsfile };
    for (const [name, text] of Object.entries(sources.vars)) texts[`jenkins/vars/${name}.groovy`] = text;
    for (const [path, text] of Object.entries(sources.files))
      if (/\.(groovy|Jenkinsfile|sh)$/.test(path)) texts[path] = text;
    for (const [path, text] of Object.entries(texts)) {
      for (const pattern of [
        /shallow\s*:\s*true/,
        /\bdepth\s*:/,
        /--depth\b/,
        /--unshallow/,
        /\bcheckout\s+scm\b/,
      ])
        if (pattern.test(code(text))) problems.push(`${path}: ${pattern.exec(code(text))?.[0]}`);
    }
    const checkout = code(sources.vars['showroomCheckout'] ?? '');
    for (const needed of [/shallow\s*:\s*false/, /noTags\s*:\s*false/, /is-shallow-repository/])
      if (!needed.test(checkout)) problems.push(`showroomCheckout lacks ${needed.source}`);
    for (const stage of pipeline.stages.filter((s) => s.hasAgent)) {
      const body = code(stage.block.body);
      const checkoutAt = body.search(/showroomCheckout\s*\(\s*\)/);
      const firstSh = body.search(/\bsh\s*[('"]/);
      if (checkoutAt === -1) problems.push(`'${stage.name}' has an agent but no showroomCheckout()`);
      else if (firstSh !== -1 && firstSh < checkoutAt)
        problems.push(`'${stage.name}' runs sh before showroomCheckout()`);
    }
    const nx = code(sources.vars['showroomNx'] ?? '');
    for (const needed of [
      /affected --base=origin\/\$\{target\(\)\} --head=HEAD/,
      /'run-many'/,
      /--base=origin\//,
    ])
      if (!needed.test(nx)) problems.push(`showroomNx lacks ${needed.source}`);
    for (const name of ['Lint', 'Type check', 'Build']) {
      const stage = pipeline.stage(name);
      if (stage && !/showroomNx\.run\(/.test(code(stage.block.body)))
        problems.push(`'${name}' does not go through showroomNx.run`);
    }
    const tests = pipeline.stage('Unit & integration tests');
    if (tests && !/ci-test\.ts \$\{showroomNx\.testScope\(\)\}/.test(code(tests.block.body)))
      problems.push(
        "'Unit & integration tests' does not run jenkins/scripts/ci-test.ts with showroomNx.testScope()",
      );
    return problems;
  }),

  'credentials only from Jenkins': (sources) => {
    const problems: string[] = [];
    const texts: Record<string, string> = { Jenkinsfile: sources.jenkinsfile, ...sources.files };
    for (const [name, text] of Object.entries(sources.vars)) texts[`jenkins/vars/${name}.groovy`] = text;
    const secretPatterns = [
      /AKIA[0-9A-Z]{16}/,
      /password\s*=\s*['"]/i,
      /(?:secret|token|password|secretKey|accessKey)\s*[:=]\s*['"][^'"$\s]{6,}['"]/i,
      /AWS_SECRET_ACCESS_KEY\s*[:=]\s*['"]?[A-Za-z0-9/+]{40}/,
      /xox[abp]-[0-9A-Za-z-]{10,}/,
    ];
    for (const [path, text] of Object.entries(texts))
      for (const pattern of secretPatterns)
        if (pattern.test(text)) problems.push(`${path}: looks like a secret (${pattern.exec(text)?.[0]})`);
    // Every credential the pipelines use is one Jenkins holds (JCasC) and the README lists.
    const casc = parseYaml(sources.files['jenkins/casc/jenkins.yaml'] ?? '') as CascDocument;
    const declared = new Set(
      (casc?.credentials?.system?.domainCredentials ?? []).flatMap((d) =>
        (d.credentials ?? []).map((c) => Object.values(c)[0]?.id),
      ),
    );
    const readme = sources.files['jenkins/README.md'] ?? '';
    for (const id of credentialIds(sources)) {
      if (!declared.has(id)) problems.push(`credential '${id}' is not declared in jenkins/casc/jenkins.yaml`);
      if (!readme.includes(id)) problems.push(`credential '${id}' is not listed in jenkins/README.md`);
    }
    for (const [, entry] of Object.entries(
      casc?.credentials?.system?.domainCredentials?.[0]?.credentials ?? {},
    )) {
      const [, fields] = Object.entries(entry)[0] ?? [];
      for (const key of ['password', 'secret', 'secretKey', 'accessKey'])
        if (fields && key in fields && !/^\$\{[A-Z0-9_]+\}$/.test(String(fields[key])))
          problems.push(`jenkins/casc/jenkins.yaml: ${fields.id}.${key} is not a \${VARIABLE}`);
    }
    const aws = code(sources.vars['withShowroomAws'] ?? '');
    if (!/\$class\s*:\s*'AmazonWebServicesCredentialsBinding'/.test(aws))
      problems.push('withShowroomAws does not bind AWS credentials with AmazonWebServicesCredentialsBinding');
    const qa = new Pipeline(sources.jenkinsfile).stage('QA suite');
    if (qa && !/E2E_PASSWORD\s*=\s*credentials\(\s*'[^']+'\s*\)/.test(code(qa.block.body)))
      problems.push("'QA suite' does not take E2E_PASSWORD from credentials(...)");
    return problems;
  },

  'Slack on success and on failure': guard('slack', (pipeline, sources) => {
    const problems: string[] = [];
    const post = pipeline.section('post');
    if (!post) return ['the pipeline has no post section'];
    for (const outcome of ['success', 'failure']) {
      const block = child(post, outcome);
      if (!block) problems.push(`post has no ${outcome} block`);
      else if (!/\b(notifySlack|slackSend)\s*\(/.test(code(block.body)))
        problems.push(`post ${outcome} does not notify Slack`);
    }
    const notify = code(sources.vars['notifySlack'] ?? '');
    if (!/slackSend\s*\(\s*channel\s*:\s*env\.SLACK_CHANNEL/.test(notify))
      problems.push('notifySlack does not call slackSend with channel: env.SLACK_CHANNEL');
    if (!/SLACK_CHANNEL\s*=\s*'#[\w-]+'/.test(code(pipeline.section('environment')?.body ?? '')))
      problems.push('the environment does not set SLACK_CHANNEL');
    return problems;
  }),

  'options, triggers, environment': guard('options', (pipeline) => {
    const problems: string[] = [];
    const options = code(pipeline.section('options')?.body ?? '');
    for (const option of [
      'timestamps()',
      'timeout(',
      'buildDiscarder(',
      'disableConcurrentBuilds(',
      'skipDefaultCheckout()',
    ])
      if (!options.includes(option)) problems.push(`options lack ${option}`);
    if (!/bitbucketPush\s*\(\s*\)/.test(code(pipeline.section('triggers')?.body ?? '')))
      problems.push('triggers lack bitbucketPush()');
    const environment = code(pipeline.section('environment')?.body ?? '');
    const wanted: Record<string, string> = {
      CI: 'true',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      TEST_MYSQL_URL: 'mysql://root@127.0.0.1:3306',
      TEST_REDIS_URL: 'redis://127.0.0.1:6379/0',
    };
    for (const [key, value] of Object.entries(wanted))
      if (
        !new RegExp(`^\\s*${key}\\s*=\\s*'${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'\\s*$`, 'm').test(
          environment,
        )
      )
        problems.push(`environment lacks ${key} = '${value}'`);
    return problems;
  }),

  'agents: Node with MySQL 8 and Redis 7 side-cars, privileged only on master': guard(
    'agents',
    (pipeline, sources) => {
      const problems: string[] = [];
      const tests = pipeline.stage('Unit & integration tests');
      const group = tests ? [...tests.parents, tests].reverse().find((s) => s.hasAgent) : undefined;
      if (!group) return ['the tests run in no agent'];
      const podOf = (stage: Stage) =>
        /yamlFile\s+'([^']+)'/.exec(code(child(stage.block, 'agent')?.body ?? ''))?.[1];
      const podPath = podOf(group);
      if (!podPath) return [`'${group.name}' has no kubernetes { yamlFile '...' } agent`];
      const pod = pods(sources)[podPath];
      if (!pod) return [`${podPath} does not exist`];
      const containers = pod.spec?.containers ?? [];
      const image = (name: string) => containers.find((c) => c.name === name)?.image ?? '';
      if (!image('node')) problems.push(`${podPath}: no node container`);
      if (!/^mysql:8(\.|$)/.test(image('mysql')))
        problems.push(`${podPath}: no mysql:8 side-car (${image('mysql')})`);
      if (!/^redis:7(\.|-|$)/.test(image('redis')))
        problems.push(`${podPath}: no redis:7 side-car (${image('redis')})`);
      if (!/defaultContainer\s+'node'/.test(code(child(group.block, 'agent')?.body ?? '')))
        problems.push(`'${group.name}': steps do not run in the node container by default`);
      for (const stage of pipeline.stages.filter((s) => s.hasAgent)) {
        const path = podOf(stage);
        if (!path || !pods(sources)[path]) {
          problems.push(`'${stage.name}': agent pod ${path ?? '(none)'} not found`);
          continue;
        }
        const privileged = (pods(sources)[path].spec?.containers ?? []).some(
          (c) => c.securityContext?.privileged,
        );
        if (privileged)
          problems.push(...runsOnlyFor(pipeline, stage, ['master']).map((p) => `${p} with a privileged pod`));
        const cleanup = child(child(stage.block, 'post') ?? stage.block, 'cleanup');
        if (!cleanup || !/cleanWs\s*\(/.test(cleanup.body))
          problems.push(`'${stage.name}' does not cleanWs() in post cleanup`);
      }
      return problems;
    },
  ),

  'shared library': (sources) => {
    const problems: string[] = [];
    if (!/^@Library\('showroom-pipeline'\) _$/m.test(sources.jenkinsfile))
      problems.push("the Jenkinsfile does not load @Library('showroom-pipeline') _");
    const casc = parseYaml(sources.files['jenkins/casc/jenkins.yaml'] ?? '') as CascDocument;
    const library = casc?.unclassified?.globalLibraries?.libraries?.find(
      (l) => l.name === 'showroom-pipeline',
    );
    if (!library) problems.push('JCasC declares no global library showroom-pipeline');
    else if (library.retriever?.modernSCM?.libraryPath !== 'jenkins/')
      problems.push('the library showroom-pipeline is not read from jenkins/ (libraryPath)');
    const calls = code(sources.jenkinsfile).matchAll(
      /\b(showroom[A-Z]\w*|with[A-Z]\w*|deploy[A-Z]\w*|publish[A-Z]\w*|build[A-Z]\w*|notify[A-Z]\w*|share[A-Z]\w*)\s*[.(]/g,
    );
    const steps = new Set([
      'withSonarQubeEnv',
      'withCredentials',
      'withEnv',
      'publishHTML',
      'buildDiscarder',
    ]);
    for (const [, name] of calls)
      if (!steps.has(name) && !(name in sources.vars))
        problems.push(`${name} is called but jenkins/vars/${name}.groovy does not exist`);
    return problems;
  },

  "QA's suite: Protractor against qa, reports in Jenkins, S3 and e-mail": guard('qa', (pipeline, sources) => {
    const problems: string[] = [];
    const qa = pipeline.stage('QA suite');
    if (!qa) return ['no QA suite stage'];
    const body = code(qa.block.body);
    if (!/E2E_BASE_URL\s*=\s*"\$\{params\.QA_URL/.test(body))
      problems.push('E2E_BASE_URL does not come from params.QA_URL');
    if (!/protractor e2e\/protractor\.conf\.cjs/.test(body))
      problems.push('the suite is not run with protractor e2e/protractor.conf.cjs');
    const always = child(child(qa.block, 'post') ?? qa.block, 'always');
    const post = code(always?.body ?? '');
    if (!/junit\b[^\n]*'e2e\/reports\/\*\.xml'/.test(post))
      problems.push("post always does not publish junit 'e2e/reports/*.xml'");
    if (!/publishHTML\s*\(/.test(post) || !/reportDir\s*:\s*'e2e\/reports\/html'/.test(post))
      problems.push('post always does not publishHTML from e2e/reports/html');
    if (!/shareQaReport\s*\(/.test(post)) problems.push('post always does not shareQaReport (S3 + e-mail)');
    const share = code(sources.vars['shareQaReport'] ?? '');
    if (!/emailext\s*\(/.test(share) || !/attachmentsPattern\s*:/.test(share) || !/href=/.test(share))
      problems.push('shareQaReport does not e-mail a link and attachments');
    if (!/publish-qa-report\.sh/.test(share))
      problems.push('shareQaReport does not upload with publish-qa-report.sh');
    if (!/s3:\/\/\$bucket\/\$build\//.test(sources.files['jenkins/scripts/publish-qa-report.sh'] ?? ''))
      problems.push('publish-qa-report.sh does not upload to s3://<bucket>/<build>/');
    if (
      !/QA_REPORTS_BUCKET\s*=\s*'showroom-qa-reports'/.test(code(pipeline.section('environment')?.body ?? ''))
    )
      problems.push("QA_REPORTS_BUCKET is not 'showroom-qa-reports'");
    return problems;
  }),
};

interface CascDocument {
  credentials?: {
    system?: {
      domainCredentials?: Array<{
        credentials?: Array<Record<string, Record<string, unknown> & { id?: string }>>;
      }>;
    };
  };
  unclassified?: {
    globalLibraries?: {
      libraries?: Array<{ name: string; retriever?: { modernSCM?: { libraryPath?: string } } }>;
    };
  };
}

interface PodDocument {
  spec?: {
    containers?: Array<{ name: string; image?: string; securityContext?: { privileged?: boolean } }>;
  };
}

function pods(sources: Sources): Record<string, PodDocument> {
  const out: Record<string, PodDocument> = {};
  for (const [path, text] of Object.entries(sources.files))
    if (path.startsWith('jenkins/k8s/') && path.endsWith('.yaml')) out[path] = parseYaml(text) as PodDocument;
  return out;
}

/** Credentials IDs the pipelines and the rollback job use. */
export function credentialIds(sources: Sources): string[] {
  const texts = [
    sources.jenkinsfile,
    ...Object.values(sources.vars),
    ...Object.entries(sources.files)
      .filter(([path]) => /jenkins\/(jobs|pipelines)\//.test(path))
      .map(([, text]) => text),
  ].map(code);
  const ids = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/credentials(?:Id)?\s*[:(]\s*'([^']+)'/g)) ids.add(m[1]);
  }
  // withShowroomAws(account) binds "aws-showroom-${account}" for the accounts it accepts.
  const aws = code(sources.vars['withShowroomAws'] ?? '');
  const accounts = /account in \[([^\]]+)\]/.exec(aws)?.[1] ?? '';
  if (/"aws-showroom-\$\{account\}"/.test(aws))
    for (const m of accounts.matchAll(/'([^']+)'/g)) ids.add(`aws-showroom-${m[1]}`);
  return [...ids].sort();
}

function allBlocks(block: Block): Block[] {
  return block.children.flatMap((c) => [c, ...allBlocks(c)]);
}

function ownLines(block: Block): string {
  return ownStatements(block).join('\n');
}

// The delivery pipeline's shape, read from the Jenkinsfile and the shared library: which stages
// run for a pull request, master, a beta-* tag and a v* tag, and the rules around them
// (approval before prod, no rebuild on tags, full history, credentials, quality gate, Slack).
// Every rule is also shown to catch a broken pipeline (the "mutants" below).
import { describe, expect, it } from 'vitest';
import { Pipeline } from './support/pipeline-model';
import { CHECKS_BY_NAME, loadSources, type Sources, stageMap } from './support/pipeline-checks';

const sources = loadSources();

describe('the Jenkinsfile', () => {
  it.each(Object.keys(CHECKS_BY_NAME))('%s', (name) => {
    expect(CHECKS_BY_NAME[name](sources)).toEqual([]);
  });

  it('runs, for each kind of build, exactly these stages', () => {
    expect(stageMap(sources)).toEqual({
      'pull request': [
        'Integration',
        'Checkout',
        'Install',
        'Lint',
        'Type check',
        'Unit & integration tests',
        'SonarQube analysis',
        'Quality gate',
        'Build',
      ],
      'feature branch': [
        'Integration',
        'Checkout',
        'Install',
        'Lint',
        'Type check',
        'Unit & integration tests',
        'SonarQube analysis',
        'Quality gate',
        'Build',
      ],
      master: [
        'Integration',
        'Checkout',
        'Install',
        'Lint',
        'Type check',
        'Unit & integration tests',
        'SonarQube analysis',
        'Quality gate',
        'Build',
        'Images',
        'QA',
        'Prepare qa',
        'Deploy qa',
        'Kibana qa',
        'Portal qa',
        'QA suite',
      ],
      'tag beta-*': ['Beta', 'Resolve beta release', 'Deploy beta', 'Kibana beta', 'Portal beta'],
      'tag v*': ['Prepare prod release', 'Approve prod', 'Prod', 'Deploy prod', 'Kibana prod', 'Portal prod'],
    });
  });

  it('reads conditions it does not understand as a failure, not as a pass', () => {
    const odd = sources.jenkinsfile.replace("branch 'master'", "environment name: 'DEPLOY', value: 'yes'");
    expect(() => new Pipeline(odd).runFor({ branch: 'master', changeRequest: false })).toThrow(
      /not understood/,
    );
  });
});

describe('the checks catch a broken pipeline', () => {
  const mutate = (change: Partial<Sources> | ((s: Sources) => Sources)): Sources =>
    typeof change === 'function' ? change(structuredClone(sources)) : { ...sources, ...change };
  const replaced = (text: string, from: string | RegExp, to: string) => {
    const out = text.replace(from, to);
    if (out === text) throw new Error(`mutation did not apply: ${from}`);
    return out;
  };
  const failing = (mutant: Sources) =>
    Object.entries(CHECKS_BY_NAME)
      .filter(([, check]) => check(mutant).length > 0)
      .map(([name]) => name);

  it('prod without an approval', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        /env\.PROD_APPROVER = input\([\s\S]*?\n {12}\)/,
        "env.PROD_APPROVER = 'nobody'",
      ),
    });
    expect(CHECKS_BY_NAME['prod only after a release manager approves, holding no agent'](mutant)).toContain(
      'no stage asks for approval (input) before Deploy prod',
    );
  });

  it('an approval that holds a pod', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        '      // No agent: the wait holds no pod.\n',
        "      agent { kubernetes { yamlFile 'jenkins/k8s/deploy-pod.yaml' } }\n",
      ),
    });
    expect(failing(mutant)).toContain('prod only after a release manager approves, holding no agent');
  });

  it('images built for pull requests', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        /(stage\('Images'\) \{\n\s*when \{\n\s*beforeAgent true\n\s*)branch 'master'/,
        '$1not { buildingTag() }',
      ),
    });
    const problems = CHECKS_BY_NAME['each kind of build runs its stages and no others'](mutant);
    expect(problems).toContain("pull request: stage 'Images' runs, and must not");
    expect(failing(mutant)).toContain(
      'agents: Node with MySQL 8 and Redis 7 side-cars, privileged only on master',
    );
  });

  it('a beta deploy that rebuilds the images', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        "deployServices(environment: 'beta'",
        "buildImages(tag: env.IMAGE_TAG, services: showroomServices())\n            deployServices(environment: 'beta'",
      ),
    });
    expect(
      CHECKS_BY_NAME['tag builds deploy what master built, without building'](mutant).join('\n'),
    ).toMatch(/tag beta-\*: stage 'Deploy beta' builds/);
  });

  it('a shallow clone', () => {
    const mutant = mutate((s) => {
      s.vars['showroomCheckout'] = replaced(
        s.vars['showroomCheckout'],
        'shallow: false',
        'shallow: true, depth: 1',
      );
      return s;
    });
    expect(CHECKS_BY_NAME['checkout with full history, nx affected with base and head'](mutant)).toEqual(
      expect.arrayContaining([
        'jenkins/vars/showroomCheckout.groovy: shallow: true',
        'showroomCheckout lacks shallow\\s*:\\s*false',
      ]),
    );
  });

  it('an AWS key or a password in the repository', () => {
    const key = ['AKIA', 'ABCDEFGHIJKLMNOP'].join('');
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        "    CI = 'true'\n",
        `    CI = 'true'\n    AWS_ACCESS_KEY_ID = '${key}'\n    DB_PASSWORD = 'hunter2'\n`,
      ),
    });
    const problems = CHECKS_BY_NAME['credentials only from Jenkins'](mutant).join('\n');
    expect(problems).toMatch(/Jenkinsfile: looks like a secret \(AKIA/);
    expect(problems).toMatch(/Jenkinsfile: looks like a secret \(PASSWORD = '/);
  });

  it('a credential Jenkins does not hold', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        "credentials('showroom-qa-e2e-password')",
        "credentials('qa-password')",
      ),
    });
    expect(CHECKS_BY_NAME['credentials only from Jenkins'](mutant)).toContain(
      "credential 'qa-password' is not declared in jenkins/casc/jenkins.yaml",
    );
  });

  it('no Slack message when a build fails', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        /\n {4}failure \{\n {6}notifySlack\('FAILURE'\)\n {4}\}/,
        '',
      ),
    });
    expect(CHECKS_BY_NAME['Slack on success and on failure'](mutant)).toEqual(['post has no failure block']);
  });

  it('no wait for the quality gate', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        sources.jenkinsfile,
        'waitForQualityGate abortPipeline: true',
        "echo 'gate skipped'",
      ),
    });
    expect(CHECKS_BY_NAME['SonarQube analysis and a quality gate that aborts'](mutant)).toEqual([
      'no stage waits for the quality gate (waitForQualityGate)',
    ]);
  });

  it('stages out of order', () => {
    const mutant = mutate({
      jenkinsfile: replaced(
        replaced(sources.jenkinsfile, "stage('Lint')", "stage('__A__')"),
        "stage('Type check')",
        "stage('Lint')",
      ).replace("stage('__A__')", "stage('Type check')"),
    });
    expect(CHECKS_BY_NAME['stages exist, in order'](mutant)).toEqual([
      "stage 'Type check' comes before the stage expected ahead of it",
    ]);
  });

  it('a privileged pod for pull requests', () => {
    const mutant = mutate((s) => {
      s.files['jenkins/k8s/ci-pod.yaml'] = replaced(
        s.files['jenkins/k8s/ci-pod.yaml'],
        '      image: redis:7.4-alpine\n',
        '      image: redis:7.4-alpine\n      securityContext:\n        privileged: true\n',
      );
      return s;
    });
    expect(
      CHECKS_BY_NAME['agents: Node with MySQL 8 and Redis 7 side-cars, privileged only on master'](mutant),
    ).toContain("stage 'Integration' also runs for a pull request build with a privileged pod");
  });
});

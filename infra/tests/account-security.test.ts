// 4. Account security (modules/account-security, issue #14): what the account's password policy,
//    its console users' MFA rule and its sign-in alert do, read as AWS would read them, and where
//    they are created (once per account). Each check is also run against a copy of the module with
//    one mistake in it, so a weakened policy, a lost MFA condition or an alert that no longer fires
//    fails here, not in an incident review.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decide,
  eventMatches,
  type Facts,
  type IamRequest,
  inputPath,
  render,
  type Statement,
} from './support/aws-semantics';
import {
  type Block,
  callSource,
  displayPath,
  enterCall,
  environmentScope,
  infraPath,
  type Json,
  loadModule,
  resolveValue,
  rootDir,
  type Scope,
  terraformDirectories,
  type TerraformModule,
  variableValue,
} from './support/terraform';

const MODULE_DIR = infraPath('modules', 'account-security');
const FORWARDER_DIR = infraPath('modules', 'sign-in-forwarder');
const ACCOUNT = '111122223333';
const FACTS: Facts = {
  'data.aws_partition.current.partition': 'aws',
  'data.aws_caller_identity.current.account_id': ACCOUNT,
  'data.aws_region.current.region': 'us-east-1',
};
/** Where CloudTrail records console sign-ins besides us-east-1 (CloudTrail User Guide, sign-in events). */
const GLOBAL_ENDPOINT_REGIONS = ['us-east-2', 'eu-north-1', 'ap-southeast-2'];
/** What a user may do before MFA (the brief's list, and iam:GetMFADevice of AWS's own example). */
const SELF_SERVICE = [
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

const asBlock = (value: Json | undefined): Block =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
const first = (value: Json | undefined): Block => asBlock(Array.isArray(value) ? value[0] : undefined);
const statementsOf = (module: TerraformModule, document: string): Statement[] => {
  const body = module.data['aws_iam_policy_document']?.[document];
  if (!body) throw new Error(`${module.name} has no policy document "${document}"`);
  const rendered = render(module, body['statement'], FACTS);
  return Array.isArray(rendered) ? rendered.map(asBlock) : [];
};
const conditionOf = (statement: Statement, variable: string) =>
  (Array.isArray(statement['condition']) ? (statement['condition'] as Block[]) : []).find(
    (condition) => condition['variable'] === variable,
  );
const servicePrincipals = (statement: Statement) =>
  (Array.isArray(statement['principals']) ? (statement['principals'] as Block[]) : [])
    .filter((principal) => principal['type'] === 'Service')
    .flatMap((principal) => principal['identifiers'] as string[]);

// --- The checks, each over one module as written --------------------------------------------------

function passwordPolicyProblems(module: TerraformModule): string[] {
  const policies = Object.values(module.resources['aws_iam_account_password_policy'] ?? {});
  if (policies.length !== 1)
    return [`expected one aws_iam_account_password_policy, found ${policies.length}`];
  const scope: Scope = { module, inputs: {} };
  const value = (name: string) =>
    policies[0][name] === undefined ? 'not set' : resolveValue(scope, policies[0][name]);
  const problems: string[] = [];
  const length = value('minimum_password_length');
  if (typeof length !== 'number' || length < 14)
    problems.push(`minimum_password_length is ${String(length)}, not >= 14`);
  for (const kind of ['uppercase', 'lowercase'] as const) {
    if (value(`require_${kind}_characters`) !== true) problems.push(`${kind} characters are not required`);
  }
  if (value('require_numbers') !== true) problems.push('numbers are not required');
  if (value('require_symbols') !== true) problems.push('symbols are not required');
  const age = value('max_password_age');
  if (typeof age !== 'number' || age < 1 || age > 90)
    problems.push(`max_password_age is ${String(age)}, not 1–90 days`);
  const reuse = value('password_reuse_prevention');
  if (typeof reuse !== 'number' || reuse < 5)
    problems.push(`password_reuse_prevention is ${String(reuse)}, not >= 5`);
  if (value('allow_users_to_change_password') !== true)
    problems.push('users may not change their own password');
  if (!['not set', false].includes(value('hard_expiry') as string | boolean))
    problems.push('hard_expiry locks out users whose password expired');
  return problems;
}

/** The console users' group policy, decided for user alice as IAM would. */
function forceMfaProblems(module: TerraformModule): string[] {
  const groups = module.resources['aws_iam_group'] ?? {};
  const attachments = Object.values(module.resources['aws_iam_group_policy'] ?? {});
  const problems: string[] = [];
  const attachment = attachments.find((policy) => {
    const group = /^\$\{aws_iam_group\.([\w-]+)\.name\}$/.exec(String(policy['group']))?.[1];
    return group !== undefined && groups[group] !== undefined;
  });
  if (!attachment) return ['no policy is attached to the console users group'];
  const document = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(
    String(attachment['policy']),
  )?.[1];
  if (!document) return ['the group policy is not a policy document of this module'];
  const statements = statementsOf(module, document);

  const own = (kind: 'user' | 'mfa', name = 'alice') => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
  const ask = (action: string, resource: string, mfa: 'true' | 'false' | 'absent'): IamRequest => ({
    action,
    resource,
    context: { 'aws:username': 'alice', ...(mfa === 'absent' ? {} : { 'aws:MultiFactorAuthPresent': mfa }) },
  });
  const expectDecision = (request: IamRequest, wanted: (decision: string) => boolean, what: string) => {
    const decision = decide(statements, request);
    const mfa = request.context['aws:MultiFactorAuthPresent'] ?? 'absent (access keys)';
    if (!wanted(decision))
      problems.push(`${request.action} on ${request.resource}, MFA ${mfa}: ${decision}, ${what}`);
  };

  // Before MFA — a password-only console session ('false') or access keys (no key at all).
  for (const mfa of ['false', 'absent'] as const) {
    for (const [action, resource] of [
      ['iam:ChangePassword', own('user')],
      ['iam:GetAccountPasswordPolicy', '*'],
      ['iam:GetUser', own('user')],
      ['iam:CreateVirtualMFADevice', own('mfa')],
      ['iam:EnableMFADevice', own('user')],
      ['iam:ListMFADevices', own('user')],
      ['iam:ListVirtualMFADevices', '*'],
      ['iam:ResyncMFADevice', own('user')],
    ]) {
      expectDecision(ask(action, resource, mfa), (d) => d === 'allow', 'should be allowed before MFA');
    }
    for (const [action, resource] of [
      ['s3:ListAllMyBuckets', '*'],
      ['ec2:DescribeInstances', '*'],
      ['iam:CreateAccessKey', own('user')],
      ['iam:AttachUserPolicy', own('user')],
      ['iam:DeactivateMFADevice', own('user')],
      ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/admin`],
      ['someservicenotyetlaunched:DoAnything', '*'],
    ]) {
      expectDecision(ask(action, resource, mfa), (d) => d === 'explicit deny', 'should be denied before MFA');
    }
    // Only one's own user and device.
    for (const [action, resource] of [
      ['iam:ChangePassword', own('user', 'bob')],
      ['iam:EnableMFADevice', own('user', 'bob')],
      ['iam:CreateVirtualMFADevice', own('mfa', 'bob')],
    ]) {
      expectDecision(
        ask(action, resource, mfa),
        (d) => d !== 'allow',
        "should not be allowed on another user's ARN",
      );
    }
  }
  // With MFA the group stands aside: other groups' rights apply, and one's device may be removed.
  for (const action of ['s3:ListAllMyBuckets', 'ec2:DescribeInstances', 'iam:CreateAccessKey']) {
    expectDecision(ask(action, '*', 'true'), (d) => d !== 'explicit deny', 'should not be denied with MFA');
  }
  expectDecision(
    ask('iam:DeactivateMFADevice', own('user'), 'true'),
    (d) => d === 'allow',
    'should be allowed with MFA',
  );

  // The exemption list itself: self-service actions only, no wildcards.
  for (const statement of statements.filter((s) => s['effect'] === 'Deny')) {
    for (const action of (statement['not_actions'] as string[] | undefined) ?? []) {
      if (!SELF_SERVICE.includes(action))
        problems.push(`the deny exempts ${action}, which is not self-service`);
    }
  }
  return problems;
}

/** The rule, its target, the topic, its policy, its key and its subscriber, as one chain. */
function signInAlertProblems(module: TerraformModule): string[] {
  const problems: string[] = [];
  const rules = module.resources['aws_cloudwatch_event_rule'] ?? {};
  const targets = module.resources['aws_cloudwatch_event_target'] ?? {};
  const topics = module.resources['aws_sns_topic'] ?? {};

  const patternOf = (rule: Block): Json => {
    const written = rule['event_pattern'];
    const viaLocal = /^\$\{jsonencode\(local\.([\w-]+)\)\}$/.exec(String(written));
    if (viaLocal) return render(module, module.locals[viaLocal[1]], FACTS);
    if (typeof written === 'string' && !written.includes('${')) return JSON.parse(written) as Json;
    throw new Error(`cannot read the event pattern ${String(written)}`);
  };
  const signInRules = Object.entries(rules).filter(
    ([, rule]) =>
      rule['state'] !== 'DISABLED' &&
      rule['is_enabled'] !== false &&
      eventMatches(patternOf(rule), SIGN_IN_EVENTS.iamUser),
  );
  if (signInRules.length === 0) return ['no enabled rule matches a console sign-in event'];

  for (const [name, rule] of signInRules) {
    const pattern = patternOf(rule);
    for (const [label, event] of Object.entries(SIGN_IN_EVENTS)) {
      if (!eventMatches(pattern, event)) problems.push(`rule ${name} misses the ${label} sign-in`);
    }
    if (eventMatches(pattern, API_CALL_EVENT)) problems.push(`rule ${name} also fires on every API call`);
  }

  // A target of one of those rules that is a topic of this module.
  const topicTargets = Object.values(targets).flatMap((target) => {
    const rule = /^\$\{aws_cloudwatch_event_rule\.([\w-]+)\.name\}$/.exec(String(target['rule']))?.[1];
    const topic = /^\$\{aws_sns_topic\.([\w-]+)\.arn\}$/.exec(String(target['arn']))?.[1];
    return rule && topic && signInRules.some(([name]) => name === rule) && topics[topic]
      ? [{ target, topic }]
      : [];
  });
  if (topicTargets.length === 0)
    return [...problems, 'no sign-in rule has an SNS topic of this module as its target'];

  for (const { target, topic } of topicTargets) {
    const topicArn = `\${aws_sns_topic.${topic}.arn}`;
    // The e-mail reads the event's fields: each path the transformer names is in a real event.
    const transformer = first(target['input_transformer']);
    for (const [name, path] of Object.entries(asBlock(transformer['input_paths']))) {
      if (inputPath(SIGN_IN_EVENTS.iamUser, String(path)) === undefined)
        problems.push(`the message's <${name}> (${String(path)}) is not in a sign-in event`);
      if (!String(transformer['input_template']).includes(`<${name}>`))
        problems.push(`<${name}> is read but never shown`);
    }

    // Who may publish: EventBridge, for this rule.
    const policies = Object.values(module.resources['aws_sns_topic_policy'] ?? {}).filter(
      (p) => p['arn'] === topicArn,
    );
    const document = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(
      String(policies[0]?.['policy']),
    )?.[1];
    const publishes = document
      ? statementsOf(module, document).some(
          (statement) =>
            (statement['effect'] ?? 'Allow') === 'Allow' &&
            servicePrincipals(statement).includes('events.amazonaws.com') &&
            (statement['actions'] as string[]).includes('sns:Publish') &&
            (statement['resources'] as string[]).includes(topicArn),
        )
      : false;
    if (!publishes) problems.push(`topic ${topic}'s policy does not let EventBridge publish`);

    // An encrypted topic takes EventBridge's messages only if its key lets EventBridge use it.
    const key = /^\$\{aws_kms_key\.([\w-]+)\.arn\}$/.exec(
      String(topics[topic]['kms_master_key_id'] ?? ''),
    )?.[1];
    if (key) {
      const keyDocument = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(
        String(module.resources['aws_kms_key']?.[key]?.['policy']),
      )?.[1];
      const actions = keyDocument
        ? statementsOf(module, keyDocument)
            .filter((statement) => servicePrincipals(statement).includes('events.amazonaws.com'))
            .flatMap((statement) => statement['actions'] as string[])
        : [];
      for (const needed of ['kms:GenerateDataKey*', 'kms:Decrypt']) {
        if (!actions.includes(needed)) problems.push(`the topic's key does not give EventBridge ${needed}`);
      }
    }

    const emails = Object.values(module.resources['aws_sns_topic_subscription'] ?? {}).filter(
      (subscription) => subscription['topic_arn'] === topicArn && subscription['protocol'] === 'email',
    );
    if (!emails.some((subscription) => subscription['endpoint'] === '${var.security_alert_email}'))
      problems.push(`topic ${topic} has no e-mail subscription to var.security_alert_email`);
  }
  return problems;
}

// --- Events as CloudTrail delivers them to EventBridge (CloudTrail User Guide examples) ----------

const signInEvent = (
  region: string,
  identity: Block,
  result: 'Success' | 'Failure',
  mfa: 'Yes' | 'No',
): Json => ({
  version: '0',
  id: '6f1d2a3b-0000-4000-8000-000000000001',
  'detail-type': 'AWS Console Sign In via CloudTrail',
  source: 'aws.signin',
  account: ACCOUNT,
  time: '2026-12-07T09:15:00Z',
  region,
  resources: [],
  detail: {
    eventVersion: '1.09',
    userIdentity: { accountId: ACCOUNT, ...identity },
    eventTime: '2026-12-07T09:15:00Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: region,
    sourceIPAddress: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: result },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: mfa,
    },
    eventID: '00000000-0000-4000-8000-000000000002',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
  },
});

const SIGN_IN_EVENTS = {
  iamUser: signInEvent(
    'us-east-2',
    {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      userName: 'alice',
    },
    'Success',
    'Yes',
  ),
  'failed IAM user': signInEvent(
    'us-east-1',
    {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      userName: 'alice',
    },
    'Failure',
    'No',
  ),
  root: signInEvent(
    'us-east-1',
    { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` },
    'Success',
    'No',
  ),
  federated: signInEvent(
    'eu-north-1',
    {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:alice',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_0123/alice`,
    },
    'Success',
    'No',
  ),
} satisfies Record<string, Json>;

const API_CALL_EVENT: Json = {
  version: '0',
  'detail-type': 'AWS API Call via CloudTrail',
  source: 'aws.iam',
  account: ACCOUNT,
  region: 'us-east-1',
  detail: { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', eventType: 'AwsApiCall' },
};

// --- A copy of the module with one mistake in it ------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), 'infra-account-security-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;

/** modules/account-security copied with `edit` applied to one of its files (which must change it). */
async function withMistake(file: string, edit: (text: string) => string): Promise<TerraformModule> {
  const modules = join(scratch, String(copies++));
  cpSync(MODULE_DIR, join(modules, 'account-security'), { recursive: true });
  cpSync(FORWARDER_DIR, join(modules, 'sign-in-forwarder'), { recursive: true });
  const path = join(modules, 'account-security', file);
  const original = readFileSync(path, 'utf8');
  const edited = edit(original);
  if (edited === original) throw new Error(`the mistake did not change ${file}`);
  writeFileSync(path, edited);
  return loadModule(join(modules, 'account-security'));
}

/** The text from the line that starts `from` up to (not including) the line that starts `to`. */
const cut = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`cannot find ${from} … ${to}`);
  return text.slice(0, start) + text.slice(end);
};

// --- The tests -------------------------------------------------------------------------------------

describe('account security is created once per AWS account (modules/account-security)', () => {
  it('lives in global/, the one root applied once in the account every environment runs in', async () => {
    const global = await environmentScope('global');
    const call = global.module.calls['account_security'];
    expect(callSource(global.module, call)).toBe(MODULE_DIR);
    expect(call['count']).toBe('${var.account_security ? 1 : 0}');
    expect(variableValue(global, 'account_security')).toBe(true);

    // The environments share global's account: they read its ECR repositories and its public zone
    // as their own (no registry_id, no other provider). Should they move to accounts of their own,
    // this fails, and each new account needs account-security applied to it too.
    const platform = await loadModule(infraPath('modules', 'platform'));
    for (const name of ['service', 'storefront']) {
      expect(platform.data['aws_ecr_repository'][name]).not.toHaveProperty('registry_id');
      expect(platform.data['aws_ecr_repository'][name]).not.toHaveProperty('provider');
    }
    expect(platform.data['aws_route53_zone']['this']).not.toHaveProperty('provider');
  });

  it('is called from nowhere else, and nothing else creates account-wide singletons', async () => {
    const callers: string[] = [];
    const owners: string[] = [];
    for (const dir of terraformDirectories()) {
      const module = await loadModule(dir);
      for (const [name, call] of Object.entries(module.calls)) {
        if (callSource(module, call) === MODULE_DIR) callers.push(`${displayPath(dir)}: module.${name}`);
      }
      for (const type of ['aws_iam_account_password_policy', 'aws_cloudtrail', 'aws_iam_account_alias']) {
        for (const name of Object.keys(module.resources[type] ?? {}))
          owners.push(`${displayPath(dir)}: ${type}.${name}`);
      }
    }
    expect(callers).toEqual(['global: module.account_security']);
    expect(owners).toEqual([
      'modules/account-security: aws_iam_account_password_policy.this',
      'modules/account-security: aws_cloudtrail.this',
    ]);
  });

  it('runs in us-east-1, with each forwarder on a provider in the Region it is named for', async () => {
    const global = await loadModule(rootDir('global'));
    const regionOf = (reference: string) => {
      const alias = reference === 'aws' ? undefined : reference.replace(/^aws\./, '');
      return global.providers.find((provider) => provider['alias'] === alias)?.['region'];
    };
    const passed = asBlock(global.calls['account_security']['providers']);
    const unwrap = (value: Json | undefined) => String(value).replace(/^\$\{(.*)\}$/, '$1');
    expect(regionOf(unwrap(passed['aws']))).toBe('us-east-1');

    const module = await loadModule(MODULE_DIR);
    const forwarded: string[] = [];
    for (const call of Object.values(module.calls)) {
      if (callSource(module, call) !== FORWARDER_DIR) continue;
      const inner = unwrap(asBlock(call['providers'])['aws']);
      // The alias the module hands the forwarder, followed to the configuration global gives it.
      const region = regionOf(unwrap(passed[inner]));
      expect(region, `${inner} is given a provider in ${String(region)}`).toBe(call['region']);
      expect(call['event_pattern']).toBe(
        module.resources['aws_cloudwatch_event_rule']['console_sign_in']['event_pattern'],
      );
      expect(render(module, call['target_event_bus_arn'], FACTS)).toBe(
        `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`,
      );
      forwarded.push(String(region));
    }
    expect(forwarded.sort()).toEqual([...GLOBAL_ENDPOINT_REGIONS].sort());

    const forwarder = await loadModule(FORWARDER_DIR);
    const target = forwarder.resources['aws_cloudwatch_event_target']['home_bus'];
    expect(target).toMatchObject({
      rule: '${aws_cloudwatch_event_rule.this.name}',
      arn: '${var.target_event_bus_arn}',
      role_arn: '${var.role_arn}',
    });
    expect(forwarder.resources['aws_cloudwatch_event_rule']['this']['event_pattern']).toBe(
      '${var.event_pattern}',
    );
    // The role it uses may put events on us-east-1's default bus, nothing else.
    expect(statementsOf(module, 'put_home_events')).toEqual([
      { actions: ['events:PutEvents'], resources: [`arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`] },
    ]);
  });
});

describe('the password policy', () => {
  it('asks for 14 characters of four kinds, a change every 90 days, none of the last 5 again', async () => {
    expect(passwordPolicyProblems(await loadModule(MODULE_DIR))).toEqual([]);
  });

  it.each([
    [
      'a shorter minimum',
      (t: string) => t.replace(/minimum_password_length(\s+)= 14/, 'minimum_password_length$1= 8'),
      /minimum_password_length is 8/,
    ],
    [
      'fewer passwords remembered',
      (t: string) => t.replace(/password_reuse_prevention(\s+)= 5/, 'password_reuse_prevention$1= 3'),
      /password_reuse_prevention is 3/,
    ],
    [
      'no maximum age',
      (t: string) => t.replace(/\n\s*max_password_age\s+= 90/, ''),
      /max_password_age is not set/,
    ],
    [
      'a longer maximum age',
      (t: string) => t.replace(/max_password_age(\s+)= 90/, 'max_password_age$1= 365'),
      /max_password_age is 365/,
    ],
    [
      'no symbols',
      (t: string) => t.replace(/require_symbols(\s+)= true/, 'require_symbols$1= false'),
      /symbols are not required/,
    ],
  ])('fails with %s', async (_label, edit, problem) => {
    expect(passwordPolicyProblems(await withMistake('main.tf', edit))).toEqual([
      expect.stringMatching(problem),
    ]);
  });
});

describe('the console users group: nothing but password and MFA self-service until MFA', () => {
  it('is decided by IAM as intended, before and after MFA, for access keys too', async () => {
    expect(forceMfaProblems(await loadModule(MODULE_DIR))).toEqual([]);
  });

  it('is named for the console users and carries the policy', async () => {
    const module = await loadModule(MODULE_DIR);
    expect(module.resources['aws_iam_group']['console_users']['name']).toBe(
      '${var.name_prefix}-console-users',
    );
    expect(module.variables['name_prefix']['default']).toBe('showroom');
  });

  it('fails when the deny loses its MFA condition (everyone is locked out, even with MFA)', async () => {
    const module = await withMistake('main.tf', (text) =>
      text.replace(
        /(sid\s+= "DenyAllExceptSelfServiceWithoutMfa"[\s\S]*?resources\s+= \["\*"\])\s*condition \{[\s\S]*?\n {4}\}/,
        '$1',
      ),
    );
    expect(forceMfaProblems(module)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ec2:DescribeInstances on \*, MFA true: explicit deny/)]),
    );
  });

  it('fails when the condition no longer covers requests without the MFA key (access keys)', async () => {
    const module = await withMistake('main.tf', (text) =>
      text.replace('test     = "BoolIfExists"', 'test     = "Bool"'),
    );
    expect(forceMfaProblems(module)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /iam:CreateAccessKey on .*user\/alice, MFA absent \(access keys\): implicit deny, should be denied/,
        ),
      ]),
    );
  });

  it('fails when the deny is dropped, or exempts more than self-service', async () => {
    const dropped = await withMistake('main.tf', (text) =>
      text.replace('effect      = "Deny"', 'effect      = "Allow"'),
    );
    expect(forceMfaProblems(dropped)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/s3:ListAllMyBuckets on \*, MFA false: .*should be denied before MFA/),
      ]),
    );
    const widened = await withMistake('main.tf', (text) =>
      text.replace('"sts:GetSessionToken",', '"sts:GetSessionToken",\n    "iam:*",'),
    );
    expect(forceMfaProblems(widened)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/iam:CreateAccessKey on .*MFA false: implicit deny, should be denied/),
        'the deny exempts iam:*, which is not self-service',
      ]),
    );
  });

  it('fails when a user may enrol a device for someone else', async () => {
    const module = await withMistake('main.tf', (text) =>
      text.replace(
        'own_user       = "arn:${local.partition}:iam::*:user/$${aws:username}"',
        'own_user       = "arn:${local.partition}:iam::*:user/*"',
      ),
    );
    expect(forceMfaProblems(module)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/iam:EnableMFADevice on .*user\/bob.*should not be allowed/),
      ]),
    );
  });
});

describe('an e-mail for every console sign-in', () => {
  it('matches root, IAM user (successful or not) and federated sign-ins, and not API calls; e-mails them', async () => {
    expect(signInAlertProblems(await loadModule(MODULE_DIR))).toEqual([]);
  });

  it('goes to the address global/terraform.tfvars sets', async () => {
    const module = await enterCall(await environmentScope('global'), 'account_security');
    expect(variableValue(module, 'security_alert_email')).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('lets only the sign-in rule publish to the topic', async () => {
    const module = await loadModule(MODULE_DIR);
    const [statement] = statementsOf(module, 'sign_ins_topic');
    expect(conditionOf(statement, 'aws:SourceArn')).toEqual({
      test: 'ArnEquals',
      variable: 'aws:SourceArn',
      values: ['${aws_cloudwatch_event_rule.console_sign_in.arn}'],
    });
  });

  it.each([
    [
      'the rule matches API calls instead',
      (t: string) =>
        t.replace(
          '"detail-type" = ["AWS Console Sign In via CloudTrail"]',
          '"detail-type" = ["AWS API Call via CloudTrail"]',
        ),
      'no enabled rule matches a console sign-in event',
    ],
    [
      'the rule is switched off',
      (t: string) =>
        t.replace(
          'resource "aws_cloudwatch_event_rule" "console_sign_in" {',
          'resource "aws_cloudwatch_event_rule" "console_sign_in" {\n  state = "DISABLED"',
        ),
      'no enabled rule matches a console sign-in event',
    ],
    [
      'the rule only matches root',
      (t: string) =>
        t.replace(
          '"detail-type" = ["AWS Console Sign In via CloudTrail"]',
          '"detail-type" = ["AWS Console Sign In via CloudTrail"]\n    detail        = { userIdentity = { type = ["Root"] } }',
        ),
      'no enabled rule matches a console sign-in event',
    ],
    [
      'the SNS target is gone',
      (t: string) =>
        cut(t, 'resource "aws_cloudwatch_event_target" "sign_in_email"', '# --- The other Regions'),
      'no sign-in rule has an SNS topic of this module as its target',
    ],
  ])('fails when %s', async (_label, edit, problem) => {
    expect(signInAlertProblems(await withMistake('sign-in-alerts.tf', edit))).toEqual([problem]);
  });

  it("fails when EventBridge may not publish, or the topic's key shuts it out, or nobody is subscribed", async () => {
    const policy = await withMistake('sign-in-alerts.tf', (t) =>
      t.replace('actions   = ["sns:Publish"]', 'actions   = ["sns:Subscribe"]'),
    );
    expect(signInAlertProblems(policy)).toEqual(["topic sign_ins's policy does not let EventBridge publish"]);
    const key = await withMistake('trail.tf', (t) =>
      t.replace('actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]', 'actions   = ["kms:Decrypt"]'),
    );
    expect(signInAlertProblems(key)).toEqual([
      "the topic's key does not give EventBridge kms:GenerateDataKey*",
    ]);
    const nobody = await withMistake('sign-in-alerts.tf', (t) =>
      t.replace('protocol  = "email"', 'protocol  = "sqs"'),
    );
    expect(signInAlertProblems(nobody)).toEqual([
      'topic sign_ins has no e-mail subscription to var.security_alert_email',
    ]);
  });
});

describe("the account's trail", () => {
  const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/showroom-account`;

  it('records every Region, global services included, with log file validation and its own key', async () => {
    const module = await loadModule(MODULE_DIR);
    const trail = module.resources['aws_cloudtrail']['this'];
    expect(trail).toMatchObject({
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      kms_key_id: '${aws_kms_key.this.arn}',
      s3_bucket_name: '${aws_s3_bucket.trail.id}',
    });
    expect(trail['event_selector']).toBeUndefined(); // all management events, reads and writes
    expect(trail['depends_on']).toEqual(expect.arrayContaining(['${aws_s3_bucket_policy.trail}']));
    // The ARN the policies name is the trail's own.
    expect(render(module, trail['name'], FACTS)).toBe('showroom-account');
    expect(render(module, '${local.trail_arn}', FACTS)).toBe(trailArn);
  });

  it('writes to a bucket nobody reaches publicly, encrypted with the key, kept a year', async () => {
    const module = await loadModule(MODULE_DIR);
    const r = module.resources;
    expect(r['aws_s3_bucket_public_access_block']['trail']).toEqual({
      bucket: '${aws_s3_bucket.trail.id}',
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const encryption = first(r['aws_s3_bucket_server_side_encryption_configuration']['trail']['rule']);
    expect(first(encryption['apply_server_side_encryption_by_default'])).toEqual({
      sse_algorithm: 'aws:kms',
      kms_master_key_id: '${aws_kms_key.this.arn}',
    });
    expect(encryption['bucket_key_enabled']).toBe(false);
    expect(r['aws_kms_key']['this']['enable_key_rotation']).toBe(true);
    expect(Number(module.variables['trail_log_retention_days']['default'])).toBeGreaterThanOrEqual(365);
  });

  it("lets only this trail write, under this account's prefix, and nothing over plain HTTP", async () => {
    const module = await loadModule(MODULE_DIR);
    expect(module.resources['aws_s3_bucket_policy']['trail']['policy']).toBe(
      '${data.aws_iam_policy_document.trail_bucket.json}',
    );
    const statements = statementsOf(module, 'trail_bucket');
    const bySid = (sid: string) => statements.find((statement) => statement['sid'] === sid) ?? {};
    const write = statements.filter((statement) =>
      (statement['actions'] as string[]).includes('s3:PutObject'),
    );
    expect(write).toHaveLength(1);
    expect(servicePrincipals(write[0])).toEqual(['cloudtrail.amazonaws.com']);
    expect(write[0]['resources']).toEqual([`\${aws_s3_bucket.trail.arn}/AWSLogs/${ACCOUNT}/*`]);
    expect(conditionOf(write[0], 's3:x-amz-acl')?.['values']).toEqual(['bucket-owner-full-control']);
    expect(conditionOf(write[0], 'aws:SourceArn')).toMatchObject({
      test: 'StringEquals',
      values: [trailArn],
    });
    expect(conditionOf(bySid('CloudTrailChecksTheBucketAcl'), 'aws:SourceArn')?.['values']).toEqual([
      trailArn,
    ]);
    expect(bySid('DenyInsecureTransport')).toMatchObject({ effect: 'Deny', actions: ['s3:*'] });
    expect(conditionOf(bySid('DenyInsecureTransport'), 'aws:SecureTransport')?.['values']).toEqual(['false']);

    // And the key encrypts for this trail only.
    const encrypt = statementsOf(module, 'key').find(
      (statement) =>
        (statement['actions'] as string[]).includes('kms:GenerateDataKey*') &&
        servicePrincipals(statement).includes('cloudtrail.amazonaws.com'),
    );
    expect(conditionOf(encrypt ?? {}, 'aws:SourceArn')?.['values']).toEqual([trailArn]);
  });
});

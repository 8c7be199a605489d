// What AWS would make of parts of the Terraform, for tests that check behaviour rather than shape:
// reading a module's policy documents and locals with the account's facts filled in, deciding an
// IAM request against a policy's statements, and matching an event against an EventBridge pattern.
// Each handles only the subset infra/ uses and throws on anything else, so a check never passes
// because a construct was silently ignored.
import type { Block, Json, TerraformModule } from './terraform';

/** Stand-ins for what only a plan knows: `data.aws_partition.current.partition` => 'aws', … */
export type Facts = Record<string, string>;

const IAM_VARIABLE = '\u0000{';

/**
 * A value as Terraform would hand it to AWS, as far as it can be known without a plan: `local.x`
 * followed, `var.x` from its default, the expressions named in `facts` replaced; a reference to a
 * resource attribute (`${aws_s3_bucket.trail.arn}`) stays as written. `$${aws:username}` (an IAM
 * policy variable escaped for Terraform) becomes `${aws:username}`, as in the JSON AWS receives.
 */
export function render(module: TerraformModule, value: Json | undefined, facts: Facts, depth = 0): Json {
  if (depth > 20) throw new Error('render: locals refer to each other in a loop');
  if (value === undefined) return null;
  if (typeof value === 'string') {
    const whole = /^\$\{(local|var)\.([A-Za-z_][\w-]*)\}$/.exec(value);
    if (whole) {
      if (whole[1] === 'local') return render(module, module.locals[whole[2]], facts, depth + 1);
      const fact = facts[`var.${whole[2]}`];
      if (fact !== undefined) return fact;
      const declaration = module.variables[whole[2]];
      if (declaration && 'default' in declaration)
        return render(module, declaration['default'], facts, depth + 1);
      return value;
    }
    return value
      .replaceAll('$${', IAM_VARIABLE)
      .replace(/\$\{([^{}]+)\}/g, (match, expression: string) => {
        const name = expression.trim();
        if (facts[name] !== undefined) return facts[name];
        const reference = /^(local|var)\.([A-Za-z_][\w-]*)$/.exec(name);
        if (reference) {
          const rendered = render(module, `\${${name}}`, facts, depth + 1);
          if (typeof rendered === 'string' || typeof rendered === 'number') return String(rendered);
        }
        return match;
      })
      .replaceAll(IAM_VARIABLE, '${');
  }
  if (Array.isArray(value)) return value.map((item) => render(module, item, facts, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, render(module, item, facts, depth + 1)]),
    );
  }
  return value;
}

// --- IAM -----------------------------------------------------------------------------------------

export interface IamRequest {
  action: string;
  resource: string;
  /** Request context keys; a key left out is absent from the request (e.g. MFA with access keys). */
  context: Record<string, string>;
}

export type IamDecision = 'allow' | 'explicit deny' | 'implicit deny';

/** A statement of an `aws_iam_policy_document`, as parsed (lists of strings, `condition` blocks). */
export type Statement = Block;

const glob = (pattern: string, flags = '') =>
  new RegExp(
    `^${pattern
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    flags,
  );

const strings = (value: Json | undefined): string[] => {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item !== 'string') throw new Error(`expected strings, got ${JSON.stringify(value)}`);
    return item;
  });
};

/** Replaces `${aws:username}`-style policy variables with the request's values. */
const substitute = (pattern: string, context: Record<string, string>) =>
  pattern.replace(/\$\{([^}]+)\}/g, (match, key: string) => {
    if (!key.includes(':')) throw new Error(`${match} is a Terraform reference, not an IAM policy variable`);
    return context[key] ?? match;
  });

function conditionHolds(condition: Block, context: Record<string, string>): boolean {
  const test = String(condition['test']);
  const key = String(condition['variable']);
  const values = strings(condition['values']).map((value) => substitute(value, context));
  const present = key in context;
  const actual = context[key];
  switch (test) {
    case 'Bool':
      return present && values.some((value) => value.toLowerCase() === actual.toLowerCase());
    case 'BoolIfExists':
      return !present || values.some((value) => value.toLowerCase() === actual.toLowerCase());
    case 'StringEquals':
    case 'ArnEquals':
      return present && values.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return present && values.some((value) => glob(value).test(actual));
    default:
      throw new Error(`condition operator ${test} is not understood by this evaluator`);
  }
}

function statementApplies(statement: Statement, request: IamRequest): boolean {
  if (statement['principals'] !== undefined || statement['not_principals'] !== undefined) {
    throw new Error('identity policies only: this statement names principals');
  }
  const actions = strings(statement['actions']);
  const notActions = strings(statement['not_actions']);
  if (actions.length > 0 === notActions.length > 0) {
    throw new Error(`statement ${String(statement['sid'])} needs exactly one of actions and not_actions`);
  }
  const actionMatches = (patterns: string[]) =>
    patterns.some((pattern) => glob(pattern, 'i').test(request.action));
  if (actions.length > 0 ? !actionMatches(actions) : actionMatches(notActions)) return false;

  if (statement['not_resources'] !== undefined) throw new Error('not_resources is not understood here');
  const resources = strings(statement['resources']);
  if (!resources.some((pattern) => glob(substitute(pattern, request.context)).test(request.resource)))
    return false;

  const conditions = Array.isArray(statement['condition']) ? (statement['condition'] as Block[]) : [];
  return conditions.every((condition) => conditionHolds(condition, request.context));
}

/** IAM's evaluation within one account: an explicit deny wins, then any allow, else implicitly denied. */
export function decide(statements: Statement[], request: IamRequest): IamDecision {
  const applying = statements.filter((statement) => statementApplies(statement, request));
  if (applying.some((statement) => statement['effect'] === 'Deny')) return 'explicit deny';
  if (applying.some((statement) => (statement['effect'] ?? 'Allow') === 'Allow')) return 'allow';
  return 'implicit deny';
}

// --- EventBridge ---------------------------------------------------------------------------------

/**
 * Does an event match an EventBridge pattern? Exact-value matching only (a field's list of
 * values, nested objects); content filters (prefix, anything-but, …) throw, so a pattern that uses
 * them must be checked by a test that understands them.
 */
export function eventMatches(pattern: Json, event: Json): boolean {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) {
    throw new Error(`an event pattern is an object, not ${JSON.stringify(pattern)}`);
  }
  for (const [field, wanted] of Object.entries(pattern)) {
    const actual =
      event !== null && typeof event === 'object' && !Array.isArray(event) ? event[field] : undefined;
    if (Array.isArray(wanted)) {
      for (const value of wanted) {
        if (value !== null && typeof value === 'object') {
          throw new Error(`content filter ${JSON.stringify(value)} is not understood by this matcher`);
        }
      }
      const values = Array.isArray(actual) ? actual : [actual];
      if (!values.some((value) => value !== undefined && wanted.includes(value))) return false;
    } else if (wanted !== null && typeof wanted === 'object') {
      if (!eventMatches(wanted, actual ?? null)) return false;
    } else {
      throw new Error(`pattern field ${field} must hold a list of values or an object`);
    }
  }
  return true;
}

/** The value at an EventBridge input path (`$.detail.userIdentity.arn`) of an event. */
export function inputPath(event: Json, path: string): Json | undefined {
  if (!path.startsWith('$.')) throw new Error(`${path} is not an input path`);
  let value: Json | undefined = event;
  for (const part of path.slice(2).split('.')) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[part] : undefined;
  }
  return value;
}

// Reading the Terraform in infra/ without Terraform: HashiCorp's own HCL parser (compiled to WASM,
// @cdktf/hcl2json) turns each file into JSON, and the helpers below answer the questions
// `terraform validate` would: does every reference point at something declared, does every module
// call pass only variables the module declares (and all the ones it requires), which value does an
// environment finally give a module argument.
import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Block = { [key: string]: Json };

export const INFRA_ROOT = resolve(import.meta.dirname, '../..');
export const ENVIRONMENTS = ['dev', 'qa', 'beta', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
/** A root Terraform is run in: one of the environments (all in live/) or global. */
export type Root = Environment | 'global';

/** Module-call arguments that are Terraform meta-arguments, not the module's variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

export function infraPath(...parts: string[]): string {
  return join(INFRA_ROOT, ...parts);
}

export function displayPath(path: string): string {
  return relative(INFRA_ROOT, path) || '.';
}

/** Every file under `dir` whose name passes `keep`, skipping provider caches. */
export function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== '.terraform' && entry !== 'node_modules') found.push(...listFiles(path, keep));
    } else if (keep(entry)) {
      found.push(path);
    }
  }
  return found;
}

export const isTerraformFile = (name: string) => name.endsWith('.tf');
export const isTfvarsFile = (name: string) => name.endsWith('.tfvars');
export const isBackendConfigFile = (name: string) => name.endsWith('.backend.hcl');

/** Every HCL file under infra/ Terraform reads: .tf, .tfvars and the backend configurations. */
export function hclFiles(): string[] {
  return listFiles(
    INFRA_ROOT,
    (name) => isTerraformFile(name) || isTfvarsFile(name) || isBackendConfigFile(name),
  );
}

const parsed = new Map<string, Promise<Block>>();

/** Parses one HCL file (cached); rejects with the parser's own diagnostics on a syntax error. */
export function parseFile(path: string): Promise<Block> {
  let result = parsed.get(path);
  if (!result) {
    result = parseHcl(displayPath(path), readFileSync(path, 'utf8'));
    parsed.set(path, result);
  }
  return result;
}

export async function parseHcl(filename: string, content: string): Promise<Block> {
  return (await parse(filename, content)) as Block;
}

export interface TerraformModule {
  dir: string;
  name: string;
  variables: Record<string, Block>;
  outputs: Record<string, Block>;
  locals: Record<string, Json>;
  calls: Record<string, Block>;
  resources: Record<string, Record<string, Block>>;
  data: Record<string, Record<string, Block>>;
  providers: Block[];
  terraform: Block[];
  /** `removed` blocks: addresses Terraform forgets (their `lifecycle` says whether it destroys). */
  removed: Block[];
  /** `moved` blocks: addresses renamed in the state (`from`, `to`). */
  moved: Block[];
  /** Every parsed .tf document of the module, for whole-module scans. */
  documents: Block[];
}

function asBlock(value: Json | undefined): Block {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function asBlocks(value: Json | undefined): Block[] {
  return Array.isArray(value) ? value.map(asBlock) : [];
}

/** The first (only) body of a labelled block: hcl2json wraps each body in a list. */
function firstBody(value: Json | undefined): Block {
  return asBlocks(value)[0] ?? {};
}

const modules = new Map<string, Promise<TerraformModule>>();

/** All .tf files of one directory (not its subdirectories), merged as Terraform merges them. */
export function loadModule(dir: string): Promise<TerraformModule> {
  const key = resolve(dir);
  let result = modules.get(key);
  if (!result) {
    result = readModule(key);
    modules.set(key, result);
  }
  return result;
}

async function readModule(dir: string): Promise<TerraformModule> {
  const module: TerraformModule = {
    dir,
    name: displayPath(dir),
    variables: {},
    outputs: {},
    locals: {},
    calls: {},
    resources: {},
    data: {},
    providers: [],
    terraform: [],
    removed: [],
    moved: [],
    documents: [],
  };
  const files = readdirSync(dir)
    .filter(isTerraformFile)
    .sort()
    .map((name) => join(dir, name));
  for (const file of files) {
    const document = await parseFile(file);
    module.documents.push(document);
    for (const [name, body] of Object.entries(asBlock(document['variable'])))
      module.variables[name] = firstBody(body);
    for (const [name, body] of Object.entries(asBlock(document['output'])))
      module.outputs[name] = firstBody(body);
    for (const [name, body] of Object.entries(asBlock(document['module'])))
      module.calls[name] = firstBody(body);
    for (const locals of asBlocks(document['locals'])) Object.assign(module.locals, locals);
    for (const [kind, target] of [
      ['resource', module.resources],
      ['data', module.data],
    ] as const) {
      for (const [type, named] of Object.entries(asBlock(document[kind]))) {
        target[type] ??= {};
        for (const [name, body] of Object.entries(asBlock(named))) target[type][name] = firstBody(body);
      }
    }
    module.providers.push(...asBlocks(asBlock(document['provider'])['aws']));
    module.terraform.push(...asBlocks(document['terraform']));
    module.removed.push(...asBlocks(document['removed']));
    module.moved.push(...asBlocks(document['moved']));
  }
  return module;
}

/** The directory Terraform runs in for a root: live/ for every environment, global/ for global. */
export function rootDir(root: Root): string {
  return infraPath(root === 'global' ? 'global' : 'live');
}

/** The variables file of a root: envs/<env>.tfvars, or global/terraform.tfvars. */
export function tfvarsFile(root: Root): string {
  return root === 'global' ? infraPath('global', 'terraform.tfvars') : infraPath('envs', `${root}.tfvars`);
}

/** The backend configuration given at init: envs/<env>.backend.hcl (global's is in its backend.tf). */
export function backendConfigFile(env: Environment): string {
  return infraPath('envs', `${env}.backend.hcl`);
}

export async function loadTfvars(root: Root): Promise<Block> {
  return parseFile(tfvarsFile(root));
}

/** Directories under infra/ that hold .tf files: every module and every root. */
export function terraformDirectories(): string[] {
  return [...new Set(listFiles(INFRA_ROOT, isTerraformFile).map((file) => dirname(file)))].sort();
}

/** The local directory a module call's `source` points at, or null for a registry/git source. */
export function callSource(module: TerraformModule, call: Block): string | null {
  const source = call['source'];
  if (typeof source !== 'string' || !source.startsWith('.')) return null;
  return resolve(module.dir, source);
}

// --- Expressions -----------------------------------------------------------------------------------

/** Every string in a parsed document that holds a Terraform expression (`${...}`). */
export function expressions(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.includes('${') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(expressions);
  return [];
}

function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

const VAR_REF = /\bvar\.([A-Za-z_][\w-]*)/g;
const LOCAL_REF = /\blocal\.([A-Za-z_][\w-]*)/g;
const MODULE_REF = /\bmodule\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.([A-Za-z_][\w-]*)/g;
const DATA_REF = /\bdata\.([a-z][\w]*)\.([A-Za-z_][\w-]*)/g;
const RESOURCE_REF = /(?<![\w.])(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g;
const PROVIDER_REF = /^\$\{(aws(?:\.[A-Za-z_][\w-]*)?)\}$/;

/** The provider aliases a child module declares it must be given (configuration_aliases). */
export function configurationAliases(module: TerraformModule): string[] {
  const aliases = module.terraform
    .flatMap((terraform) => asBlocks(terraform['required_providers']))
    .flatMap((required) => expressions(asBlock(required['aws'])['configuration_aliases']))
    .map((alias) => PROVIDER_REF.exec(alias)?.[1])
    .filter((alias): alias is string => alias !== undefined);
  return [...new Set(aliases)].sort();
}

/** Provider configurations a module may use: the default, its own aliases, its configuration_aliases. */
function availableProviders(module: TerraformModule): Set<string> {
  const available = new Set(['aws', ...configurationAliases(module)]);
  for (const provider of module.providers) {
    if (typeof provider['alias'] === 'string') available.add(`aws.${provider['alias']}`);
  }
  return available;
}

/**
 * What `terraform validate` would reject in one module: references to undeclared variables,
 * locals, resources, data sources, modules or module outputs; module calls that pass an argument
 * the module does not declare, omit one it requires, or omit a provider alias it needs.
 */
export async function validateModule(module: TerraformModule): Promise<string[]> {
  const problems: string[] = [];
  const where = (what: string) => `${module.name}: ${what}`;
  // `removed` and `moved` name addresses that are (no longer) declared: not references.
  const text = module.documents
    .flatMap((document) => expressions({ ...document, removed: null, moved: null }))
    .join('\n');

  for (const [, name] of matches(VAR_REF, text)) {
    if (!(name in module.variables)) problems.push(where(`var.${name} is not a declared variable`));
  }
  for (const [, name] of matches(LOCAL_REF, text)) {
    if (!(name in module.locals)) problems.push(where(`local.${name} is not declared in a locals block`));
  }
  for (const [, type, name] of matches(DATA_REF, text)) {
    if (!module.data[type]?.[name]) problems.push(where(`data.${type}.${name} is not declared`));
  }
  for (const [, type, name] of matches(RESOURCE_REF, text)) {
    if (!module.resources[type]?.[name])
      problems.push(where(`${type}.${name} is not a resource of this module`));
  }
  for (const [, callName, output] of matches(MODULE_REF, text)) {
    const call = module.calls[callName];
    if (!call) {
      problems.push(where(`module.${callName} is not called here`));
      continue;
    }
    const source = callSource(module, call);
    if (source && !((await loadModule(source)).outputs[output] !== undefined)) {
      problems.push(where(`module.${callName}.${output}: ${displayPath(source)} has no output "${output}"`));
    }
  }

  const available = availableProviders(module);
  for (const [type, named] of Object.entries(module.resources)) {
    for (const [name, body] of Object.entries(named)) {
      const provider =
        typeof body['provider'] === 'string' ? PROVIDER_REF.exec(body['provider'])?.[1] : undefined;
      if (body['provider'] !== undefined && (!provider || !available.has(provider))) {
        problems.push(
          where(`${type}.${name} uses provider ${String(body['provider'])}, not configured here`),
        );
      }
    }
  }

  for (const [callName, call] of Object.entries(module.calls)) {
    const source = callSource(module, call);
    if (!source) continue;
    let callee: TerraformModule;
    try {
      statSync(source);
      callee = await loadModule(source);
    } catch {
      problems.push(where(`module.${callName}: source ${String(call['source'])} does not exist`));
      continue;
    }
    for (const argument of Object.keys(call)) {
      if (!META_ARGUMENTS.has(argument) && !(argument in callee.variables)) {
        problems.push(
          where(`module.${callName} passes "${argument}", which ${callee.name} does not declare`),
        );
      }
    }
    for (const [variable, declaration] of Object.entries(callee.variables)) {
      if (!('default' in declaration) && !(variable in call)) {
        problems.push(where(`module.${callName} omits "${variable}", which ${callee.name} requires`));
      }
    }
    const passed = asBlock(call['providers']);
    for (const alias of configurationAliases(callee)) {
      if (!(alias in passed)) problems.push(where(`module.${callName} does not pass provider ${alias}`));
    }
    for (const [alias, value] of Object.entries(passed)) {
      const target = typeof value === 'string' ? PROVIDER_REF.exec(value)?.[1] : undefined;
      if (!target || !available.has(target)) {
        problems.push(where(`module.${callName} passes ${alias} = ${String(value)}, not configured here`));
      }
      if (alias !== 'aws' && !configurationAliases(callee).includes(alias)) {
        problems.push(where(`module.${callName} passes ${alias}, which ${callee.name} does not declare`));
      }
    }
  }
  return problems;
}

/**
 * A root module must be given a value for every variable without a default, and nothing else:
 * checks one variables file (an environment's envs/<env>.tfvars) against the root's variables.
 */
export async function validateTfvars(dir: string, file: string): Promise<string[]> {
  const module = await loadModule(dir);
  const tfvars = await parseFile(file);
  const problems: string[] = [];
  for (const name of Object.keys(tfvars)) {
    if (!(name in module.variables)) problems.push(`${displayPath(file)} sets undeclared "${name}"`);
  }
  for (const [name, declaration] of Object.entries(module.variables)) {
    if (!('default' in declaration) && !(name in tfvars)) {
      problems.push(`${displayPath(file)} does not set required "${name}" of ${module.name}`);
    }
  }
  return problems;
}

// --- Following a value down the module tree --------------------------------------------------------

/** A value that is an expression we do not evaluate (anything but a plain var/local reference). */
export const UNRESOLVED = Symbol('unresolved');
export type Resolved = Json | typeof UNRESOLVED;

export interface Scope {
  module: TerraformModule;
  /** Values the caller gave this module's variables (already resolved). */
  inputs: Record<string, Resolved>;
}

/** The value of `var.name` in a scope: the caller's argument, else the variable's default. */
export function variableValue(scope: Scope, name: string): Resolved {
  if (name in scope.inputs) return scope.inputs[name];
  const declaration = scope.module.variables[name];
  if (declaration && 'default' in declaration) return declaration['default'] ?? null;
  return UNRESOLVED;
}

/** Resolves literals, `${var.x}` and `${local.x}`; anything more complex stays UNRESOLVED. */
export function resolveValue(scope: Scope, value: Json | undefined): Resolved {
  if (value === undefined) return UNRESOLVED;
  if (typeof value === 'string') {
    const variable = /^\$\{var\.([A-Za-z_][\w-]*)\}$/.exec(value);
    if (variable) return variableValue(scope, variable[1]);
    const local = /^\$\{local\.([A-Za-z_][\w-]*)\}$/.exec(value);
    if (local) return resolveValue(scope, scope.module.locals[local[1]]);
    return value.includes('${') ? UNRESOLVED : value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => resolveValue(scope, item));
    return items.includes(UNRESOLVED) ? UNRESOLVED : (items as Json[]);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, resolveValue(scope, item)] as const);
    return entries.some(([, item]) => item === UNRESOLVED)
      ? UNRESOLVED
      : (Object.fromEntries(entries) as Json);
  }
  return value;
}

/**
 * Resolves a string template whose every `${...}` is a plain `var.x` or `local.x` reference that
 * itself resolves to a string (or number), e.g. "https://${var.domain_name}"; anything else stays
 * UNRESOLVED. Locals are followed, so a local holding such a template resolves too.
 */
export function interpolate(scope: Scope, value: Json | undefined): Resolved {
  if (typeof value !== 'string') return resolveValue(scope, value);
  const whole = /^\$\{(var|local)\.([A-Za-z_][\w-]*)\}$/.exec(value);
  if (whole) {
    return whole[1] === 'var'
      ? variableValue(scope, whole[2])
      : interpolate(scope, scope.module.locals[whole[2]]);
  }
  let unresolved = false;
  const text = value.replace(
    /\$\{(var|local)\.([A-Za-z_][\w-]*)\}/g,
    (_match, kind: string, name: string) => {
      const part =
        kind === 'var' ? variableValue(scope, name) : interpolate(scope, scope.module.locals[name]);
      if (typeof part === 'string' || typeof part === 'number') return String(part);
      unresolved = true;
      return '';
    },
  );
  return unresolved || text.includes('${') ? UNRESOLVED : text;
}

/** The scope of a module called from `scope` as `module.<callName>`. */
export async function enterCall(scope: Scope, callName: string): Promise<Scope> {
  const call = scope.module.calls[callName];
  if (!call) throw new Error(`${scope.module.name} does not call module.${callName}`);
  const source = callSource(scope.module, call);
  if (!source) throw new Error(`module.${callName} is not a local module`);
  const inputs: Record<string, Resolved> = {};
  for (const [argument, value] of Object.entries(call)) {
    if (!META_ARGUMENTS.has(argument)) inputs[argument] = resolveValue(scope, value);
  }
  return { module: await loadModule(source), inputs };
}

/** The scope of a root as one environment runs it: its variables set from that environment's tfvars. */
export async function environmentScope(root: Root): Promise<Scope> {
  return { module: await loadModule(rootDir(root)), inputs: await loadTfvars(root) };
}

// --- Secrets and sensitive outputs -----------------------------------------------------------------

/** Attribute names that would hold a credential if given a literal value. */
const SECRET_NAME =
  /(^|_)(password|passwd|secret|token|auth_token|api_key|license_key|private_key|access_key)$/i;
/** Credential shapes that must never appear in text, whatever the attribute is called. */
const SECRET_SHAPES: Array<[string, RegExp]> = [
  ['AWS access key id', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['credentials in a URL', /\b(mysql|rediss?|https?):\/\/[^/\s:@"]+:[^@\s"$]+@/],
];

/** Literal secret-looking values in one HCL document (.tf or .tfvars), with their paths. */
export function findSecretLiterals(file: string, document: Block, text: string): string[] {
  const findings: string[] = [];
  const walk = (value: Json, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, String(index)]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (SECRET_NAME.test(key) && typeof item === 'string' && item !== '' && !item.includes('${')) {
          findings.push(`${file}: ${[...path, key].join('.')} is a literal "${item.slice(0, 3)}…"`);
        }
        walk(item, [...path, key]);
      }
    }
  };
  walk(document, []);
  // A variable meant for a secret must not ship a default value.
  for (const [name, body] of Object.entries(asBlock(document['variable']))) {
    const declaration = firstBody(body);
    const fallback = declaration['default'];
    if (SECRET_NAME.test(name) && typeof fallback === 'string' && fallback !== '') {
      findings.push(`${file}: variable "${name}" has a literal default`);
    }
  }
  for (const [label, shape] of SECRET_SHAPES) {
    if (shape.test(text)) findings.push(`${file}: contains something shaped like a ${label}`);
  }
  return findings;
}

/** Output values that carry (or point straight at) a credential. */
const SENSITIVE_VALUE =
  /\b(password|auth_token|master_user_secret|secret_string|random_password)\b|\bdata\.aws_ssm_parameter\.[\w-]+\.value\b/;
const SENSITIVE_NAME = /(password|secret|token|credentials?|private_key|api_key|license_key)$/i;

/**
 * Outputs that must be `sensitive = true`: those named or computed like a credential, and those
 * passing on a module output that is itself sensitive (Terraform refuses the latter at plan time).
 */
export async function findUnmarkedSensitiveOutputs(module: TerraformModule): Promise<string[]> {
  const findings: string[] = [];
  for (const [name, output] of Object.entries(module.outputs)) {
    if (output['sensitive'] === true) continue;
    const value = expressions(output['value']).join(' ');
    let reason: string | null = null;
    if (SENSITIVE_NAME.test(name)) reason = 'its name says it is secret';
    else if (SENSITIVE_VALUE.test(value)) reason = `its value (${value}) carries a credential`;
    else {
      for (const [, callName, calleeOutput] of matches(MODULE_REF, value)) {
        const call = module.calls[callName];
        const source = call ? callSource(module, call) : null;
        if (source && (await loadModule(source)).outputs[calleeOutput]?.['sensitive'] === true) {
          reason = `module.${callName}.${calleeOutput} is sensitive`;
        }
      }
    }
    if (reason) findings.push(`${module.name}: output "${name}" is not sensitive although ${reason}`);
  }
  return findings;
}

export function fileLabel(path: string): string {
  return `${displayPath(dirname(path))}/${basename(path)}`;
}

import { z } from 'zod';

/** Thrown when the environment does not describe a runnable service; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A comma-separated list, trimmed, without empty entries. */
export const commaList = z.string().transform((raw) =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** How to tell that a variable still has a development value. */
export interface DevDefaultRule {
  /** Completes "NAME=value …" in the refusal. */
  why: string;
  isDevValue(value: unknown): boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Rules for `notInProduction`. */
export const devDefaults = {
  /** A URL, or a list of them, naming this machine: a developer's database, Redis, SMTP sink or issuer. */
  localhost: {
    why: 'points at this machine, a development address',
    isDevValue: (value: unknown) =>
      (Array.isArray(value) ? value : [value]).some((v) => {
        const host = typeof v === 'string' ? hostOf(v) : undefined;
        return host !== undefined && (LOCAL_HOSTS.has(host) || host.endsWith('.localhost'));
      }),
  },
  /** One of the values development uses (e.g. the dev machine-client secret). */
  oneOf: (...devValues: string[]): DevDefaultRule => ({
    why: 'is a development value',
    isDevValue: (value: unknown) => typeof value === 'string' && devValues.includes(value),
  }),
} satisfies Record<string, DevDefaultRule | ((...args: string[]) => DevDefaultRule)>;

const productionGuards = new WeakMap<z.ZodType, DevDefaultRule>();

/**
 * Marks a variable of a service's config schema that must not keep a development value when
 * NODE_ENV=production: `loadConfig` then refuses to start, naming it. Returns `schema` itself.
 */
export function notInProduction<S extends z.ZodType>(schema: S, rule: DevDefaultRule): S {
  productionGuards.set(schema, rule);
  return schema;
}

/** `notInProduction` for every variable of `shape` (a database's URL, reader URLs and pool size). */
export function allNotInProduction<T extends Record<string, z.ZodType>>(shape: T, rule: DevDefaultRule): T {
  for (const schema of Object.values(shape)) notInProduction(schema, rule);
  return shape;
}

/** The port a service listens on. */
export const servicePort = (defaultPort: number) =>
  z.coerce.number().int().min(1).max(65535).default(defaultPort);

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The only value of ALLOW_DEVELOPMENT_DEFAULTS. */
export const LOCAL_BENCHMARK = 'local-benchmark';

/** Variables every Showroom service reads; a service extends this with its own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: commaList.default(['http://localhost:4200']),
  /** Proxies in front of the service whose X-Forwarded-For is trusted: the ALB (1), CloudFront + ALB (2). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
    .default('100kb'),
  AUTH_ISSUER_BASE_URL: notInProduction(z.url().default('http://localhost:4000/'), devDefaults.localhost),
  AUTH_AUDIENCE: z.string().min(1).default('https://api.showroom.dev'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Client ids whose client-credentials tokens may call /internal/ routes (Auth0: the M2M applications). */
  MACHINE_CLIENT_IDS: commaList.default(['showroom-services']),
  BUGSNAG_API_KEY: z.string().min(1).optional(),
  /** In production, refuse to start without BUGSNAG_API_KEY. */
  BUGSNAG_REQUIRED: flag.default(false),
  BUGSNAG_NOTIFY_ENDPOINT: z.url().optional(),
  BUGSNAG_SESSIONS_ENDPOINT: z.url().optional(),
  APP_VERSION: z.string().default('0.0.0-dev'),
  /**
   * `local-benchmark` lets a production build start on development values (`npm run bench` runs it
   * with NODE_ENV=production against this machine's stores). Each waived variable is logged as a
   * warning at start, and the waiver itself is refused inside an ECS task.
   */
  ALLOW_DEVELOPMENT_DEFAULTS: z.literal(LOCAL_BENCHMARK).optional(),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Parses `env` with `schema`, or throws a ConfigError that names each missing or bad variable. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const config = result.data as Record<string, unknown>;
    const faults = productionFaults(schema, config);
    if (faults.length === 0) return result.data;
    if (config['ALLOW_DEVELOPMENT_DEFAULTS'] !== LOCAL_BENCHMARK) throw new ConfigError(faults);
    // ECS sets this in every task: a waiver there is a deployment mistake, not a benchmark.
    if (env['ECS_CONTAINER_METADATA_URI_V4'] !== undefined) {
      throw new ConfigError([
        `ALLOW_DEVELOPMENT_DEFAULTS=${LOCAL_BENCHMARK} is for a benchmark on a developer's machine, not an ECS task`,
        ...faults,
      ]);
    }
    waivers.set(config, faults);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const value = env[name];
      return value === undefined
        ? `${name} is missing or invalid: ${issue.message}`
        : `${name}=${JSON.stringify(value)} is invalid: ${issue.message}`;
    }),
  );
}

const waivers = new WeakMap<object, string[]>();

/**
 * The production refusals that ALLOW_DEVELOPMENT_DEFAULTS=local-benchmark waived when `loadConfig`
 * returned `config` (empty otherwise); `runService` logs each as a warning.
 */
export function waivedProductionFaults(config: object): string[] {
  return waivers.get(config) ?? [];
}

/**
 * The loader of a service's configuration: the base variables, PORT (by default `port`) and the
 * service's own `shape`; it throws a ConfigError naming each bad variable.
 */
export function serviceConfigLoader<S extends Record<string, z.ZodType>>(port: number, shape: S) {
  const schema = baseConfigSchema.extend({ PORT: servicePort(port), ...shape });
  return (env: NodeJS.ProcessEnv = process.env): z.infer<typeof schema> => loadConfig(schema, env);
}

/** With NODE_ENV=production: each variable that still has a development value, and a missing Bugsnag key. */
function productionFaults(schema: z.ZodType, config: Record<string, unknown>): string[] {
  if (config['NODE_ENV'] !== 'production' || !(schema instanceof z.ZodObject)) return [];
  const faults: string[] = [];
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const rule = productionGuards.get(field);
    if (rule?.isDevValue(config[name])) {
      faults.push(
        `${name}=${JSON.stringify(config[name])} ${rule.why}; set the production value (NODE_ENV=production)`,
      );
    }
  }
  if (config['BUGSNAG_REQUIRED'] === true && !config['BUGSNAG_API_KEY']) {
    faults.push('BUGSNAG_API_KEY is missing, and BUGSNAG_REQUIRED=true (NODE_ENV=production)');
  }
  return faults;
}

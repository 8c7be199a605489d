import { z } from 'zod';

/** Thrown when the environment does not describe a runnable service; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const commaList = z.string().transform((raw) =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

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
  AUTH_ISSUER_BASE_URL: z.url().default('http://localhost:4000/'),
  AUTH_AUDIENCE: z.string().min(1).default('https://api.showroom.dev'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  BUGSNAG_API_KEY: z.string().optional(),
  BUGSNAG_NOTIFY_ENDPOINT: z.url().optional(),
  BUGSNAG_SESSIONS_ENDPOINT: z.url().optional(),
  APP_VERSION: z.string().default('0.0.0-dev'),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Parses `env` with `schema`, or throws a ConfigError that names each missing or bad variable. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
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

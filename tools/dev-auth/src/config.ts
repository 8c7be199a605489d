import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { API_AUDIENCE, ROLES, type Role } from '@showroom/contracts';
import { z } from 'zod';

/** Thrown when the environment does not describe a runnable dev-auth; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid dev-auth configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface DevAuthConfig {
  port: number;
  host: string;
  /** Always ends with `/`, as an Auth0 tenant's issuer does. */
  issuer: string;
  /** Where the portal runs (redirect, logout and CORS allow-lists derive from these). */
  portalUrls: string[];
  usersApiUrl: string;
  apiAudience: string;
  /**
   * The Management API's audience, `https://<issuer host>/api/v2/` as Auth0's: the `auth0` SDK
   * always speaks https to its domain, so its callers map that origin back to dev-auth's URL.
   */
  managementAudience: string;
  managementSecret: string;
  actionsSecret: string;
  servicesSecret: string;
  keysFile: string;
  /** Where accounts (passwords, MFA, sign-ins, accounts the Management API made) are kept. */
  accountsFile: string;
  /** Signing keys for cookies; undefined means "generate at start" (sessions end on restart). */
  cookieKeys: string[] | undefined;
  /** NODE_ENV=production (only possible with DEV_AUTH_ALLOW_PRODUCTION=true). */
  production: boolean;
  passwordGrantEnabled: boolean;
  /** Members with one of these roles (in any dealership) must sign in with MFA; empty: nobody. */
  mfaRequiredRoles: readonly Role[];
  /** A password older than this many days must be changed at the next sign-in; 0: never. */
  passwordMaxAgeDays: number;
  /** Where sign-in security e-mails go (the services' SMTP_URL); undefined: logged, not sent. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  // Only judged once z.url has accepted the value (zod runs refinements even after a failed check).
  .refine(
    (raw) => !URL.canParse(raw) || (!new URL(raw).search && !new URL(raw).hash),
    'must not have a query or fragment',
  );

/** A comma-separated list, its items trimmed and empty ones dropped. */
const commaSeparated = z.string().transform((raw) =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const httpUrlList = commaSeparated.pipe(z.array(httpUrl).min(1, 'must list at least one URL'));

const flag = z.enum(['true', 'false'], { error: 'must be "true" or "false"' });

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  DEV_AUTH_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number between 0 and 65535')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a port number between 0 and 65535'))
    .default(4000),
  DEV_AUTH_HOST: z.string().min(1).default('127.0.0.1'),
  DEV_AUTH_ISSUER: httpUrl.default('http://localhost:4000/'),
  PORTAL_URL: httpUrlList.default(['http://localhost:4200']),
  USERS_API_URL: httpUrl.default('http://localhost:3002'),
  API_AUDIENCE: z.url({ error: 'must be an absolute URI' }).default(API_AUDIENCE),
  DEV_AUTH_ACTIONS_SECRET: z.string().min(8, 'must be at least 8 characters').default('dev-actions-secret'),
  DEV_AUTH_SERVICES_SECRET: z.string().min(8, 'must be at least 8 characters').default('dev-services-secret'),
  DEV_AUTH_MANAGEMENT_SECRET: z
    .string()
    .min(8, 'must be at least 8 characters')
    .default('dev-management-secret'),
  DEV_AUTH_KEYS_FILE: z.string().min(1).optional(),
  DEV_AUTH_ACCOUNTS_FILE: z.string().min(1).optional(),
  DEV_AUTH_COOKIE_KEYS: commaSeparated
    .pipe(z.array(z.string().min(16, 'each key must be at least 16 characters')).min(1))
    .optional(),
  DEV_AUTH_ENABLE_PASSWORD_GRANT: flag.default('true'),
  DEV_AUTH_ALLOW_PRODUCTION: flag.default('false'),
  DEV_AUTH_MFA_REQUIRED_ROLES: commaSeparated
    .pipe(z.array(z.enum(ROLES, { error: `must list roles among ${ROLES.join(', ')}` })))
    .default(['owner', 'manager']),
  DEV_AUTH_PASSWORD_MAX_AGE_DAYS: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number of days (0 turns rotation off)')
    .transform(Number)
    .default(90),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.email({ error: 'must be an e-mail address' }).default('sign-in@showroom.dev'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/**
 * Reads dev-auth's settings from `env`. Empty variables count as unset.
 * Throws a ConfigError naming each bad variable, and refuses NODE_ENV=production unless
 * DEV_AUTH_ALLOW_PRODUCTION=true: this is a development tool, never a production identity provider.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  workspaceRoot = findWorkspaceRoot(process.cwd()),
): DevAuthConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(environment)');
        const value = present[name];
        return value === undefined
          ? `${name}: ${issue.message}`
          : `${name}=${JSON.stringify(value)}: ${issue.message}`;
      }),
    );
  }
  const vars = result.data;
  const production = vars.NODE_ENV === 'production';
  if (production && vars.DEV_AUTH_ALLOW_PRODUCTION !== 'true') {
    throw new ConfigError([
      'NODE_ENV=production: dev-auth is a development identity provider and refuses to run in production ' +
        '(use the Auth0 tenant). Set DEV_AUTH_ALLOW_PRODUCTION=true only for a production-like local test.',
    ]);
  }
  const issuer = vars.DEV_AUTH_ISSUER.endsWith('/') ? vars.DEV_AUTH_ISSUER : `${vars.DEV_AUTH_ISSUER}/`;
  return {
    port: vars.DEV_AUTH_PORT,
    host: vars.DEV_AUTH_HOST,
    issuer,
    portalUrls: vars.PORTAL_URL,
    usersApiUrl: vars.USERS_API_URL.replace(/\/+$/, ''),
    apiAudience: vars.API_AUDIENCE,
    managementAudience: `https://${new URL(issuer).host}/api/v2/`,
    managementSecret: vars.DEV_AUTH_MANAGEMENT_SECRET,
    actionsSecret: vars.DEV_AUTH_ACTIONS_SECRET,
    servicesSecret: vars.DEV_AUTH_SERVICES_SECRET,
    keysFile: resolve(workspaceRoot, vars.DEV_AUTH_KEYS_FILE ?? join('.data', 'dev-auth', 'jwks.json')),
    accountsFile: resolve(
      workspaceRoot,
      vars.DEV_AUTH_ACCOUNTS_FILE ?? join('.data', 'dev-auth', 'accounts.json'),
    ),
    cookieKeys: vars.DEV_AUTH_COOKIE_KEYS,
    production,
    passwordGrantEnabled: !production && vars.DEV_AUTH_ENABLE_PASSWORD_GRANT !== 'false',
    // The one variable where empty is not "unset": it says that nobody must use MFA.
    mfaRequiredRoles: env['DEV_AUTH_MFA_REQUIRED_ROLES'] === '' ? [] : vars.DEV_AUTH_MFA_REQUIRED_ROLES,
    passwordMaxAgeDays: vars.DEV_AUTH_PASSWORD_MAX_AGE_DAYS,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    logLevel: vars.LOG_LEVEL,
  };
}

/** The nearest folder at or above `from` holding nx.json (the workspace root), else `from`. */
export function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

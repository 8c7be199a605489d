import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  baseConfigSchema,
  commaList,
  ConfigError,
  devDefaults,
  loadConfig,
  notInProduction,
  waivedProductionFaults,
} from './config';

describe('configuration', () => {
  const schema = baseConfigSchema.extend({
    PORT: z.coerce.number().int().min(1).max(65535),
    DATABASE_URL: z.url(),
  });

  it('when a variable is bad or missing, then starting fails with a message naming each one', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty" is invalid');
    expect(message).toContain('LOG_LEVEL="loud" is invalid');
    expect(message).toContain('DATABASE_URL is missing or invalid');
  });

  it('applies defaults and splits lists', () => {
    const config = loadConfig(schema, {
      PORT: '3001',
      DATABASE_URL: 'mysql://x/y',
      CORS_ORIGINS: 'http://a.test, http://b.test',
    });
    expect(config.PORT).toBe(3001);
    expect(config.CORS_ORIGINS).toEqual(['http://a.test', 'http://b.test']);
    expect(config.AUTH_AUDIENCE).toBe('https://api.showroom.dev');
  });
});

describe('production refuses development defaults', () => {
  const schema = baseConfigSchema.extend({
    DATABASE_URL: notInProduction(z.url().default('mysql://root@127.0.0.1:3306/app'), devDefaults.localhost),
    READER_URLS: notInProduction(commaList.default([]), devDefaults.localhost),
    CLIENT_SECRET: notInProduction(
      z.string().default('dev-services-secret'),
      devDefaults.oneOf('dev-services-secret'),
    ),
  });
  const production = {
    NODE_ENV: 'production',
    AUTH_ISSUER_BASE_URL: 'https://showroom.us.auth0.com/',
    DATABASE_URL: 'mysql://app@db.internal:3306/app',
    READER_URLS: 'mysql://app@replica.internal:3306/app',
    CLIENT_SECRET: 's3cr3t-from-secrets-manager',
  };
  const refusal = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(schema, env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('starts on production values', () => {
    expect(refusal(production)).toEqual([]);
  });

  it('names every variable left at a development value, and nothing else', () => {
    const problems = refusal({
      NODE_ENV: 'production',
      READER_URLS: 'mysql://a@replica:3306/x, mysql://a@localhost/x',
    });
    expect(problems.map((p) => p.split('=')[0])).toEqual([
      'AUTH_ISSUER_BASE_URL',
      'DATABASE_URL',
      'READER_URLS',
      'CLIENT_SECRET',
    ]);
    expect(problems[0]).toBe(
      'AUTH_ISSUER_BASE_URL="http://localhost:4000/" points at this machine, a development address; set the production value (NODE_ENV=production)',
    );
  });

  it('refuses an explicitly set development value as well as a default', () => {
    expect(refusal({ ...production, DATABASE_URL: 'mysql://root@[::1]:3306/app' })).toHaveLength(1);
    expect(refusal({ ...production, CLIENT_SECRET: 'dev-services-secret' })).toHaveLength(1);
  });

  it('refuses to start without a Bugsnag key when Bugsnag is required', () => {
    expect(refusal({ ...production, BUGSNAG_REQUIRED: 'true' })).toEqual([
      'BUGSNAG_API_KEY is missing, and BUGSNAG_REQUIRED=true (NODE_ENV=production)',
    ]);
    expect(refusal({ ...production, BUGSNAG_REQUIRED: 'true', BUGSNAG_API_KEY: 'abc123' })).toEqual([]);
  });

  it('lets development and tests run on the defaults', () => {
    expect(refusal({})).toEqual([]);
    expect(refusal({ NODE_ENV: 'test', BUGSNAG_REQUIRED: 'true' })).toEqual([]);
  });

  it('a local benchmark may waive the refusals, and gets each one back to log', () => {
    const env = { NODE_ENV: 'production', ALLOW_DEVELOPMENT_DEFAULTS: 'local-benchmark' };
    const config = loadConfig(schema, env);
    expect(config.DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/app');
    expect(waivedProductionFaults(config).map((p) => p.split('=')[0])).toEqual([
      'AUTH_ISSUER_BASE_URL',
      'DATABASE_URL',
      'CLIENT_SECRET',
    ]);
    expect(waivedProductionFaults(loadConfig(schema, production))).toEqual([]);
  });

  it('the waiver takes one value only, and is refused inside an ECS task', () => {
    expect(refusal({ NODE_ENV: 'production', ALLOW_DEVELOPMENT_DEFAULTS: 'true' })[0]).toContain(
      'ALLOW_DEVELOPMENT_DEFAULTS="true" is invalid',
    );
    const inEcs = refusal({
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: 'local-benchmark',
      ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/abc',
    });
    expect(inEcs[0]).toBe(
      "ALLOW_DEVELOPMENT_DEFAULTS=local-benchmark is for a benchmark on a developer's machine, not an ECS task",
    );
    expect(inEcs.slice(1).map((p) => p.split('=')[0])).toEqual([
      'AUTH_ISSUER_BASE_URL',
      'DATABASE_URL',
      'CLIENT_SECRET',
    ]);
  });
});

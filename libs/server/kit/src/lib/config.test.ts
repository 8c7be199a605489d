import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './config';

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

import { describe, expect, it } from 'vitest';
import { loadLeadsConfig } from './config';

describe('leads configuration', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_ISSUER_BASE_URL: 'https://showroom.us.auth0.com/',
    LEADS_DATABASE_URL: 'mysql://leads@db.internal:3306/showroom_leads',
    REDIS_URL: 'redis://cache.internal:6379/0',
    SMTP_URL: 'smtp://email-smtp.us-east-1.amazonaws.com:587',
    AUTH_CLIENT_SECRET: 'a-real-machine-secret',
    ANALYTICS_API_URL: 'http://analytics.showroom.internal:3005',
  };

  it('starts in production on production settings', () => {
    expect(loadLeadsConfig(production).SMTP_URL).toBe(production.SMTP_URL);
  });

  it('refuses to start in production on a development default, naming each variable', () => {
    const {
      SMTP_URL: _smtp,
      AUTH_CLIENT_SECRET: _secret,
      ANALYTICS_API_URL: _analytics,
      ...rest
    } = production;
    const start = () => loadLeadsConfig({ ...rest, REDIS_URL: 'redis://127.0.0.1:6379/0' });
    expect(start).toThrow(/REDIS_URL/);
    expect(start).toThrow(/SMTP_URL/);
    expect(start).toThrow(/AUTH_CLIENT_SECRET/);
    expect(start).toThrow(/ANALYTICS_API_URL/);
  });

  it('takes the development defaults outside production', () => {
    expect(loadLeadsConfig({ NODE_ENV: 'development' }).AUTH_CLIENT_SECRET).toBe('dev-services-secret');
  });
});

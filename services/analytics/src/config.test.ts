import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadAnalyticsConfig } from './config';

/** What a production task sets: every variable named, none of them this machine's. */
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  AUTH_ISSUER_BASE_URL: 'https://showroom.us.auth0.com/',
  ANALYTICS_DATABASE_URL:
    'mysql://analytics:secret@analytics.cluster.rds.amazonaws.com:3306/showroom_analytics',
  ANALYTICS_ENGINE: 'elasticsearch',
  ELASTICSEARCH_URL: 'https://showroom.es.us-east-1.aws.elastic.cloud:443',
  ELASTICSEARCH_API_KEY: 'a-real-api-key',
  REDIS_URL: 'rediss://showroom.cache.amazonaws.com:6379/0',
  USERS_API_URL: 'http://users.showroom.internal:3002',
  AUTH_CLIENT_SECRET: 'a-real-machine-secret',
};

/** The variables a start refuses, by name. */
function refused(env: Record<string, string>): string[] {
  try {
    loadAnalyticsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[= ]/)[0] as string);
    throw error;
  }
  return [];
}

describe('analytics configuration', () => {
  it('starts on this machine’s defaults outside production, with events in memory', () => {
    const config = loadAnalyticsConfig({});
    expect(config.PORT).toBe(3005);
    expect(config.ANALYTICS_DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/showroom_analytics');
    expect(config.ANALYTICS_ENGINE).toBe('embedded');
    expect(config.ANALYTICS_DUCKDB_PATH).toBe(':memory:');
    expect(config.ELASTICSEARCH_DATA_STREAM).toBe('showroom-analytics-events');
    // A full ingest batch (MAX_INGEST_EVENTS) is far over the platform's 100 kB.
    expect(config.BODY_LIMIT).toBe('1mb');
  });

  it('in production refuses every development default, the embedded engine among them', () => {
    expect(refused({ NODE_ENV: 'production' })).toEqual(
      expect.arrayContaining([
        'AUTH_ISSUER_BASE_URL',
        'ANALYTICS_DATABASE_URL',
        'ANALYTICS_ENGINE',
        'REDIS_URL',
        'USERS_API_URL',
        'AUTH_CLIENT_SECRET',
      ]),
    );
  });

  it('in production starts when every variable is its own', () => {
    expect(refused(PRODUCTION)).toEqual([]);
  });

  it('refuses the Elasticsearch engine without a cluster to talk to', () => {
    expect(refused({ ANALYTICS_ENGINE: 'elasticsearch' })).toEqual(['ELASTICSEARCH_URL']);
    expect(refused({ ...PRODUCTION, ELASTICSEARCH_URL: '' })).toContain('ELASTICSEARCH_URL');
  });

  it('refuses an engine it does not have, and an index name Elasticsearch would refuse', () => {
    expect(refused({ ANALYTICS_ENGINE: 'clickhouse' })).toEqual(['ANALYTICS_ENGINE']);
    expect(refused({ ELASTICSEARCH_DATA_STREAM: 'Showroom Events' })).toEqual(['ELASTICSEARCH_DATA_STREAM']);
  });
});

import { describe, expect, it } from 'vitest';
import { serviceEnvironments } from './platform';
import { E2E_PORTS, E2E_SCHEMAS, START_PORTS, START_SCHEMAS } from './ports';

const stores = { mysqlUrl: 'mysql://root@127.0.0.1:3306', redisUrl: 'redis://127.0.0.1:6379/0' };
const npmStartPlan = () =>
  serviceEnvironments({ ports: START_PORTS, schemas: START_SCHEMAS, stores, echo: true, logLevel: 'info' });
const e2ePlan = () =>
  serviceEnvironments({ ports: E2E_PORTS, schemas: E2E_SCHEMAS, stores, echo: false, logLevel: 'warn' });

describe('the environment the dev runner gives each service', () => {
  it('gives the leads service exactly what its config reads, on the e2e plan', () => {
    const env = e2ePlan();

    expect(env.leads).toMatchObject({
      PORT: '3103',
      LEADS_DATABASE_URL: 'mysql://root@127.0.0.1:3306/showroom_e2e_leads',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4667',
      DYNAMODB_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LEAD_TIMELINE_TABLE: 'showroom-dev-lead-timeline',
      SMTP_URL: 'smtp://127.0.0.1:1125',
      MAIL_FROM: 'leads@showroom.dev',
      USERS_API_URL: 'http://127.0.0.1:3102',
      INVENTORY_API_URL: 'http://127.0.0.1:3101',
      AUTH_CLIENT_ID: 'showroom-services',
      AUTH_ISSUER_BASE_URL: 'http://localhost:4100/',
      CORS_ORIGINS: 'http://localhost:4300',
    });
  });

  it('gives inventory the S3 stand-in and the edge’s /media as its public media address', () => {
    expect(npmStartPlan().inventory).toMatchObject({
      S3_ENDPOINT: 'http://127.0.0.1:4569',
      S3_BUCKET: 'showroom-media-local',
      MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
    });
    expect(e2ePlan().inventory).toMatchObject({
      S3_ENDPOINT: 'http://127.0.0.1:4669',
      MEDIA_PUBLIC_URL: 'http://localhost:4300/media',
    });
  });

  it('gives the users service what provisioning needs: the bucket, the sites’ local addresses, leads and a machine client', () => {
    const env = npmStartPlan();
    expect(env.users).toMatchObject({
      S3_ENDPOINT: 'http://127.0.0.1:4569',
      S3_BUCKET: 'showroom-media-local',
      S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
      SITES_PLATFORM_DOMAIN: 'localhost',
      SITES_ORIGIN_TEMPLATE: 'http://{host}:4400',
      SITES_HOSTING: 'local',
      LEADS_API_URL: 'http://127.0.0.1:3003',
      AUTH_CLIENT_ID: 'showroom-services',
      AUTH_CLIENT_SECRET: env.devAuth.DEV_AUTH_SERVICES_SECRET,
      // Leads and dev-auth may still be starting when the first run calls them: retried in seconds.
      PROVISIONING_RETRY_FIRST_MS: '2000',
    });
    expect(e2ePlan().users).toMatchObject({
      SITES_ORIGIN_TEMPLATE: 'http://{host}:4500',
      LEADS_API_URL: 'http://127.0.0.1:3103',
      S3_ENDPOINT: 'http://127.0.0.1:4669',
    });
  });

  it('gives the storefront its port on loopback, inventory and retail for server reads and the edge for browsers', () => {
    expect(npmStartPlan().storefront).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: '4400',
      HOST: '127.0.0.1',
      INVENTORY_API_URL: 'http://127.0.0.1:3001',
      RETAIL_API_URL: 'http://127.0.0.1:3004',
      PUBLIC_API_ORIGIN: 'http://localhost:4200',
      S3_ENDPOINT: 'http://127.0.0.1:4569',
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'showroom-media-local',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
    });
    expect(e2ePlan().storefront).toMatchObject({
      PORT: '4500',
      INVENTORY_API_URL: 'http://127.0.0.1:3101',
      PUBLIC_API_ORIGIN: 'http://localhost:4300',
      S3_ENDPOINT: 'http://127.0.0.1:4669',
    });
  });

  it('gives retail its schema, the other services, the SMTP sink, the local key provider and the payments sandbox', () => {
    expect(e2ePlan().retail).toMatchObject({
      PORT: '3104',
      RETAIL_DATABASE_URL: 'mysql://root@127.0.0.1:3306/showroom_e2e_retail',
      SMTP_URL: 'smtp://127.0.0.1:1125',
      USERS_API_URL: 'http://127.0.0.1:3102',
      INVENTORY_API_URL: 'http://127.0.0.1:3101',
      LEADS_API_URL: 'http://127.0.0.1:3103',
      AUTH_CLIENT_ID: 'showroom-services',
      KEY_PROVIDER: 'local',
      STRIPE_API_URL: 'http://127.0.0.1:4670',
      S3_ENDPOINT: 'http://127.0.0.1:4669',
    });
  });

  it('gives analytics its schema, the embedded engine on the file it is given, Redis, users and a machine client', () => {
    const env = serviceEnvironments({
      ports: START_PORTS,
      schemas: START_SCHEMAS,
      stores,
      echo: true,
      logLevel: 'info',
      duckdbPath: '/work/tmp/analytics/events.duckdb',
    });
    expect(env.analytics).toMatchObject({
      PORT: '3005',
      ANALYTICS_DATABASE_URL: 'mysql://root@127.0.0.1:3306/showroom_analytics',
      ANALYTICS_ENGINE: 'embedded',
      ANALYTICS_DUCKDB_PATH: '/work/tmp/analytics/events.duckdb',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      USERS_API_URL: 'http://127.0.0.1:3002',
      AUTH_CLIENT_ID: 'showroom-services',
      AUTH_CLIENT_SECRET: env.devAuth.DEV_AUTH_SERVICES_SECRET,
      AUTH_ISSUER_BASE_URL: 'http://localhost:4000/',
    });
    expect(e2ePlan().analytics).toMatchObject({
      PORT: '3105',
      ANALYTICS_DATABASE_URL: 'mysql://root@127.0.0.1:3306/showroom_e2e_analytics',
      USERS_API_URL: 'http://127.0.0.1:3102',
    });
  });

  it('points every producer of business events at the analytics of the same plan', () => {
    for (const [env, url] of [
      [npmStartPlan(), 'http://127.0.0.1:3005'],
      [e2ePlan(), 'http://127.0.0.1:3105'],
    ] as const) {
      for (const part of [env.leads, env.inventory, env.retail]) {
        expect(part.ANALYTICS_API_URL).toBe(url);
      }
      expect(new URL(url).port).toBe(env.analytics.PORT);
    }
  });

  it('publishes sites on the storefront’s port: the origin the users service allows is where the storefront listens', () => {
    for (const env of [npmStartPlan(), e2ePlan()]) {
      const origin = env.users.SITES_ORIGIN_TEMPLATE.replace('{host}', 'demo-motors-downtown.localhost');
      expect(new URL(origin).port).toBe(env.storefront.PORT);
    }
  });

  it('gives dev-auth the same services secret the leads service signs in with', () => {
    const env = npmStartPlan();
    expect(env.leads.AUTH_CLIENT_SECRET).toBe(env.devAuth.DEV_AUTH_SERVICES_SECRET);
    expect(env.leads.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:4567');
    expect(env.leads.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(env.leads.LEADS_DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/showroom_leads');
  });

  it('runs every part in development even from a production shell, since all of them use local stores', () => {
    const env = npmStartPlan();
    expect(Object.values(env).map((part) => part.NODE_ENV)).toEqual(
      Object.values(env).map(() => 'development'),
    );
  });

  it('keeps the npm start and e2e plans apart on every port and schema', () => {
    const startPorts = new Set(Object.values(START_PORTS));
    expect(Object.values(E2E_PORTS).filter((port) => startPorts.has(port))).toEqual([]);
    expect(startPorts.size).toBe(Object.keys(START_PORTS).length);
    const startSchemas = new Set(Object.values(START_SCHEMAS));
    expect(Object.values(E2E_SCHEMAS).filter((schema) => startSchemas.has(schema))).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTestSchema,
  startTcpProxy,
  TEST_REDIS_URL,
  type TcpProxy,
  type TestSchema,
  freePort,
} from '@showroom/server-testing';
import { runCommand, runOrThrow, waitForStatus } from './image-steps';

/**
 * No Docker engine runs in CI, so this does what the image does, step by step: the production
 * build, `npm ci --omit=dev` of the generated package.json in an empty folder outside the
 * workspace, then `node main.js` with the image's environment. A module missing from the
 * generated manifest (a known Nx pitfall) crashes here exactly as it would in the container.
 */
const root = join(import.meta.dirname, '..', '..');
const SERVICES: { name: string; databaseVariable: string; env?: Record<string, string> }[] = [
  { name: 'inventory', databaseVariable: 'INVENTORY_DATABASE_URL' },
  { name: 'users', databaseVariable: 'USERS_DATABASE_URL' },
  { name: 'leads', databaseVariable: 'LEADS_DATABASE_URL' },
  { name: 'retail', databaseVariable: 'RETAIL_DATABASE_URL' },
  {
    name: 'analytics',
    databaseVariable: 'ANALYTICS_DATABASE_URL',
    // Production runs Elasticsearch, which cannot run here; the embedded engine proves what the image
    // must carry: DuckDB's native binding. A production start refuses `embedded` unless waived, and
    // the waiver (ALLOW_DEVELOPMENT_DEFAULTS) is logged and refused inside an ECS task.
    env: { ANALYTICS_ENGINE: 'embedded', ALLOW_DEVELOPMENT_DEFAULTS: 'local-benchmark' },
  },
];

describe.each(SERVICES)(
  'the $name image, assembled as the Dockerfile does',
  ({ name, databaseVariable, env }) => {
    const folder = mkdtempSync(join(tmpdir(), `image-${name}-`));
    let schema: TestSchema | undefined;
    const proxies: TcpProxy[] = [];
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await Promise.all(proxies.map((proxy) => proxy.close()));
      await schema?.drop();
    });

    it('installs from its generated manifest and answers /healthz and /readyz, then stops on SIGTERM', async () => {
      // The Nx test target depends on the services' production builds (docker/project.json).
      const dist = join(root, 'dist', 'services', name);
      if (!existsSync(join(dist, 'package-lock.json')))
        throw new Error(`Build it first: npx nx build ${name}`);
      // The Dockerfile copies the whole build (main.js and any other entry, e.g. leads' parsing thread)
      // with its manifest trimmed to what the bundles require.
      cpSync(dist, folder, { recursive: true });
      await runOrThrow(process.execPath, [join(root, 'docker', 'prune-manifest.mjs'), folder], root);
      const entries = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.js'),
      );

      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(entries).toContain('main.js');
      const required = entries
        .flatMap((entry) => [
          ...readFileSync(join(folder, entry), 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g),
        ])
        .map((m) => (m[1] as string).replace(/^node:/, ''))
        .map((id) =>
          id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : (id.split('/')[0] as string),
        );
      expect(required).toContain('express');
      const missing = [...new Set(required)].filter(
        (id) => !builtinModules.includes(id) && !manifest.dependencies[id],
      );
      expect(missing, 'modules the build requires but package.json does not list').toEqual([]);
      const unused = Object.keys(manifest.dependencies).filter((id) => !required.includes(id));
      expect(unused, 'packages the image would install but no bundle requires').toEqual([]);

      await runOrThrow('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], folder);
      if (manifest.dependencies['sharp']) {
        // Photos: npm ci brought sharp's prebuilt libvips for this platform (glibc, as the bookworm image).
        const encode =
          "require('sharp')({create:{width:2,height:2,channels:3,background:'#000'}}).webp().toBuffer()";
        await runOrThrow(
          process.execPath,
          ['-e', `${encode}.then((b) => process.exit(b.length > 0 ? 0 : 1))`],
          folder,
        );
      }
      if (manifest.dependencies['@duckdb/node-api']) {
        // Analytics: npm ci brought DuckDB's prebuilt binding for this platform (linux-x64, glibc).
        const query =
          "require('@duckdb/node-api').DuckDBInstance.create(':memory:').then((db) => db.connect()).then((c) => c.runAndReadAll('SELECT 42 AS answer')).then((r) => r.getRowObjects()[0].answer)";
        await runOrThrow(
          process.execPath,
          ['-e', `${query}.then((a) => process.exit(a === 42 ? 0 : 1))`],
          folder,
        );
      }

      schema = await createTestSchema(`image_${name}`);
      const image = {
        PATH: process.env['PATH'],
        NODE_ENV: 'production',
        NEW_RELIC_LOG: 'stdout',
        NEW_RELIC_NO_CONFIG_FILE: 'true',
      };

      // A production start on development defaults (the local issuer, this machine's stores) is refused...
      const refused = await runCommand(process.execPath, ['main.js'], {
        cwd: folder,
        env: image,
        timeoutMs: 60_000,
      });
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toContain(
        'AUTH_ISSUER_BASE_URL="http://localhost:4000/" points at this machine',
      );

      // ...so the stores are reached by this machine's name, as another host would reach them.
      const mysql = new URL(schema.url);
      const redis = new URL(TEST_REDIS_URL);
      proxies.push(await startTcpProxy(mysql.hostname, Number(mysql.port || 3306), '0.0.0.0'));
      proxies.push(await startTcpProxy(redis.hostname, Number(redis.port || 6379), '0.0.0.0'));
      const [mysqlProxy, redisProxy] = proxies as [TcpProxy, TcpProxy];
      mysql.host = `${hostname()}:${mysqlProxy.port}`;
      redis.host = `${hostname()}:${redisProxy.port}`;
      const port = await freePort();
      let output = '';
      const child = spawn(process.execPath, ['main.js'], {
        cwd: folder,
        env: {
          ...image,
          HOST: '127.0.0.1',
          PORT: String(port),
          AUTH_ISSUER_BASE_URL: 'https://showroom-image-test.us.auth0.com/',
          AUTH_CLIENT_SECRET: 'image-test-machine-secret',
          USERS_API_URL: 'http://users.showroom-image-test.internal:3002',
          SMTP_URL: 'smtp://email-smtp.us-east-1.amazonaws.com:587',
          S3_BUCKET: 'showroom-image-test-media',
          S3_ENDPOINT: 'https://s3.us-east-1.amazonaws.com',
          S3_KMS_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/image-test',
          MEDIA_PUBLIC_URL: 'https://www.showroom-image-test.example/media',
          // The users service's website provisioning, as Terraform sets it.
          SITES_HOSTING: 'aws',
          SITES_PLATFORM_DOMAIN: 'sites.showroom-image-test.example',
          SITES_ORIGIN_TEMPLATE: 'https://{host}',
          SITES_CLOUDFRONT_DISTRIBUTION_ID: 'E2IMAGETESTDIST',
          SITES_HOSTED_ZONE_ID: 'Z0123456789IMAGETEST',
          LEADS_API_URL: 'http://leads.showroom-image-test.internal:3003',
          // Users' team administration, as Terraform sets it (the secret from SSM).
          AUTH0_DOMAIN: 'showroom-image-test.us.auth0.com',
          AUTH0_MANAGEMENT_CLIENT_SECRET: 'image-test-management-secret',
          PORTAL_URL: 'https://www.showroom-image-test.example',
          INVENTORY_API_URL: 'http://inventory.showroom-image-test.internal:3001',
          // Leads, inventory and retail post their business events to analytics (Terraform sets it).
          ANALYTICS_API_URL: 'http://analytics.showroom-image-test.internal:3005',
          // Retail, as Terraform sets it: credit applications sealed under a KMS key, Stripe's own API,
          // the deal-link and Stripe secrets from SSM.
          KEY_PROVIDER: 'kms',
          KMS_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/image-test-retail-pii',
          DEAL_LINK_SECRET: 'image-test-deal-link-secret-of-at-least-32-characters',
          STRIPE_API_URL: 'https://api.stripe.com',
          STRIPE_SECRET_KEY: 'sk_live_imagetest',
          STRIPE_WEBHOOK_SECRET: 'whsec_imagetest',
          MAIL_FROM: 'deals@showroom-image-test.example',
          [databaseVariable]: mysql.toString(),
          REDIS_URL: redis.toString(),
          ...env,
        },
      });
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        expect(await waitForStatus(`http://127.0.0.1:${port}/healthz`, child, () => output)).toBe(200);
        expect(await waitForStatus(`http://127.0.0.1:${port}/readyz`, child, () => output)).toBe(200);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(output).not.toMatch(/Cannot find module/);
    });
  },
);

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

/** docker-compose (v1, from Debian) validates a file without an engine. */
function composeConfig(file: string, ...profiles: string[]) {
  const args = ['-f', file, ...profiles.flatMap((p) => ['--profile', p]), 'config'];
  const result = spawnSync('docker-compose', args, { cwd: root, encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `docker-compose is not installed (apt-get install docker-compose): ${result.error.message}`,
    );
  return result;
}

interface ComposeService {
  image?: string;
  build?: { dockerfile: string; args: Record<string, string> };
  ports?: Array<{ host_ip?: string } | string>;
  profiles?: string[];
}

describe('docker/compose.yml for laptops', () => {
  const result = composeConfig('docker/compose.yml', 'analytics', 'aws', 'services');
  const services = (parse(result.stdout ?? '') ?? { services: {} }).services as Record<
    string,
    ComposeService
  >;

  it('is valid', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('offers MySQL 8, Redis 7, Elasticsearch + Kibana, DynamoDB Local and the services', () => {
    expect(services['mysql']?.image).toMatch(/^mysql:8\./);
    expect(services['redis']?.image).toMatch(/^redis:7\./);
    expect(services['elasticsearch']?.image).toMatch(/elasticsearch/);
    expect(services['kibana']?.image).toMatch(/kibana/);
    expect(services['dynamodb']?.image).toMatch(/dynamodb-local/);
    for (const name of ['inventory', 'users', 'leads', 'retail', 'analytics']) {
      expect(services[name]?.build?.dockerfile).toBe('docker/Dockerfile');
      expect(services[name]?.build?.args['SERVICE']).toBe(name);
    }
  });

  it('points the producers of business events at analytics, and analytics at the Elasticsearch beside it', () => {
    const envOf = (name: string) =>
      (services[name] as { environment?: Record<string, string> }).environment ?? {};
    for (const name of ['inventory', 'leads', 'retail']) {
      expect(envOf(name)['ANALYTICS_API_URL'], name).toBe('http://127.0.0.1:3005');
    }
    expect(envOf('analytics')).toMatchObject({
      ANALYTICS_ENGINE: 'elasticsearch',
      ELASTICSEARCH_URL: 'http://127.0.0.1:9200',
    });
  });

  it('starts only MySQL and Redis by default (what npm start needs)', () => {
    const byDefault = Object.entries(services)
      .filter(([, s]) => !s.profiles?.length)
      .map(([name]) => name);
    expect(byDefault.sort()).toEqual(['mysql', 'redis']);
  });

  it('publishes ports on loopback only', () => {
    const ports = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(typeof port === 'string' ? port : port.host_ip).toMatch(/127\.0\.0\.1/);
  });

  it('rejects a broken file (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    writeFileSync(join(dir, 'broken.yml'), 'services:\n  mysql:\n    image: [not, a, string\n');
    expect(composeConfig(join(dir, 'broken.yml')).status).not.toBe(0);
  });
});

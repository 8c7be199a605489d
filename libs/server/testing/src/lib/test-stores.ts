import { randomBytes } from 'node:crypto';
import { dropSchema, ensureSchema } from '@showroom/server-mysql';

/** The MySQL/MariaDB server tests use; each test file gets a schema of its own on it. */
export const TEST_MYSQL_SERVER_URL = process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';

export interface TestSchema {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty schema (`test_<label>_<random>`), dropped again by `drop()`. */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = `${TEST_MYSQL_SERVER_URL.replace(/\/$/, '')}/${name}`;
  await ensureSchema(url);
  return { url, drop: () => dropSchema(url) };
}

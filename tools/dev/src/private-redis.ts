// A private Redis from the installed redis-server: its data in a folder of its own as an
// append-only file (queued jobs survive a restart, as MySQL's rows do), no configuration file read.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { adoptOrphan, launchServer, logTail, PID_FILE, type PrivateServer } from './private-server';
import { storeAddress } from './store-address';
import { redisAnswers, waitUntilAnswers } from './store-probes';

export interface PrivateRedisOptions {
  /** redis://[:password@]host:port[/db] — where it listens (and the password it asks for). */
  url: string;
  /** Its folder: the append-only file, pid file and log. */
  dir: string;
  /** The redis-server binary. */
  server: string;
  startTimeoutMs?: number;
}

export interface PrivateRedis extends PrivateServer {
  url: string;
}

export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  const { url, dir, server } = options;
  const { password } = new URL(url);
  const { host, port, bindHost } = storeAddress(url);
  const name = `Redis on ${host}:${port}`;
  const logFile = join(dir, 'server.log');
  mkdirSync(dir, { recursive: true });
  const orphan = adoptOrphan(name, dir, logFile);
  if (orphan) return { ...orphan, url };

  const args = [
    '--port',
    String(port),
    '--bind',
    bindHost,
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--pidfile',
    join(dir, PID_FILE),
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--save',
    '',
    ...(password ? ['--requirepass', decodeURIComponent(password)] : []),
  ];
  const started = launchServer(name, server, args, dir, logFile);
  try {
    await waitUntilAnswers(
      name,
      () => redisAnswers(url),
      options.startTimeoutMs ?? 30_000,
      () => (started.exited() ? 'exited' : undefined),
    );
  } catch (error) {
    await started.stop();
    throw new Error(`${(error as Error).message}. The end of ${logFile}:\n${logTail(logFile)}`);
  }
  return { ...started, url };
}

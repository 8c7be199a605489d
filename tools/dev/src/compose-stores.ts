// MySQL and Redis from docker/compose.yml, when Docker with compose is here and its engine answers.
import { execFile } from 'node:child_process';
import { storeAddress } from './store-address';

export const COMPOSE_FILE = 'docker/compose.yml';

/** What docker/compose.yml publishes: MySQL (root, no password) and Redis on the loopback's default ports. */
export const COMPOSE_PORTS = { mysql: 3306, redis: 6379 } as const;

export type ComposeService = keyof typeof COMPOSE_PORTS;

/** `docker compose` (v2) or `docker-compose` (v1). */
export interface ComposeCommand {
  command: string;
  args: string[];
}

export type DockerProbe = () => Promise<{ compose: ComposeCommand } | { unavailable: string }>;

interface Run {
  ok: boolean;
  output: string;
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) =>
    execFile(command, args, { cwd, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({ ok: !error, output: `${stdout}${stderr}`.trim() }),
    ),
  );
}

/** Finds compose and asks the engine (`docker info`) whether it runs. */
export const probeDocker: DockerProbe = async () => {
  const candidates: ComposeCommand[] = [
    { command: 'docker', args: ['compose'] },
    { command: 'docker-compose', args: [] },
  ];
  let compose: ComposeCommand | undefined;
  for (const candidate of candidates)
    if ((await run(candidate.command, [...candidate.args, 'version'], '.', 10_000)).ok) {
      compose = candidate;
      break;
    }
  if (!compose) return { unavailable: 'no docker compose or docker-compose found' };
  if (!(await run('docker', ['info'], '.', 15_000)).ok)
    return { unavailable: 'Docker is installed but its engine does not answer (docker info)' };
  return { compose };
};

/** Whether docker/compose.yml's service answers at `url`: the loopback, its port, no password. */
export function composeServes(service: ComposeService, url: string): boolean {
  const parsed = new URL(url);
  const { loopback, port } = storeAddress(url);
  const user = decodeURIComponent(parsed.username);
  const sameAccount = parsed.password === '' && (service === 'redis' || user === '' || user === 'root');
  return loopback && port === COMPOSE_PORTS[service] && sameAccount;
}

export interface ComposeServices {
  services: ComposeService[];
  stop(): Promise<void>;
}

/** `up -d` of the services (pulling their images the first time); `stop()` stops them, keeping their volumes. */
export async function startComposeServices(
  compose: ComposeCommand,
  services: ComposeService[],
  cwd: string,
): Promise<ComposeServices> {
  const base = [...compose.args, '-f', COMPOSE_FILE];
  const up = await run(compose.command, [...base, 'up', '-d', ...services], cwd, 15 * 60_000);
  if (!up.ok)
    throw new Error(
      `${[compose.command, ...base, 'up', '-d', ...services].join(' ')} failed:\n${up.output.split('\n').slice(-20).join('\n')}`,
    );
  return {
    services,
    stop: async () => {
      await run(compose.command, [...base, 'stop', ...services], cwd, 120_000);
    },
  };
}

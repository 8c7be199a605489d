import type { Server } from 'node:http';
import { demoPassword } from '@showroom/demo-data';
import type { BackingStores } from './backing-services';
import { startEdge } from './edge';
import type { PortPlan, SchemaPlan } from './ports';
import { runTypeScript, startTypeScript, stopAll, waitUntilReady, type ManagedProcess } from './processes';

export interface PlatformOptions {
  ports: PortPlan;
  schemas: SchemaPlan;
  stores: BackingStores;
  echo: boolean;
  logLevel: string;
}

export interface RunningPlatform {
  portalUrl: string;
  stop(): Promise<void>;
  /** Resolves when any part stops on its own. */
  anyExited: Promise<string>;
}

/** Environment of each service for this plan: one truth for `npm start` and e2e. */
export function serviceEnvironments(options: PlatformOptions) {
  const { ports, schemas, stores } = options;
  const portalOrigin = `http://localhost:${ports.portal}`;
  const common = {
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel,
    AUTH_ISSUER_BASE_URL: `http://localhost:${ports.devAuth}/`,
    CORS_ORIGINS: portalOrigin,
    SHOWROOM_DEMO_PASSWORD: demoPassword(),
  };
  return {
    users: {
      ...common,
      PORT: String(ports.users),
      USERS_DATABASE_URL: `${stores.mysqlUrl}/${schemas.users}`,
    },
    inventory: {
      ...common,
      PORT: String(ports.inventory),
      INVENTORY_DATABASE_URL: `${stores.mysqlUrl}/${schemas.inventory}`,
      REDIS_URL: stores.redisUrl,
    },
    devAuth: {
      ...common,
      DEV_AUTH_PORT: String(ports.devAuth),
      DEV_AUTH_ISSUER: `http://localhost:${ports.devAuth}/`,
      PORTAL_URL: portalOrigin,
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
    },
  };
}

/** Migrates and seeds (idempotently), then starts dev-auth, the services and the portal's edge. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const env = serviceEnvironments(options);
  await Promise.all([
    runTypeScript('users-seed', 'services/users/src/seed.ts', env.users),
    runTypeScript('inventory-seed', 'services/inventory/src/seed.ts', env.inventory),
  ]);

  const processes: ManagedProcess[] = [];
  let edge: Server | undefined;
  const stop = async () => {
    edge?.close();
    edge?.closeAllConnections();
    await stopAll(processes);
  };
  try {
    const { ports, echo } = options;
    const users = startTypeScript('users', 'services/users/src/main.ts', { env: env.users, echo });
    const inventory = startTypeScript('inventory', 'services/inventory/src/main.ts', {
      env: env.inventory,
      echo,
    });
    const devAuth = startTypeScript('dev-auth', 'tools/dev-auth/src/main.ts', { env: env.devAuth, echo });
    processes.push(users, inventory, devAuth);
    await Promise.all([
      waitUntilReady(users, `http://127.0.0.1:${ports.users}/readyz`),
      waitUntilReady(inventory, `http://127.0.0.1:${ports.inventory}/readyz`),
      waitUntilReady(devAuth, `http://localhost:${ports.devAuth}/.well-known/openid-configuration`),
    ]);
    edge = await startEdge(ports);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    portalUrl: `http://localhost:${options.ports.portal}`,
    stop,
    anyExited: Promise.race(processes.map((p) => p.exited.then(() => p.name))),
  };
}

// Where a mysql:// or redis:// URL points. These are not "special" URL schemes, so `new URL()`
// leaves the port empty when the URL has none and keeps the host's case and IPv6 brackets; the
// clients (mysql2, ioredis) then use the default ports, and so must everything here.
import { isIPv4 } from 'node:net';

export type StoreKind = 'mysql' | 'redis';

export const DEFAULT_PORTS: Record<StoreKind, number> = { mysql: 3306, redis: 6379 };

export interface StoreAddress {
  /** Lower-cased, without IPv6 brackets: what to connect to. */
  host: string;
  port: number;
  /** What a private server listens on: localhost as 127.0.0.1. */
  bindHost: string;
  /** This machine: localhost, 127.x.x.x or ::1. */
  loopback: boolean;
}

/** The address of a mysql:// (or mariadb://) or redis:// (rediss://) URL. */
export function storeAddress(url: string): StoreAddress {
  const parsed = new URL(url);
  const store: StoreKind = parsed.protocol.startsWith('redis') ? 'redis' : 'mysql';
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return {
    host,
    port: parsed.port === '' ? DEFAULT_PORTS[store] : Number(parsed.port),
    bindHost: host === 'localhost' ? '127.0.0.1' : host,
    loopback: host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.')),
  };
}

import { commaList, notInProduction, configInt } from '@showroom/server-kit';
import { z } from 'zod';
import type { FetchLimits } from './safe-fetch';

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):\d{1,5}$/i;

/** The photo robot's variables, spread into the inventory service's config. */
export const photoRobotConfigShape = {
  /**
   * `host:port` pairs the robot may fetch from although they are private, e.g. `127.0.0.1:8123` for
   * a test or development image server. Production refuses to start with any.
   */
  PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: notInProduction(
    commaList
      .pipe(z.array(z.string().regex(HOST_PORT, 'each entry is host:port')))
      .transform((hosts) => hosts.map((host) => host.toLowerCase()))
      .default([]),
    {
      why: 'lets the photo robot reach private addresses',
      isDevValue: (value) => Array.isArray(value) && value.length > 0,
    },
  ),
  /** Largest image the robot downloads (the upload limit). */
  PHOTO_ROBOT_MAX_BYTES: configInt(1, 25 * 1024 * 1024, 25 * 1024 * 1024),
  PHOTO_ROBOT_CONNECT_TIMEOUT_MS: configInt(10, 60_000, 5_000),
  /** Silence from an image server before the robot gives up on it. */
  PHOTO_ROBOT_RESPONSE_TIMEOUT_MS: configInt(10, 120_000, 15_000),
  /** One image's whole download, redirects included. */
  PHOTO_ROBOT_TOTAL_TIMEOUT_MS: configInt(10, 300_000, 60_000),
  PHOTO_ROBOT_MAX_REDIRECTS: configInt(0, 10, 5),
  /** Images fetched at once by one instance. */
  PHOTO_ROBOT_CONCURRENCY: configInt(1, 32, 4),
  /** How often an idle worker looks for queued links. */
  PHOTO_ROBOT_POLL_INTERVAL_MS: configInt(10, 60_000, 1_000),
  /** Wait before the first retry of a link that failed for a passing reason; doubled each time. */
  PHOTO_ROBOT_RETRY_DELAY_MS: configInt(0, 600_000, 10_000),
  /** Days a finished job (and its report) is kept. */
  PHOTO_ROBOT_RETENTION_DAYS: configInt(1, 3_650, 30),
};

export type PhotoRobotConfig = {
  [K in keyof typeof photoRobotConfigShape]: z.output<(typeof photoRobotConfigShape)[K]>;
};

export function fetchLimitsOf(config: PhotoRobotConfig): FetchLimits {
  return {
    maxBytes: config.PHOTO_ROBOT_MAX_BYTES,
    connectTimeoutMs: config.PHOTO_ROBOT_CONNECT_TIMEOUT_MS,
    responseTimeoutMs: config.PHOTO_ROBOT_RESPONSE_TIMEOUT_MS,
    totalTimeoutMs: config.PHOTO_ROBOT_TOTAL_TIMEOUT_MS,
    maxRedirects: config.PHOTO_ROBOT_MAX_REDIRECTS,
    allowedPrivateHosts: config.PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS,
  };
}

export interface PhotoRobotSettings {
  limits: FetchLimits;
  concurrency: number;
  pollIntervalMs: number;
  retryDelayMs: number;
  /** How long a claimed link is a worker's; past it (a crash), another worker takes it over. */
  leaseMs: number;
  retentionDays: number;
}

export function photoRobotSettingsOf(config: PhotoRobotConfig): PhotoRobotSettings {
  const limits = fetchLimitsOf(config);
  return {
    limits,
    concurrency: config.PHOTO_ROBOT_CONCURRENCY,
    pollIntervalMs: config.PHOTO_ROBOT_POLL_INTERVAL_MS,
    retryDelayMs: config.PHOTO_ROBOT_RETRY_DELAY_MS,
    // The fetch and then the photo pipeline (variants, storage) must fit in it.
    leaseMs: limits.totalTimeoutMs + 60_000,
    retentionDays: config.PHOTO_ROBOT_RETENTION_DAYS,
  };
}

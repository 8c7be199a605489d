import type { RetailConfig } from '../config';
import type { FinishedJobsSweepSettings } from './finished-jobs-sweep';
import type { JobRunnerSettings } from './job-runner';

type JobConfig = Pick<
  RetailConfig,
  | 'JOB_POLL_INTERVAL_MS'
  | 'JOB_LEASE_MS'
  | 'JOB_RETRY_FIRST_MS'
  | 'JOB_RETRY_MAX_MS'
  | 'JOB_MAX_ATTEMPTS'
  | 'JOB_BATCH_SIZE'
>;

export function jobRunnerSettingsOf(config: JobConfig): JobRunnerSettings {
  return {
    pollIntervalMs: config.JOB_POLL_INTERVAL_MS,
    leaseMs: config.JOB_LEASE_MS,
    retryFirstMs: config.JOB_RETRY_FIRST_MS,
    retryMaxMs: config.JOB_RETRY_MAX_MS,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    batchSize: config.JOB_BATCH_SIZE,
  };
}

export function finishedJobsSweepSettingsOf(
  config: Pick<RetailConfig, 'JOB_RETENTION_DAYS' | 'JOB_CLEANUP_INTERVAL_MS'>,
): FinishedJobsSweepSettings {
  return { retentionDays: config.JOB_RETENTION_DAYS, intervalMs: config.JOB_CLEANUP_INTERVAL_MS };
}

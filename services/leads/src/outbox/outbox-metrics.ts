/** Where the metric lines go: stdout, where the container's log driver takes them to CloudWatch. */
export type MetricLineSink = (line: string) => void;

export const stdoutMetrics: MetricLineSink = (line) => {
  process.stdout.write(`${line}\n`);
};

export interface OutboxHealth {
  /** Events with a consumer unfinished (or not yet published) for longer than a minute, up to HEALTH_COUNT_CAP. */
  backlog: number;
  /** Consumer runs whose job used up its attempts and that are still unfinished, up to HEALTH_COUNT_CAP. */
  exhausted: number;
}

/**
 * One CloudWatch Embedded Metric Format line (namespace `Showroom/Outbox`, dimension `Service`):
 * CloudWatch turns it into the `OutboxBacklog` and `OutboxExhaustedJobs` metrics the alarms watch.
 */
export function outboxMetricLine(service: string, health: OutboxHealth, at: Date): string {
  return JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: 'Showroom/Outbox',
          Dimensions: [['Service']],
          Metrics: [
            { Name: 'OutboxBacklog', Unit: 'Count' },
            { Name: 'OutboxExhaustedJobs', Unit: 'Count' },
          ],
        },
      ],
    },
    Service: service,
    OutboxBacklog: health.backlog,
    OutboxExhaustedJobs: health.exhausted,
  });
}

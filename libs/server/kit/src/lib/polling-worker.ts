import type { Logger } from 'pino';
import { loggableError } from './loggable-error';

export interface PollingWorkerOptions {
  /** Named in the log line of a run that failed. */
  name: string;
  /** One run: do what is due now (a run that finds nothing simply returns). */
  run: () => Promise<unknown>;
  /** The wait between the end of one run and the start of the next. */
  intervalMs: number;
  logger: Logger;
}

/**
 * Background work that polls: one run at a time, the next `intervalMs` after the last ended (a slow
 * run never overlaps the next), a failed run logged (type and stack only) and tried again at the next
 * tick. `stop` waits for the run under way, so the pools it uses can close after it.
 */
export class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private stoppingNow = false;

  constructor(private readonly options: PollingWorkerOptions) {}

  /** Runs at once, then every interval; a second call does nothing. */
  start(): void {
    if (this.started || this.stoppingNow) return;
    this.started = true;
    this.schedule(0);
  }

  /**
   * Whether `stop` was called: a run that works through a backlog checks it between items, so a
   * stop waits for one item, not the whole backlog.
   */
  get stopping(): boolean {
    return this.stoppingNow;
  }

  /** No new run starts; resolves once the run under way (if any) has ended. */
  async stop(): Promise<void> {
    this.stoppingNow = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stoppingNow) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule(this.options.intervalMs);
      });
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.options.run();
    } catch (error) {
      this.options.logger.error({ error: loggableError(error) }, `${this.options.name} failed`);
    }
  }
}

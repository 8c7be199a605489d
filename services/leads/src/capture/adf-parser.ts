import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AdfError } from '@showroom/leads-adf';
import { problems } from '@showroom/server-kit';
import type { AdfParseOutcome, AdfParseTask, ParsedAdf } from './adf-parse-worker';

export type { ParsedAdf } from './adf-parse-worker';

/** Parses ADF documents and the e-mails that carry them. Throws AdfError for what is not usable ADF. */
export interface AdfParser {
  parse(task: AdfParseTask): Promise<ParsedAdf>;
  close(): Promise<void>;
}

export interface AdfParserPoolOptions {
  /** The compiled worker (`capture/adf-parse-worker.js` beside main.js), or its TypeScript source. */
  filename: string;
  threads?: number;
  /** Documents waiting for a thread; beyond it a post is answered 503 with Retry-After. */
  maxQueue?: number;
}

/**
 * ADF is parsed on worker threads: a 400 kB document takes the CPU for 150–190 ms, and on the main
 * thread twenty of them at once stalled every request (shoppers' forms included) for 1–2 s.
 */
export class AdfParserPool implements AdfParser {
  private readonly pool: Piscina<AdfParseTask, AdfParseOutcome>;

  constructor(options: AdfParserPoolOptions) {
    const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    const fromSource = options.filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: options.filename,
      minThreads: 1,
      maxThreads: threads,
      maxQueue: options.maxQueue ?? threads * 16,
      idleTimeout: 60_000,
      // Tests and the seed run the TypeScript sources: tsx compiles the worker as it loads.
      execArgv: fromSource ? ['--import', 'tsx'] : [],
    });
  }

  async parse(task: AdfParseTask): Promise<ParsedAdf> {
    if (this.pool.queueSize >= this.pool.options.maxQueue) {
      throw problems.serviceUnavailable('Too many ADF documents are being read; try again shortly.');
    }
    const outcome = await this.pool.run(task);
    if (!outcome.ok) throw new AdfError(outcome.element, outcome.reason);
    return outcome.parsed;
  }

  /** Threads that ran at least one document so far (the main thread never parses). */
  get threadIds(): number[] {
    return this.pool.threads.map((thread) => thread.threadId);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

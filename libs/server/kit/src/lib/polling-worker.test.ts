import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PollingWorker } from './polling-worker';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

function logged() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, logger };
}

describe('polling worker', () => {
  it('runs at once and again after each interval, never two runs at a time', async () => {
    let active = 0;
    let overlapped = false;
    let runs = 0;
    const worker = new PollingWorker({
      name: 'test worker',
      intervalMs: 1,
      logger: logged().logger,
      run: async () => {
        active++;
        overlapped ||= active > 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        runs++;
        active--;
      },
    });
    worker.start();
    worker.start();
    await until(() => runs >= 3);
    await worker.stop();
    expect(overlapped).toBe(false);
  });

  it('on stop, waits for the run under way and starts no other', async () => {
    let finished = 0;
    let started = 0;
    let release: () => void = () => undefined;
    const worker = new PollingWorker({
      name: 'test worker',
      intervalMs: 1,
      logger: logged().logger,
      run: async () => {
        started++;
        await new Promise<void>((resolve) => (release = resolve));
        finished++;
      },
    });
    worker.start();
    await until(() => started === 1);
    const stopped = worker.stop();
    expect(worker.stopping).toBe(true);
    release();
    await stopped;
    expect(finished).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(1);
  });

  it('logs a failed run with the error’s type and code, and runs again at the next tick', async () => {
    const { lines, logger } = logged();
    let runs = 0;
    const worker = new PollingWorker({
      name: 'test worker',
      intervalMs: 1,
      logger,
      run: async () => {
        runs++;
        if (runs === 1) throw Object.assign(new TypeError('boom'), { code: 'E_TEST' });
      },
    });
    worker.start();
    await until(() => runs >= 2);
    await worker.stop();
    const failure = lines.find((line) => line['msg'] === 'test worker failed');
    expect(failure?.['error']).toMatchObject({ type: 'TypeError', code: 'E_TEST' });
  });
});

import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { listen } from './lifecycle';

describe('graceful shutdown', () => {
  it('when SIGTERM-style shutdown starts during requests, then they complete and the pools close after', async () => {
    const app = express();
    let arrived = 0;
    let allArrived: () => void = () => undefined;
    const threeArrived = new Promise<void>((resolve) => (allArrived = resolve));
    app.get('/slow', (_req, res) => {
      if (++arrived === 3) allArrived();
      setTimeout(() => res.json({ done: true }), 300);
    });
    const events: string[] = [];
    const service = await listen({
      app,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
      graceMs: 5000,
      closers: [async () => events.push('pool closed')],
    });
    const { port } = service.server.address() as AddressInfo;

    const inFlight = [1, 2, 3].map(() => fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json()));
    // Shut down once all three are being served (on a busy machine that can take a while).
    await threeArrived;
    const stopped = service.shutdown('SIGTERM').then(() => events.push('stopped'));

    expect(await Promise.all(inFlight)).toEqual([{ done: true }, { done: true }, { done: true }]);
    await stopped;
    expect(events).toEqual(['pool closed', 'stopped']);
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
  });
});

import type { ObjectStore } from '@showroom/server-storage';
import { describe, expect, it } from 'vitest';
import { runServiceWarehouseCommand, type ServiceWarehouseCommand } from './service-command';
import { column, defineWarehouseTable } from './table';

const table = defineWarehouseTable({
  name: 'sample_leads',
  description: 'a lead',
  columns: [column('id', 'string', { nullable: false, maxLength: 36 })],
});

/** A command whose export records what it was asked and writes to an in-memory store. */
function commandRecording() {
  const asked: string[] = [];
  const objects = new Map<string, Buffer>();
  const store: ObjectStore = {
    async put(key, body) {
      objects.set(key, Buffer.from(body));
    },
    async get(key) {
      const body = objects.get(key);
      return body ? { body, contentType: 'application/vnd.apache.parquet' } : null;
    },
    async delete(keys) {
      for (const key of keys) objects.delete(key);
    },
    async list(prefix) {
      return [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
    },
  };
  let closed = 0;
  const command: ServiceWarehouseCommand = {
    table,
    async open() {
      return {
        store,
        exporter: {
          table,
          async *rowsOf(day) {
            asked.push(day.date);
            yield [{ id: 'lead-1' }];
          },
        },
        close: async () => void closed++,
      };
    },
  };
  return { command, asked, objects, closedCount: () => closed };
}

describe("a service's warehouse command line", () => {
  const now = new Date('2026-12-06T02:00:00Z');

  it('when asked for its table, then it prints the declaration without connecting to anything', async () => {
    const { command, closedCount } = commandRecording();
    let opened = false;
    const result = await runServiceWarehouseCommand(
      { ...command, open: async () => ((opened = true), command.open()) },
      ['table'],
      now,
    );
    expect(result).toEqual(table);
    expect(opened).toBe(false);
    expect(closedCount()).toBe(0);
  });

  it('when asked to export without a date, then it exports yesterday (UTC) and closes what it opened', async () => {
    const { command, asked, objects, closedCount } = commandRecording();
    const result = await runServiceWarehouseCommand(command, ['export'], now);
    expect(result).toEqual({
      table: 'sample_leads',
      date: '2026-12-05',
      key: 'warehouse/sample_leads/dt=2026-12-05/sample_leads.parquet',
      rows: 1,
    });
    expect(asked).toEqual(['2026-12-05']);
    expect([...objects.keys()]).toEqual(['warehouse/sample_leads/dt=2026-12-05/sample_leads.parquet']);
    expect(closedCount()).toBe(1);
  });

  it('when the verb or the date is wrong, then it refuses before opening anything', async () => {
    const { command, closedCount } = commandRecording();
    await expect(runServiceWarehouseCommand(command, ['import'], now)).rejects.toThrow(
      /usage: warehouse-cli table/,
    );
    await expect(
      runServiceWarehouseCommand(command, ['export', '--date', '2026-12-06'], now),
    ).rejects.toThrow(/has not ended yet/);
    expect(closedCount()).toBe(0);
  });
});

import { BatchExecuteStatementCommand, DescribeStatementCommand } from '@aws-sdk/client-redshift-data';
import { describe, expect, it } from 'vitest';
import { runRedshiftBatch, type RedshiftDataSender } from './redshift-load';

/** A Data API stand-in: records every command and answers DescribeStatement from a script of statuses. */
function recordingClient(statuses: Array<Record<string, unknown>>) {
  const sent: Array<{ command: string; input: unknown }> = [];
  const client = {
    async send(command: { constructor: { name: string }; input: unknown }) {
      sent.push({ command: command.constructor.name, input: command.input });
      if (command instanceof BatchExecuteStatementCommand) return { Id: 'stmt-1' };
      if (command instanceof DescribeStatementCommand) return statuses.shift() ?? { Status: 'STARTED' };
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  } as unknown as RedshiftDataSender;
  return { client, sent };
}

const target = { workgroupName: 'showroom-prod-warehouse', database: 'showroom' };
const options = { statementName: 'warehouse-load-2026-12-05', pollIntervalMs: 500, timeoutMs: 10_000 };

describe('a batch through the Redshift Data API', () => {
  it('when Redshift works through it, then one BatchExecuteStatement into the workgroup is polled until FINISHED', async () => {
    const { client, sent } = recordingClient([
      { Status: 'SUBMITTED' },
      { Status: 'STARTED' },
      { Status: 'FINISHED', Duration: 2_500_000_000, SubStatements: [{ ResultRows: 3 }, { ResultRows: 7 }] },
    ]);
    const slept: number[] = [];
    const outcome = await runRedshiftBatch(client, target, ['DELETE 1', 'COPY 2'], {
      ...options,
      sleep: async (ms) => void slept.push(ms),
    });

    expect(outcome).toEqual({ id: 'stmt-1', resultRows: [3, 7], durationMs: 2500 });
    expect(sent[0]).toEqual({
      command: 'BatchExecuteStatementCommand',
      input: {
        WorkgroupName: 'showroom-prod-warehouse',
        Database: 'showroom',
        Sqls: ['DELETE 1', 'COPY 2'],
        StatementName: 'warehouse-load-2026-12-05',
        ClientToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(sent.slice(1)).toEqual(
      Array(3).fill({ command: 'DescribeStatementCommand', input: { Id: 'stmt-1' } }),
    );
    expect(slept).toEqual([500, 500]);
  });

  it('when the same batch is sent again, then it carries the same client token (the Data API runs it once)', async () => {
    const first = recordingClient([{ Status: 'FINISHED' }]);
    const second = recordingClient([{ Status: 'FINISHED' }]);
    await runRedshiftBatch(first.client, target, ['A', 'B'], options);
    await runRedshiftBatch(second.client, target, ['A', 'B'], options);
    const token = (s: typeof first) => (s.sent[0]?.input as { ClientToken: string }).ClientToken;
    expect(token(first)).toBe(token(second));
    const other = recordingClient([{ Status: 'FINISHED' }]);
    await runRedshiftBatch(other.client, target, ['A', 'C'], options);
    expect(token(other)).not.toBe(token(first));
  });

  it('when a statement fails, then the batch fails with Redshift’s error and the failing statement', async () => {
    const { client } = recordingClient([
      {
        Status: 'FAILED',
        Error: 'Spectrum Scan Error',
        SubStatements: [
          { Id: 'stmt-1:1', Status: 'FINISHED' },
          { Id: 'stmt-1:2', Status: 'FAILED' },
        ],
      },
    ]);
    await expect(runRedshiftBatch(client, target, ['A', 'B'], options)).rejects.toThrow(
      'warehouse-load-2026-12-05 failed (statement stmt-1:2): Spectrum Scan Error',
    );
  });

  it('when Redshift has not finished by the deadline, then the load gives up and names the running statement', async () => {
    const { client } = recordingClient([]);
    let clock = 0;
    await expect(
      runRedshiftBatch(client, target, ['A'], {
        ...options,
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
      }),
    ).rejects.toThrow(/still STARTED after 10000 ms \(statement stmt-1\)/);
  });
});

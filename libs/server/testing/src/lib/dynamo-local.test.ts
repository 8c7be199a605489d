import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoLocal } from './dynamo-local';
import { startForTheseTests } from './for-these-tests';

const clientFor = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** A timeline-like table: events by lead, and by dealership through a GSI. */
async function createTimelineTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

/**
 * On a LevelDB folder dynalite marks a new table ACTIVE in a write of its own, a moment after
 * answering the create (as DynamoDB itself does, only faster): wait for it before writing items.
 */
async function untilActive(client: DynamoDBClient, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const described = await client.send(new DescribeTableCommand({ TableName: name })).catch(() => undefined);
    if (described?.Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`table ${name} did not become ACTIVE within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const event = (lead: string, dealership: string, at: string, text: string) => ({
  pk: { S: `lead#${lead}` },
  sk: { S: at },
  gsi1pk: { S: `dealership#${dealership}` },
  gsi1sk: { S: at },
  text: { S: text },
});

describe('startDynamoLocal: a real DynamoDB API on 127.0.0.1', () => {
  const local = startForTheseTests(async () => {
    const dynamo = await startDynamoLocal();
    const client = clientFor(dynamo.endpoint);
    return {
      dynamo,
      client,
      async close() {
        client.destroy();
        await dynamo.close();
      },
    };
  });

  it('listens on a free port of 127.0.0.1', () => {
    expect(local.dynamo.port).toBeGreaterThan(0);
    expect(local.dynamo.endpoint).toBe(`http://127.0.0.1:${local.dynamo.port}`);
  });

  it('creates a table with a GSI that is active at once, then puts, gets and queries both keys', async () => {
    const { client } = local;
    await createTimelineTable(client, 'timeline');
    const described = await client.send(new DescribeTableCommand({ TableName: 'timeline' }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('gsi1');

    await client.send(new PutItemCommand({ TableName: 'timeline', Item: event('a', 'd1', 't1', 'created') }));
    await client.send(new PutItemCommand({ TableName: 'timeline', Item: event('a', 'd1', 't3', 'called') }));
    await client.send(new PutItemCommand({ TableName: 'timeline', Item: event('b', 'd1', 't2', 'created') }));
    await client.send(new PutItemCommand({ TableName: 'timeline', Item: event('c', 'd2', 't1', 'created') }));

    const got = await client.send(
      new GetItemCommand({ TableName: 'timeline', Key: { pk: { S: 'lead#a' }, sk: { S: 't3' } } }),
    );
    expect(got.Item?.['text']?.S).toBe('called');

    const ofLead = await client.send(
      new QueryCommand({
        TableName: 'timeline',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'lead#a' } },
        ScanIndexForward: false,
      }),
    );
    expect(ofLead.Items?.map((item) => item['sk']?.S)).toEqual(['t3', 't1']);

    const ofDealership = await client.send(
      new QueryCommand({
        TableName: 'timeline',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :d',
        ExpressionAttributeValues: { ':d': { S: 'dealership#d1' } },
      }),
    );
    expect(ofDealership.Items?.map((item) => `${item['pk']?.S}@${item['gsi1sk']?.S}`)).toEqual([
      'lead#a@t1',
      'lead#b@t2',
      'lead#a@t3',
    ]);
  });

  it('refuses a conditional put over an existing item', async () => {
    const { client } = local;
    await createTimelineTable(client, 'conditional');
    const put = () =>
      client.send(
        new PutItemCommand({
          TableName: 'conditional',
          Item: event('x', 'd1', 't1', 'once'),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    await put();
    await expect(put()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });
});

describe('startDynamoLocal with a LevelDB folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'showroom-dynamo-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps tables and items across a restart on the same port', async () => {
    const first = await startDynamoLocal({ path: join(folder, 'data') });
    const before = clientFor(first.endpoint);
    await createTimelineTable(before, 'kept');
    await untilActive(before, 'kept');
    await before.send(new PutItemCommand({ TableName: 'kept', Item: event('k', 'd1', 't1', 'survives') }));
    before.destroy();
    await first.close();

    const second = await startDynamoLocal({ port: first.port, path: join(folder, 'data') });
    const after = clientFor(second.endpoint);
    try {
      expect(second.port).toBe(first.port);
      const got = await after.send(
        new GetItemCommand({ TableName: 'kept', Key: { pk: { S: 'lead#k' }, sk: { S: 't1' } } }),
      );
      expect(got.Item?.['text']?.S).toBe('survives');
    } finally {
      after.destroy();
      await second.close();
    }
  });
});

import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  type AttributeValue,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { LeadEvent, TimelinePage } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { OutboxEvent } from '../outbox/events';

/**
 * The lead timeline table (see README "Timeline table"):
 *   pk = LEAD#<leadId>, sk = <isoTime>#<eventId>          one lead's history, in time order
 *   gsi1pk = DEALERSHIP#<dealershipId>, gsi1sk = sk       index "by-dealership": the activity feed
 * Items are only ever put, with a condition, so a consumer that runs twice writes once.
 */
export const BY_DEALERSHIP_INDEX = 'by-dealership';
/** A filtered feed page stops after this many reads and hands back a cursor to go on. */
const MAX_FEED_READS = 10;

type Item = Record<string, AttributeValue>;
const s = (value: string): AttributeValue => ({ S: value });

function itemOf(event: OutboxEvent): Item {
  const sk = `${event.occurredAt.toISOString()}#${event.eventId}`;
  return {
    pk: s(`LEAD#${event.leadId}`),
    sk: s(sk),
    gsi1pk: s(`DEALERSHIP#${event.dealershipId}`),
    gsi1sk: s(sk),
    eventId: s(event.eventId),
    leadId: s(event.leadId),
    dealershipId: s(event.dealershipId),
    type: s(event.type),
    at: s(event.occurredAt.toISOString()),
    summary: s(event.summary),
    shopperName: s(event.shopperName),
    // Who had the lead when it happened (for people reading the table; feeds filter on today's assignee).
    assigneeId: s(event.assigneeId ?? '-'),
    actor: s(JSON.stringify(event.actor)),
    data: s(JSON.stringify(event.data)),
  };
}

function eventOf(item: Item): LeadEvent {
  const text = (name: string) => item[name]?.S ?? '';
  return {
    id: text('eventId'),
    leadId: text('leadId'),
    type: text('type') as LeadEvent['type'],
    at: text('at'),
    actor: JSON.parse(text('actor') || 'null') as LeadEvent['actor'],
    summary: text('summary'),
    shopperName: text('shopperName'),
    data: JSON.parse(text('data') || '{}') as LeadEvent['data'],
  };
}

/** Where a feed read resumes after this item: the index key plus the table key. */
function feedKeyOf(item: Item): Item {
  const pick = (name: string) => ({ [name]: item[name] as AttributeValue });
  return { ...pick('gsi1pk'), ...pick('gsi1sk'), ...pick('pk'), ...pick('sk') };
}

function encodeCursor(key: Item | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/** A cursor is only ever one we issued for the same partition; anything else is a 400. */
function decodeCursor(cursor: string | undefined, keyName: string, partition: string): Item | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      { S?: unknown }
    >;
    const values = Object.values(key);
    if (
      key[keyName]?.S === partition &&
      values.length <= 4 &&
      values.every((v) => typeof v?.S === 'string')
    ) {
      return key as Item;
    }
  } catch {
    // fall through to the 400 below
  }
  throw problems.validation([{ name: 'query.cursor', reason: 'is not a cursor this timeline issued' }]);
}

export class TimelineStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
  ) {}

  async append(event: OutboxEvent): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: itemOf(event),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async ofLead(leadId: string, page: { cursor?: string; limit: number }): Promise<TimelinePage> {
    const partition = `LEAD#${leadId}`;
    return this.query({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': s(partition) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, 'pk', partition),
    });
  }

  /**
   * The dealership's recent activity, newest first. `visibleLeads` narrows it to the leads a person
   * may see now (a salesperson's own): pages are read until the answer is full, and the cursor
   * points just after the last event returned, so no event is skipped or shown twice.
   */
  async ofDealership(
    dealershipId: string,
    page: { cursor?: string; limit: number },
    visibleLeads?: (leadIds: string[]) => Promise<Set<string>>,
  ): Promise<TimelinePage> {
    const partition = `DEALERSHIP#${dealershipId}`;
    const items: Item[] = [];
    let startKey = decodeCursor(page.cursor, 'gsi1pk', partition);
    for (let reads = 0; reads < MAX_FEED_READS; reads++) {
      const result = await this.send({
        TableName: this.table,
        IndexName: BY_DEALERSHIP_INDEX,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': s(partition) },
        ScanIndexForward: false,
        Limit: visibleLeads ? Math.max(page.limit * 2, 50) : page.limit,
        ExclusiveStartKey: startKey,
      });
      const batch = result.Items ?? [];
      const visible = visibleLeads
        ? await visibleLeads([...new Set(batch.map((i: Item) => i['leadId']?.S ?? ''))])
        : null;
      for (const item of batch) {
        if (visible && !visible.has(item['leadId']?.S ?? '')) continue;
        items.push(item);
        if (items.length === page.limit)
          return { items: items.map(eventOf), nextCursor: encodeCursor(feedKeyOf(item)) };
      }
      startKey = result.LastEvaluatedKey;
      if (!startKey) break;
    }
    return { items: items.map(eventOf), nextCursor: encodeCursor(startKey) };
  }

  private async query(input: QueryCommandInput): Promise<TimelinePage> {
    const result = await this.send(input);
    return { items: (result.Items ?? []).map(eventOf), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  private send(input: QueryCommandInput): Promise<QueryCommandOutput> {
    return this.client.send(new QueryCommand(input)).catch((error: unknown) => {
      throw Object.assign(
        problems.serviceUnavailable('The timeline store is unreachable; try again shortly.'),
        {
          cause: error,
        },
      );
    });
  }

  /** Creates the table where nothing else does (dev, tests, `npm start`); Terraform owns it in AWS. */
  async ensureTable(): Promise<void> {
    try {
      await this.client.send(new DescribeTableCommand({ TableName: this.table }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    const key = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
    await this.client.send(
      new CreateTableCommand({
        TableName: this.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [key('pk'), key('sk'), key('gsi1pk'), key('gsi1sk')],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: BY_DEALERSHIP_INDEX,
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
}

export function createDynamoClient(settings: { endpoint?: string; region: string }): DynamoDBClient {
  return new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    // Fail within seconds while DynamoDB is away; the outbox retries later.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  });
}

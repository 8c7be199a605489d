import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import {
  createTestSchema,
  startSmtpSink,
  startTcpProxy,
  testLogger,
  type SmtpSink,
  type TcpProxy,
  type TestSchema,
} from '@showroom/server-testing';
import { Mailer } from '@showroom/server-mail';
import type { LeadsDatabase } from '../database';
import { leadsMigrations } from '../migrations';
import type { NewLeadEvent, OutboxEvent } from '../outbox/events';
import { Deliveries, DeliveryInFlight } from './deliveries';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The e-mail consumers' delivery records against a real MySQL reached through a proxy the test
 * cuts right after the SMTP server took the mail: the moment that used to send e-mails twice.
 */
describe('e-mail delivery records when MySQL dies between the send and its record', () => {
  let schema: TestSchema;
  let direct: Database<LeadsDatabase>;
  let viaProxy: Database<LeadsDatabase>;
  let mysqlProxy: TcpProxy;
  let sink: SmtpSink;
  let mailer: Mailer;

  beforeAll(async () => {
    schema = await createTestSchema('deliveries');
    direct = createDatabase<LeadsDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
    await migrateToLatest(direct.writer, leadsMigrations);
    const server = new URL(schema.url);
    mysqlProxy = await startTcpProxy(server.hostname, Number(server.port || 3306));
    const proxied = new URL(schema.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(mysqlProxy.port);
    viaProxy = createDatabase<LeadsDatabase>({ writerUrl: proxied.href, readerUrls: [], connectionLimit: 2 });
    sink = await startSmtpSink();
    mailer = new Mailer(sink.url);
  });
  afterAll(async () => {
    mailer.close();
    await mysqlProxy.close();
    await Promise.all([viaProxy.close(), direct.close(), sink.close()]);
    await schema.drop();
  });

  const anEvent = (): OutboxEvent => ({
    eventId: randomUUID(),
    dealershipId: randomUUID(),
    leadId: randomUUID(),
    type: 'assigned',
    actor: null,
    shopperName: 'Ada Shopper',
    assigneeId: null,
    summary: 'Assigned',
    data: {},
    occurredAt: new Date(),
  });

  const emailSent = (event: OutboxEvent, to: string): NewLeadEvent => ({
    type: 'email_sent',
    leadId: event.leadId,
    actor: null,
    shopperName: event.shopperName,
    assigneeId: null,
    summary: `E-mailed ${to}`,
    data: { to },
  });

  /** Sends the mail; with `thenCutMySql`, MySQL goes away the moment the server has taken it. */
  const sender =
    (event: OutboxEvent, to: string, thenCutMySql = false) =>
    async () => {
      await mailer.send({ from: 'leads@showroom.test', to, subject: 'Thanks', text: 'Hi there' });
      if (thenCutMySql) await mysqlProxy.cut();
      return emailSent(event, to);
    };

  const mailsTo = (to: string) => sink.messages().filter((m) => m.to.includes(to));
  const stateOf = async (event: OutboxEvent, handler: string) =>
    (
      await direct.writer
        .selectFrom('outbox_deliveries')
        .select('state')
        .where('event_id', '=', event.eventId)
        .where('handler', '=', handler)
        .executeTakeFirst()
    )?.state;
  const timelineOf = (event: OutboxEvent) =>
    direct.writer.selectFrom('outbox').select('payload').where('lead_id', '=', event.leadId).execute();

  it('when the job retries in the same process, the e-mail is not sent again and is recorded once MySQL is back', async () => {
    const deliveries = new Deliveries(viaProxy.writer, testLogger(), () => undefined);
    const event = anEvent();
    const to = `same.process.${event.eventId.slice(0, 8)}@example.com`;

    await expect(
      deliveries.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to, true)),
    ).rejects.toThrow();
    await mysqlProxy.restore();
    // The job's retry: the worker calls the consumer again.
    await deliveries.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to));
    await pause(200);

    expect(mailsTo(to)).toHaveLength(1);
    expect(await stateOf(event, 'acknowledge')).toBe('sent');
    expect(await timelineOf(event)).toHaveLength(1);
    deliveries.close();
  });

  it('when MySQL comes back before any retry, the process records the send by itself', async () => {
    const deliveries = new Deliveries(viaProxy.writer, testLogger(), () => undefined);
    const event = anEvent();
    const to = `flush.${event.eventId.slice(0, 8)}@example.com`;

    await expect(
      deliveries.deliverOnce(event, 'notify_assignee', 'at-most-once', sender(event, to, true)),
    ).rejects.toThrow();
    await mysqlProxy.restore();
    for (let waited = 0; (await stateOf(event, 'notify_assignee')) !== 'sent'; waited += 100) {
      expect(waited).toBeLessThan(5000);
      await pause(100);
    }
    // A retry elsewhere now finds it sent.
    const elsewhere = new Deliveries(viaProxy.writer, testLogger(), () => undefined);
    await elsewhere.deliverOnce(event, 'notify_assignee', 'at-most-once', sender(event, to));
    expect(mailsTo(to)).toHaveLength(1);
    expect(await timelineOf(event)).toHaveLength(1);
  });

  it('when the sending process died, another waits for the lease, then leaves a shopper e-mail unconfirmed instead of sending it twice', async () => {
    const leaseMs = 400;
    const dead = new Deliveries(viaProxy.writer, testLogger(), () => undefined, leaseMs);
    const event = anEvent();
    const to = `died.${event.eventId.slice(0, 8)}@example.com`;
    await expect(
      dead.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to, true)),
    ).rejects.toThrow();
    dead.close(); // it dies: what it remembered is gone
    await mysqlProxy.restore();

    const other = new Deliveries(viaProxy.writer, testLogger(), () => undefined, leaseMs);
    await expect(
      other.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to)),
    ).rejects.toBeInstanceOf(DeliveryInFlight);
    await pause(leaseMs + 100);
    await other.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to));

    expect(mailsTo(to)).toHaveLength(1);
    expect(await stateOf(event, 'acknowledge')).toBe('unconfirmed');
    const timeline = await timelineOf(event);
    expect(timeline).toHaveLength(1);
    expect(JSON.parse(timeline[0]?.payload ?? '{}')).toMatchObject({ data: { confirmed: false } });
  });

  it('when the sending process died, the CRM forward (at least once) is sent again after the lease', async () => {
    const leaseMs = 400;
    const dead = new Deliveries(viaProxy.writer, testLogger(), () => undefined, leaseMs);
    const event = anEvent();
    const to = `crm.${event.eventId.slice(0, 8)}@example.com`;
    await expect(dead.deliverOnce(event, 'crm', 'at-least-once', sender(event, to, true))).rejects.toThrow();
    dead.close();
    await mysqlProxy.restore();
    await pause(leaseMs + 100);

    const other = new Deliveries(viaProxy.writer, testLogger(), () => undefined, leaseMs);
    await other.deliverOnce(event, 'crm', 'at-least-once', sender(event, to));
    expect(mailsTo(to)).toHaveLength(2);
    expect(await stateOf(event, 'crm')).toBe('sent');
    expect(await timelineOf(event)).toHaveLength(1);
  });

  it('when the SMTP server refuses the mail, the claim is released and the retry sends it once', async () => {
    const deliveries = new Deliveries(viaProxy.writer, testLogger(), () => undefined);
    const event = anEvent();
    const to = `refused.${event.eventId.slice(0, 8)}@example.com`;
    const refused = async (): Promise<NewLeadEvent> => {
      throw new Error('421 service not available');
    };
    await expect(deliveries.deliverOnce(event, 'acknowledge', 'at-most-once', refused)).rejects.toThrow(
      '421',
    );
    expect(await stateOf(event, 'acknowledge')).toBeUndefined();
    await deliveries.deliverOnce(event, 'acknowledge', 'at-most-once', sender(event, to));
    expect(mailsTo(to)).toHaveLength(1);
    expect(await stateOf(event, 'acknowledge')).toBe('sent');
  });

  it('when two attempts run at once, one sends and the other is told to wait', async () => {
    const event = anEvent();
    const to = `twice.${event.eventId.slice(0, 8)}@example.com`;
    const [a, b] = [1, 2].map(() => new Deliveries(viaProxy.writer, testLogger(), () => undefined));
    const outcomes = await Promise.allSettled(
      [a, b].map((d) => d?.deliverOnce(event, 'notify_assignee', 'at-most-once', sender(event, to))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: expect.any(DeliveryInFlight),
    });
    expect(mailsTo(to)).toHaveLength(1);
  });
});

import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LeadsDatabase } from '../database';
import type { NewLeadEvent, OutboxEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';

/**
 * What happens to an e-mail whose sender vanished between the send and its record (the process
 * died, or MySQL stayed away past the lease): nobody can tell whether it went out.
 * - `at-most-once`: it is not sent again, and the delivery is recorded `unconfirmed` (mail to a
 *   shopper or a salesperson: a second copy is worse than a missing one, which staff can see).
 * - `at-least-once`: it is sent again (the CRM forward: a CRM drops an ADF lead id it already has,
 *   and a lead missing from the CRM is lost business).
 */
export type DeliveryGuarantee = 'at-most-once' | 'at-least-once';

/** How long a `sending` claim keeps others from sending the same e-mail. */
export const DELIVERY_LEASE_MS = 5 * 60_000;
const FLUSH_EVERY_MS = 1000;

/** Another attempt holds the claim and its lease runs: try again later. */
export class DeliveryInFlight extends Error {
  constructor(eventId: string, handler: string) {
    super(`e-mail ${handler} of event ${eventId} is being sent by another attempt`);
  }
}

type Claim = 'send' | 'done' | 'lapsed';
const key = (eventId: string, handler: string) => `${eventId}/${handler}`;

const isDuplicateKey = (error: unknown) => (error as { code?: string } | null)?.code === 'ER_DUP_ENTRY';

/**
 * Sends each e-mail of an event at most once, or at least once, as its guarantee says:
 * 1. claim: a `sending` row with a lease, committed BEFORE the send;
 * 2. send; a refused send releases the claim (the server did not take the mail);
 * 3. record: the row becomes `sent`, with the follow-up timeline event, in one transaction.
 * A retry finds `sent` (nothing to do), `sending` within its lease (another attempt is at it:
 * wait), or `sending` past its lease (the sender vanished: the guarantee decides). When MySQL fails
 * at step 3 this process remembers the send and records it as soon as MySQL answers, so its own
 * retries never send twice; only a process that dies between steps 2 and 3 leaves the question open.
 */
export class Deliveries {
  /** Sends made but not yet recorded (MySQL failed at step 3), by event and handler. */
  private readonly unrecorded = new Map<
    string,
    { event: OutboxEvent; handler: string; followUp: NewLeadEvent | null }
  >();
  private flusher: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly logger: Logger,
    /** Tell the relay that a follow-up event was committed. */
    private readonly onCommitted: () => void,
    private readonly leaseMs = DELIVERY_LEASE_MS,
  ) {}

  async deliverOnce(
    event: OutboxEvent,
    handler: string,
    guarantee: DeliveryGuarantee,
    send: () => Promise<NewLeadEvent | null>,
  ): Promise<void> {
    const pending = this.unrecorded.get(key(event.eventId, handler));
    if (pending) return this.record(pending.event, handler, pending.followUp);
    const claim = await this.claim(event, handler, guarantee);
    if (claim !== 'send') return;
    let followUp: NewLeadEvent | null;
    try {
      followUp = await send();
    } catch (error) {
      await this.release(event.eventId, handler);
      throw error;
    }
    await this.record(event, handler, followUp);
  }

  /** Stops the background recording (the process is shutting down). */
  close(): void {
    clearInterval(this.flusher);
    this.flusher = undefined;
  }

  private async claim(event: OutboxEvent, handler: string, guarantee: DeliveryGuarantee): Promise<Claim> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    try {
      await this.db
        .insertInto('outbox_deliveries')
        .values({
          event_id: event.eventId,
          handler,
          state: 'sending',
          lease_until: leaseUntil,
          delivered_at: now,
        })
        .execute();
      return 'send';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const row = await this.db
      .selectFrom('outbox_deliveries')
      .select(['state', 'lease_until'])
      .where('event_id', '=', event.eventId)
      .where('handler', '=', handler)
      .executeTakeFirstOrThrow();
    if (row.state !== 'sending') return 'done';
    if (row.lease_until && row.lease_until > now) throw new DeliveryInFlight(event.eventId, handler);
    // The sender vanished between claim and record: whether the mail went out is unknown.
    const takeOver = this.db
      .updateTable('outbox_deliveries')
      .where('event_id', '=', event.eventId)
      .where('handler', '=', handler)
      .where('state', '=', 'sending')
      .where('lease_until', '=', row.lease_until);
    if (guarantee === 'at-least-once') {
      const taken = await takeOver.set({ lease_until: leaseUntil, delivered_at: now }).executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) throw new DeliveryInFlight(event.eventId, handler);
      this.logger.warn({ eventId: event.eventId, handler }, 'e-mail of a vanished attempt is sent again');
      return 'send';
    }
    const lapsed = await this.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('outbox_deliveries')
        .set({ state: 'unconfirmed', lease_until: null, delivered_at: now })
        .where('event_id', '=', event.eventId)
        .where('handler', '=', handler)
        .where('state', '=', 'sending')
        .executeTakeFirst();
      // Someone else settled it meanwhile.
      if (Number(changed.numUpdatedRows) === 0) return false;
      await writeOutbox(trx, event.dealershipId, now, [
        {
          type: 'email_sent',
          leadId: event.leadId,
          actor: null,
          shopperName: event.shopperName,
          assigneeId: event.assigneeId,
          summary: 'An e-mail was interrupted while sending and may not have arrived; it is not sent twice',
          data: { purpose: handler, confirmed: false },
        },
      ]);
      return true;
    });
    if (!lapsed) return 'done';
    this.logger.warn({ eventId: event.eventId, handler }, 'e-mail of a vanished attempt left unconfirmed');
    this.onCommitted();
    return 'lapsed';
  }

  /** The server refused the mail: nothing went out, another attempt may send it. */
  private async release(eventId: string, handler: string): Promise<void> {
    await this.db
      .deleteFrom('outbox_deliveries')
      .where('event_id', '=', eventId)
      .where('handler', '=', handler)
      .where('state', '=', 'sending')
      .execute()
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, eventId, handler },
          'cannot release an e-mail claim; its lease will lapse',
        ),
      );
  }

  private async record(event: OutboxEvent, handler: string, followUp: NewLeadEvent | null): Promise<void> {
    const id = key(event.eventId, handler);
    let wrote = false;
    try {
      wrote = await this.db.transaction().execute(async (trx) => {
        const changed = await trx
          .updateTable('outbox_deliveries')
          .set({ state: 'sent', lease_until: null, delivered_at: new Date() })
          .where('event_id', '=', event.eventId)
          .where('handler', '=', handler)
          .where('state', 'in', ['sending', 'unconfirmed'])
          .executeTakeFirst();
        // Recorded already (by the background flush or another retry of this process).
        if (Number(changed.numUpdatedRows) === 0 || !followUp) return false;
        await writeOutbox(trx, event.dealershipId, new Date(), [followUp]);
        return true;
      });
    } catch (error) {
      // Sent but not recorded: remember it, so no attempt of this process sends it again.
      this.unrecorded.set(id, { event, handler, followUp });
      this.flusher ??= setInterval(() => void this.flush(), FLUSH_EVERY_MS).unref();
      throw error;
    }
    this.unrecorded.delete(id);
    if (wrote) this.onCommitted();
  }

  /** Records remembered sends once MySQL answers again. */
  private async flush(): Promise<void> {
    for (const pending of [...this.unrecorded.values()]) {
      const recorded = await this.record(pending.event, pending.handler, pending.followUp).then(
        () => true,
        () => false,
      );
      if (!recorded) return;
    }
    if (this.unrecorded.size === 0) this.close();
  }
}

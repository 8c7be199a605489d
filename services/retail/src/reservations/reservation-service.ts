import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Reservation, ReservationCheckout } from '@showroom/contracts';
import { loggableError, problems } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { DealRepository, type DealRow } from '../deals/deal-repository';
import { vehicleOf } from '../deals/deal-views';
import type { DepositPayment } from './deposit-payment';
import { PaymentProviderUnavailable, type DepositCheckout, type PaymentProvider } from './payment-provider';
import type { ReservationTermsSource, StorefrontSource, VehicleHolds } from './reservation-ports';
import { ReservationRepository, type ReservationRow } from './reservation-repository';
import { reservationView } from './reservation-view';
import { vehicleTitle } from './reservation-mail';

export interface ReservationServiceDeps {
  db: Kysely<RetailDatabase>;
  provider: PaymentProvider;
  payments: DepositPayment;
  terms: ReservationTermsSource;
  storefronts: StorefrontSource;
  vehicles: VehicleHolds;
  logger: Logger;
}

/** The provider could not be reached: the shopper is asked to try again shortly. */
export function providerUnavailable(error: unknown): Error {
  if (!(error instanceof PaymentProviderUnavailable)) return error as Error;
  const problem = problems.serviceUnavailable(
    'The payment provider is not answering just now; try again in a moment.',
  );
  problem.cause = error;
  return problem;
}

/** Calls the provider; its outage becomes the 503 problem. */
async function askProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerUnavailable(error);
  }
}

/** `<siteUrl>/deals/<dealId>?reservation=<outcome>`: the storefront's deal page, which reads the outcome. */
function dealPage(siteUrl: string, dealId: string, outcome: 'paid' | 'cancelled'): string {
  return `${siteUrl.replace(/\/+$/, '')}/deals/${encodeURIComponent(dealId)}?reservation=${outcome}`;
}

/**
 * A deal's reservation as the shopper starts it and as the deal views show it. Paying happens on
 * the provider's page; its outcome arrives by the provider's event (PaymentWebhook) or, when that
 * is late, by asking the provider when the deal is opened.
 */
export class ReservationService {
  private readonly reservations: ReservationRepository;

  constructor(private readonly deps: ReservationServiceDeps) {
    this.reservations = new ReservationRepository(deps.db);
  }

  /**
   * The deal's reservation as stored, or null when the shopper has not started one. Never asks the
   * provider: for lists and jobs, which must not wait on (or be stalled by) Stripe.
   */
  async stored(dealershipId: string, dealId: string): Promise<Reservation | null> {
    const row = await this.reservations.forDeal(dealershipId, dealId);
    return row ? reservationView(row) : null;
  }

  /** The stored reservations of many deals in one read, by deal id (deals without one are absent). */
  async storedForDeals(dealershipId: string, dealIds: readonly string[]): Promise<Map<string, Reservation>> {
    const rows = await this.reservations.forDeals(dealershipId, dealIds);
    return new Map(rows.map((row) => [row.deal_id, reservationView(row)]));
  }

  /**
   * The deal's reservation after asking the provider while it waits for payment (the shopper may
   * have paid and the event not arrived yet). Only for one deal someone is looking at: the
   * shopper's deal page and the desk's detail.
   */
  async caughtUp(dealershipId: string, dealId: string): Promise<Reservation | null> {
    const row = await this.reservations.forDeal(dealershipId, dealId);
    if (!row) return null;
    if (row.status !== 'awaiting-payment' || row.checkout_session_id === null) return reservationView(row);
    return reservationView((await this.askedProvider(row)) ?? row);
  }

  /**
   * Starts paying the deposit: only when the dealership takes one, the vehicle is still for sale and
   * the deal holds no reservation. A checkout the shopper left unpaid is closed and replaced.
   * `requestOrigin` (the request's Origin) is where the shopper comes back to, if it is the dealership's.
   */
  async start(deal: DealRow, requestOrigin?: string): Promise<ReservationCheckout> {
    const existing = await this.reservations.forDeal(deal.dealership_id, deal.id);
    await this.closeUnpaidCheckout(deal, existing);
    const depositCents = await this.depositFor(deal);
    const siteUrl = await this.returnSiteOf(deal.dealership_id, requestOrigin);
    const reservationId = randomUUID();
    const checkout = await askProvider(() =>
      this.deps.provider.startCheckout({
        reservationId,
        dealershipId: deal.dealership_id,
        dealId: deal.id,
        depositCents,
        description: describeVehicle(deal),
        successUrl: dealPage(siteUrl, deal.id, 'paid'),
        cancelUrl: dealPage(siteUrl, deal.id, 'cancelled'),
      }),
    );
    // A checkout no reservation points to must not stay payable: closed when storing fails too.
    const row = await this.store(deal, existing ?? null, reservationId, depositCents, checkout).catch(
      async (error: unknown) => {
        await this.closeUnstored(deal, checkout.sessionId);
        throw error;
      },
    );
    if (!row) {
      await this.closeUnstored(deal, checkout.sessionId);
      throw problems.conflict('The deal’s reservation changed meanwhile; look at the deal again.');
    }
    return { reservation: reservationView(row), checkoutUrl: checkout.checkoutUrl };
  }

  /**
   * Closes a checkout that was started but not stored (the shopper never saw its page). If even that
   * fails, it expires at the provider by itself; the warning names it for whoever looks.
   */
  private async closeUnstored(deal: DealRow, sessionId: string): Promise<void> {
    try {
      await this.deps.provider.closeCheckout(sessionId);
    } catch (error) {
      this.deps.logger.warn(
        { error: loggableError(error), dealershipId: deal.dealership_id, dealId: deal.id, sessionId },
        'could not close a deposit checkout no reservation points to; it expires at the provider',
      );
    }
  }

  /**
   * A held reservation is refused; a checkout left unpaid is closed so it can no longer be paid (if
   * it was paid after all, the payment counts and the deal is reserved).
   */
  private async closeUnpaidCheckout(deal: DealRow, existing: ReservationRow | undefined): Promise<void> {
    if (deal.status === 'withdrawn')
      throw problems.conflict('The deal was withdrawn: it cannot be reserved.');
    if (existing?.status === 'held') throw alreadyHeld();
    const sessionId = existing?.status === 'awaiting-payment' ? existing.checkout_session_id : null;
    if (!existing || !sessionId) return;
    const state = await askProvider(() => this.deps.provider.closeCheckout(sessionId));
    if (state.paid) {
      await this.deps.payments.confirm(deal.dealership_id, existing.id, state);
      throw alreadyHeld();
    }
  }

  /** The dealership's deposit, when it takes one and the car is still for sale. */
  private async depositFor(deal: DealRow): Promise<number> {
    const { reservation } = await this.deps.terms.of(deal.dealership_id);
    if (reservation.depositCents <= 0)
      throw problems.conflict('This dealership does not take reservations online.');
    // Fresh: a car sold a moment ago must not take a deposit.
    if (!(await this.deps.vehicles.forSale(deal.dealership_id, deal.vehicle_id, { fresh: true }))) {
      throw problems.conflict('The vehicle is no longer for sale: it cannot be reserved.');
    }
    return reservation.depositCents;
  }

  /**
   * Where the provider sends the shopper back: the website origin they reserved from (their deal's
   * token is in that origin's session storage) when it is one of the dealership's, else its site URL.
   */
  private async returnSiteOf(dealershipId: string, requestOrigin: string | undefined): Promise<string> {
    const storefront = await this.deps.storefronts.storefront(dealershipId);
    if (requestOrigin && storefront?.siteOrigins.includes(requestOrigin)) return requestOrigin;
    if (!storefront?.siteUrl) {
      throw problems.conflict('The dealership’s website is not live yet: reservations open with it.');
    }
    return storefront.siteUrl;
  }

  /** Writes the new reservation after the one read before (kept), unless that changed meanwhile. */
  private store(
    deal: DealRow,
    replaced: ReservationRow | null,
    reservationId: string,
    depositCents: number,
    checkout: DepositCheckout,
  ): Promise<ReservationRow | null> {
    return this.deps.db.transaction().execute(async (trx) => {
      await new DealRepository(trx).findForUpdate(deal.dealership_id, deal.id);
      const reservations = new ReservationRepository(trx);
      const current = await reservations.forDealLocked(deal.dealership_id, deal.id);
      if (current?.id !== replaced?.id || current?.status !== replaced?.status) return null;
      // The checkout left unpaid (closed before) stays on record; ended ones keep how they ended.
      if (current?.status === 'awaiting-payment') {
        await reservations.update(deal.dealership_id, current.id, ['awaiting-payment'], {
          status: 'replaced',
        });
      }
      const row: Omit<ReservationRow, 'created_at' | 'updated_at'> = {
        id: reservationId,
        dealership_id: deal.dealership_id,
        deal_id: deal.id,
        vehicle_id: deal.vehicle_id,
        deposit_cents: depositCents,
        status: 'awaiting-payment',
        provider: this.deps.provider.name,
        checkout_session_id: checkout.sessionId,
        paid_at: null,
        held_until: null,
        released_at: null,
      };
      await reservations.insert(row);
      return (await reservations.find(deal.dealership_id, reservationId)) ?? null;
    });
  }

  /**
   * The reservation after asking the provider about its checkout (the shopper may have paid and
   * the event not arrived yet); null when nothing changed or the provider did not answer.
   */
  private async askedProvider(row: ReservationRow): Promise<ReservationRow | null> {
    try {
      const state = await this.deps.provider.checkout(row.checkout_session_id as string);
      if (!state.paid) return null;
      await this.deps.payments.confirm(row.dealership_id, row.id, state);
      return (await this.reservations.find(row.dealership_id, row.id)) ?? null;
    } catch (error) {
      this.deps.logger.warn(
        { error: loggableError(error), dealershipId: row.dealership_id, reservationId: row.id },
        'could not ask the payment provider about an unpaid reservation; showing it as stored',
      );
      return null;
    }
  }
}

/** The line item's description: the car as the deal priced it. */
function describeVehicle(deal: DealRow): string {
  const vehicle = vehicleOf(deal);
  return `${vehicleTitle(vehicle)}, stock #${vehicle.stockNumber}`;
}

const alreadyHeld = () => problems.conflict('The deal’s vehicle is already reserved (its deposit is paid).');

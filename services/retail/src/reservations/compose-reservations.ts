import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PollingWorker } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import type { JobHandlers } from '../jobs/job-runner';
import type { PaymentsConfig } from './config';
import { DepositPayment } from './deposit-payment';
import { ReservationExpiry } from './expiry';
import type { PaymentProvider } from './payment-provider';
import { PaymentWebhook } from './payment-webhook';
import { ReservationJobs } from './reservation-jobs';
import type { ReservationTermsSource, StorefrontSource, VehicleHolds } from './reservation-ports';
import { ReservationRelease } from './reservation-release';
import type { ReservationRouteDeps } from './reservation-routes';
import { ReservationService } from './reservation-service';
import { StripePaymentProvider } from './stripe-payment-provider';

export interface ReservationModuleDeps {
  db: Kysely<RetailDatabase>;
  terms: ReservationTermsSource;
  directory: StorefrontSource;
  catalog: VehicleHolds;
  logger: Logger;
  clock: () => Date;
  /** Stripe by default (STRIPE_API_URL: Stripe itself, or the payments sandbox). */
  provider?: PaymentProvider;
}

export interface ReservationModule {
  /** D's deal views take `service` as their ReservationPart. */
  service: ReservationService;
  routeDeps: Pick<ReservationRouteDeps, 'reservations' | 'reservationRelease' | 'paymentWebhook'>;
  handlers: JobHandlers;
  /** The hold-expiry sweep on its timer: add it to the background work. */
  expiry: PollingWorker;
}

/** The reservations module on its payment provider: route deps, job handlers and the expiry sweep. */
export function composeReservations(config: PaymentsConfig, deps: ReservationModuleDeps): ReservationModule {
  const { db, clock, logger } = deps;
  const provider = deps.provider ?? new StripePaymentProvider(config);
  const payments = new DepositPayment({ db, terms: deps.terms, clock });
  const service = new ReservationService({
    db,
    provider,
    payments,
    terms: deps.terms,
    storefronts: deps.directory,
    vehicles: deps.catalog,
    logger,
  });
  return {
    service,
    routeDeps: {
      reservations: service,
      reservationRelease: new ReservationRelease({ db, provider, payments, clock }),
      paymentWebhook: new PaymentWebhook({ db, provider, payments, logger }),
    },
    handlers: new ReservationJobs({ db, vehicles: deps.catalog, provider, clock, logger }).handlers,
    expiry: new ReservationExpiry({
      db,
      clock,
      intervalMs: config.RESERVATION_EXPIRY_SWEEP_MS,
      logger: logger.child({ worker: 'reservation-expiry' }),
    }).worker,
  };
}

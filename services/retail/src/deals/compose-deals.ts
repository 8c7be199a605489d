import type { Kysely } from 'kysely';
import type { RetailConfig } from '../config';
import type { RetailDatabase } from '../database';
import type { JobHandlers } from '../jobs/job-runner';
import { ProductRepository } from '../settings/product-repository';
import { DealAccess } from './deal-access';
import { DealDeskService } from './deal-desk-service';
import { DealJobs } from './deal-jobs';
import { DealMail } from './deal-mail';
import { DealParts } from './deal-parts';
import type {
  CreditPart,
  DealLeads,
  ReservationPart,
  StorefrontSource,
  TermsSource,
  TradeInPart,
  VehicleSource,
} from './deal-ports';
import { DealRepository } from './deal-repository';
import { OfferTerms } from './offer-terms';
import type { DealRouteDeps } from './deal-routes';
import { ShopperAccess } from './shopper-access';
import { ShopperDealService } from './shopper-deal-service';
import { SignedLinks } from './signed-links';

/** Who may open a deal: built first, as trade-ins, credit and reservations check access with it too. */
export interface DealGates {
  signedLinks: SignedLinks;
  shopperAccess: ShopperAccess;
  dealAccess: DealAccess;
}

export function dealGates(
  db: Kysely<RetailDatabase>,
  config: Pick<RetailConfig, 'DEAL_LINK_SECRET' | 'DEAL_LINK_TTL_HOURS'>,
  leads: DealLeads,
): DealGates {
  const deals = new DealRepository(db);
  const signedLinks = new SignedLinks({
    secret: config.DEAL_LINK_SECRET,
    ttlHours: config.DEAL_LINK_TTL_HOURS,
  });
  return {
    signedLinks,
    shopperAccess: new ShopperAccess(deals, signedLinks),
    dealAccess: new DealAccess(deals, leads),
  };
}

export interface DealModuleDeps {
  db: Kysely<RetailDatabase>;
  gates: DealGates;
  vehicles: VehicleSource;
  terms: TermsSource;
  directory: StorefrontSource;
  leads: DealLeads;
  tradeIns: TradeInPart;
  credit: CreditPart;
  reservations: ReservationPart;
}

/** The deals module: its route deps and its job handlers, on the parts the other modules give. */
export function composeDeals(deps: DealModuleDeps): {
  routeDeps: Omit<DealRouteDeps, 'publicAccess'>;
  handlers: JobHandlers;
} {
  const { db, gates } = deps;
  const parts = new DealParts(deps.tradeIns, deps.credit, deps.reservations);
  const mail = new DealMail(deps.directory);
  const offerTerms = new OfferTerms(deps.terms, new ProductRepository(db));
  return {
    routeDeps: {
      shopperDeals: new ShopperDealService({
        db,
        access: gates.shopperAccess,
        vehicles: deps.vehicles,
        terms: deps.terms,
        parts,
        mail,
        offerTerms,
      }),
      dealDesk: new DealDeskService({
        db,
        access: gates.dealAccess,
        terms: deps.terms,
        parts,
        mail,
        links: gates.signedLinks,
        offerTerms,
      }),
    },
    handlers: new DealJobs({ db, leads: deps.leads, parts }).handlers,
  };
}

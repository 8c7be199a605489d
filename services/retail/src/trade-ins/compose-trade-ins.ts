import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ObjectStore } from '@showroom/server-storage';
import type { RetailDatabase } from '../database';
import type { DealGates } from '../deals/compose-deals';
import { DealMail } from '../deals/deal-mail';
import type { StorefrontSource } from '../deals/deal-ports';
import type { TradeInPhotoLinks } from './photo-links';
import { TradeInAppraisals } from './trade-in-appraisals';
import { TradeInIntake } from './trade-in-intake';
import { TradeInPhotos } from './trade-in-photos';
import type { TradeInRouteDeps } from './trade-in-routes';
import type { TradeInService } from './trade-in-service';

export interface TradeInModuleDeps {
  db: Kysely<RetailDatabase>;
  /** The deal views' part (also handed to composeDeals). */
  tradeIns: TradeInService;
  photoLinks: TradeInPhotoLinks;
  gates: DealGates;
  objects: ObjectStore;
  directory: StorefrontSource;
  logger: Logger;
  clock: () => Date;
}

/** The trade-in module's route deps (shopperAccess/dealAccess come from the deals' gates in app.ts). */
export function composeTradeIns(
  deps: TradeInModuleDeps,
): Omit<TradeInRouteDeps, 'publicAccess' | 'shopperAccess' | 'dealAccess'> {
  const { db, tradeIns: views, objects } = deps;
  return {
    tradeInIntake: new TradeInIntake({ db, objects, views, logger: deps.logger }),
    tradeInPhotos: new TradeInPhotos({ db, objects, views }),
    tradeInAppraisals: new TradeInAppraisals({
      db,
      access: deps.gates.dealAccess,
      mail: new DealMail(deps.directory),
      links: deps.gates.signedLinks,
      views,
      clock: deps.clock,
    }),
    tradeInPhotoLinks: deps.photoLinks,
  };
}

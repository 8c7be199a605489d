import type { Kysely } from 'kysely';
import type { AppraisalInput, DealTradeIn } from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import { formatCents } from '@showroom/retail-payments';
import type { RetailDatabase } from '../database';
import { actorNameOf, recordActivity } from '../deals/activity';
import type { DealAccess } from '../deals/deal-access';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import type { DealMail } from '../deals/deal-mail';
import { DealRepository } from '../deals/deal-repository';
import type { SignedLinks } from '../deals/signed-links';
import { enqueueShopperMail } from '../mail/shopper-mail';
import { appraisalMail } from './appraisal-mail';
import { noTradeIn, requireAppraisable } from './trade-problems';
import { TradeInRepository } from './trade-in-repository';
import type { TradeInService } from './trade-in-service';

export interface TradeInAppraisalsDeps {
  db: Kysely<RetailDatabase>;
  access: Pick<DealAccess, 'require'>;
  mail: Pick<DealMail, 'dealershipOf'>;
  links: Pick<SignedLinks, 'linkTo'>;
  views: Pick<TradeInService, 'viewOf'>;
  clock: () => Date;
}

/**
 * The desk's appraisal of a trade: the value the deal counts from now on, recorded on the deal's
 * (and the lead's) timeline, and e-mailed to the shopper with a signed link to the deal.
 */
export class TradeInAppraisals {
  constructor(private readonly deps: TradeInAppraisalsDeps) {}

  async appraise(tenant: Tenant, dealId: string, input: AppraisalInput): Promise<DealTradeIn> {
    const { dealershipId } = tenant;
    const deal = await this.deps.access.require(tenant, tenant.principal, dealId);
    requireAppraisable(deal.status);
    const dealership = await this.deps.mail.dealershipOf(dealershipId);
    const appraiser = actorNameOf(tenant.principal);
    const note = input.note ? input.note : null;
    await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = await deals.findForUpdate(dealershipId, dealId);
      if (!locked) throw problems.notFound(`Deal ${dealId}`);
      requireAppraisable(locked.status);
      const trades = new TradeInRepository(trx);
      const trade = await trades.forDealForUpdate(dealershipId, dealId);
      if (!trade) throw noTradeIn(dealId);
      const at = this.deps.clock();
      await trades.appraise(dealershipId, trade.id, {
        valueCents: input.valueCents,
        note,
        at,
        by: appraiser,
      });
      await deals.update(dealershipId, dealId, {});
      await recordActivity(trx, dealershipId, dealId, {
        actor: appraiser,
        kind: 'trade-appraised',
        text: `Appraised the trade-in at ${formatCents(input.valueCents)}.`,
      });
      await queueDealLeadUpdate(trx, locked);
      const link = dealership.siteUrl
        ? this.deps.links.linkTo(dealership.siteUrl, dealershipId, dealId, locked.offer_version)
        : null;
      const mail = appraisalMail({
        dealershipName: dealership.name,
        shopperFirstName: locked.shopper_first_name,
        tradeName: [trade.year, trade.make, trade.model].filter(Boolean).join(' '),
        valueCents: input.valueCents,
        note,
        link: link?.url ?? null,
        linkExpiresAt: link?.expiresAt ?? null,
      });
      await enqueueShopperMail(
        trx,
        dealershipId,
        { dealId, ...mail },
        `trade-appraised:${trade.id}:${at.getTime()}`,
      );
    });
    const view = await this.deps.views.viewOf(this.deps.db, dealershipId, dealId);
    if (!view) throw noTradeIn(dealId);
    return view;
  }
}

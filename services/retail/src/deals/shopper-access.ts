import { problems } from '@showroom/server-kit';
import { accessTokenMatches } from './access-tokens';
import type { DealRepository, DealRow } from './deal-repository';
import { SignedLinks } from './signed-links';

/** Longest header value worth looking at: a signed link token is about 70 characters. */
const MAX_TOKEN_LENGTH = 200;

/**
 * Proves a shopper's browser may open a deal: the header (X-Deal-Access) carries the deal's access
 * token, or a signed link token from an e-mail that has not expired. Anything else — no header, a
 * wrong or foreign token, an expired link, another dealership's deal — is the same 404, so a
 * request learns nothing about deals it may not open.
 */
export class ShopperAccess {
  constructor(
    private readonly deals: Pick<DealRepository, 'find'>,
    private readonly links: SignedLinks,
  ) {}

  async require(dealershipId: string, dealId: string, headerValue: string | undefined): Promise<DealRow> {
    const token = headerValue?.trim() ?? '';
    const deal =
      token && token.length <= MAX_TOKEN_LENGTH ? await this.deals.find(dealershipId, dealId) : null;
    if (!deal || !this.opens(deal, token)) throw problems.notFound(`Deal ${dealId}`);
    return deal;
  }

  private opens(deal: DealRow, token: string): boolean {
    if (SignedLinks.isSignedLinkToken(token)) {
      const claims = this.links.verify(deal.dealership_id, deal.id, token);
      return claims !== null && claims.offerVersion <= deal.offer_version;
    }
    return accessTokenMatches(token, deal.access_token_hash);
  }
}

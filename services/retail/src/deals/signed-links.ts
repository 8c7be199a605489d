import { HmacSigner } from './hmac-signer';

/** Signed link tokens start with this, so they are never confused with a deal's access token. */
const PREFIX = 'l1';

export interface SignedLinkClaims {
  dealershipId: string;
  dealId: string;
  /** The offer the link was sent for. */
  offerVersion: number;
  expiresAt: Date;
}

export interface SignedLinksOptions {
  /** DEAL_LINK_SECRET: at least 32 characters. */
  secret: string;
  /** DEAL_LINK_TTL_HOURS. */
  ttlHours: number;
  clock?: () => Date;
}

/**
 * The deal links e-mailed to shoppers (`<siteUrl>/deals/<dealId>?access=<token>`): an HMAC-SHA256
 * over the deal, the offer it was sent for and the expiry (purpose `deal-link`), so a link opens
 * that one deal until it expires, without anything stored.
 */
export class SignedLinks {
  private readonly clock: () => Date;
  private readonly signer: HmacSigner;

  constructor(private readonly options: SignedLinksOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.signer = new HmacSigner(options.secret, 'deal-link');
  }

  /** A token for the deal, valid for the configured hours from now. */
  issue(dealershipId: string, dealId: string, offerVersion: number): { token: string; expiresAt: Date } {
    const expiresAt = new Date(this.clock().getTime() + this.options.ttlHours * 3_600_000);
    const expiry = Math.floor(expiresAt.getTime() / 1000);
    const mac = this.signer.sign([dealershipId, dealId, offerVersion, expiry]);
    return { token: `${PREFIX}.${offerVersion}.${expiry}.${mac}`, expiresAt: new Date(expiry * 1000) };
  }

  /** The link's claims when `token` was issued for this deal and has not expired; else null. */
  verify(dealershipId: string, dealId: string, token: string): SignedLinkClaims | null {
    const match = /^l1\.(\d{1,9})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const offerVersion = Number(match[1]);
    const expiry = Number(match[2]);
    if (!this.signer.verify([dealershipId, dealId, offerVersion, expiry], match[3] as string)) return null;
    if (expiry * 1000 <= this.clock().getTime()) return null;
    return { dealershipId, dealId, offerVersion, expiresAt: new Date(expiry * 1000) };
  }

  /** The shopper's deal page on the dealership's website, opened with a fresh token, and when it expires. */
  linkTo(
    siteUrl: string,
    dealershipId: string,
    dealId: string,
    offerVersion: number,
  ): { url: string; expiresAt: Date } {
    const { token, expiresAt } = this.issue(dealershipId, dealId, offerVersion);
    const url = new URL(`deals/${dealId}`, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
    url.searchParams.set('access', token);
    return { url: url.toString(), expiresAt };
  }

  static isSignedLinkToken(token: string): boolean {
    return token.startsWith(`${PREFIX}.`);
  }
}

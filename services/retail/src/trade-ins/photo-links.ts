import { HmacSigner } from '../deals/hmac-signer';

/** Shopper photo links are valid for at least this long (and less than twice it). */
const WINDOW_SECONDS = 3_600;

/** What a link opens: one photo of one deal's trade. */
export interface PhotoLinkTarget {
  dealershipId: string;
  dealId: string;
  photoId: string;
}

export interface TradeInPhotoLinksOptions {
  /** DEAL_LINK_SECRET: the same secret as deal links, with a purpose of its own in what is signed. */
  secret: string;
  clock?: () => Date;
}

/**
 * Where a trade-in's photos are shown.
 *
 * The desk fetches them with its token (`GET /api/retail/deals/:dealId/trade-in/photos/:photoId`).
 * A shopper's browser shows them in `<img>` tags, which cannot send X-Deal-Access, so the deal views
 * carry a short-lived signed path instead: `…/public/dealerships/:dealershipId/deals/:dealId/trade-in/
 * photos/:photoId?sig=<expiry>.<hmac>`. The HMAC-SHA256 (under DEAL_LINK_SECRET, prefixed with this
 * purpose so it can never pass as a deal link) covers the dealership, deal, photo and expiry: the
 * simplest safe way, with nothing stored, and a leaked path opens that one photo for at most two hours.
 * The expiry is rounded up to the next whole window so a deal read twice names the same URL (the
 * browser's cache keeps working) while it still ends within two windows.
 */
export class TradeInPhotoLinks {
  private readonly clock: () => Date;
  private readonly signer: HmacSigner;

  constructor(options: TradeInPhotoLinksOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.signer = new HmacSigner(options.secret, 'trade-in-photo');
  }

  /** The desk's route to a photo (deals:read). */
  static deskPath(dealId: string, photoId: string): string {
    return `/api/retail/deals/${dealId}/trade-in/photos/${photoId}`;
  }

  /** The shopper's signed path to a photo. */
  shopperPath(target: PhotoLinkTarget): string {
    const now = Math.floor(this.clock().getTime() / 1000);
    const expiry = (Math.floor(now / WINDOW_SECONDS) + 2) * WINDOW_SECONDS;
    const { dealershipId, dealId, photoId } = target;
    return (
      `/api/retail/public/dealerships/${dealershipId}/deals/${dealId}/trade-in/photos/${photoId}` +
      `?sig=${expiry}.${this.signer.sign(partsOf(target, expiry))}`
    );
  }

  /** True when `sig` was issued for this photo and has not expired. */
  verify(target: PhotoLinkTarget, sig: string): boolean {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(sig);
    if (!match) return false;
    const expiry = Number(match[1]);
    if (!this.signer.verify(partsOf(target, expiry), match[2] as string)) return false;
    return expiry * 1000 > this.clock().getTime();
  }
}

/** What a photo link signs: the dealership, deal, photo and expiry. */
const partsOf = ({ dealershipId, dealId, photoId }: PhotoLinkTarget, expiry: number) => [
  dealershipId,
  dealId,
  photoId,
  expiry,
];

import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signature is for; part of what is signed, so one purpose's signature never passes as another's. */
export type SignaturePurpose = 'deal-link' | 'trade-in-photo';

/**
 * HMAC-SHA256 under DEAL_LINK_SECRET for one purpose: the signer of the shopper's e-mailed deal
 * links and of the trade-in photo paths. It signs `<purpose>|<part>|<part>…` (ids lowercased), and
 * compares in constant time, so every use is separated by purpose and none compares by hand.
 */
export class HmacSigner {
  constructor(
    private readonly secret: string,
    private readonly purpose: SignaturePurpose,
  ) {}

  /** The signature of these parts (base64url, 43 characters). */
  sign(parts: ReadonlyArray<string | number>): string {
    const text = [this.purpose, ...parts.map((part) => String(part).toLowerCase())].join('|');
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }

  /** True when `signature` is this signer's signature of these parts. */
  verify(parts: ReadonlyArray<string | number>, signature: string): boolean {
    const expected = Buffer.from(this.sign(parts));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

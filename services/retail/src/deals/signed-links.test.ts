import { describe, expect, it } from 'vitest';
import { HmacSigner } from './hmac-signer';
import { SignedLinks } from './signed-links';

const dealershipId = '2f0c6a1e-8c1b-4f4e-9d1a-0a1b2c3d4e5f';
const dealId = '7d9e2b3c-4a5f-4b6c-8d7e-9f0a1b2c3d4e';
const otherDeal = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const secret = 'a-test-secret-that-is-long-enough-32+';

describe('an e-mailed deal link', () => {
  it('opens the deal it was signed for until it expires, and nothing else', () => {
    let now = new Date('2026-12-06T12:00:00Z');
    const links = new SignedLinks({ secret, ttlHours: 72, clock: () => now });
    const { url, expiresAt } = links.linkTo('https://www.dealer.example', dealershipId, dealId, 2);
    expect(expiresAt.toISOString()).toBe('2026-12-09T12:00:00.000Z');
    const link = new URL(url);
    expect(`${link.origin}${link.pathname}`).toBe(`https://www.dealer.example/deals/${dealId}`);
    const token = link.searchParams.get('access') as string;

    expect(links.verify(dealershipId, dealId, token)).toMatchObject({ offerVersion: 2 });
    expect(links.verify(dealershipId, otherDeal, token)).toBeNull();
    expect(links.verify(otherDeal, dealId, token)).toBeNull();
    expect(
      new SignedLinks({ secret: `${secret}!`, ttlHours: 72 }).verify(dealershipId, dealId, token),
    ).toBeNull();
    // Changing the version or the expiry in the token breaks its signature.
    expect(links.verify(dealershipId, dealId, token.replace('l1.2.', 'l1.3.'))).toBeNull();
    const [prefix, version, expiry, mac] = token.split('.');
    expect(
      links.verify(dealershipId, dealId, [prefix, version, Number(expiry) + 3600, mac].join('.')),
    ).toBeNull();

    now = new Date('2026-12-09T11:59:59Z');
    expect(links.verify(dealershipId, dealId, token)).not.toBeNull();
    now = new Date('2026-12-09T12:00:00Z');
    expect(links.verify(dealershipId, dealId, token)).toBeNull();
  });

  it('keeps a site URL’s trailing slash from doubling in the link', () => {
    const links = new SignedLinks({ secret, ttlHours: 1 });
    expect(links.linkTo('https://www.dealer.example/', dealershipId, dealId, 1).url).toMatch(
      new RegExp(`^https://www\\.dealer\\.example/deals/${dealId}\\?access=l1\\.`),
    );
  });
});

describe('the signer of deal links and photo paths', () => {
  it('never lets one purpose’s signature pass for another’s over the same parts', () => {
    const parts = [dealershipId, dealId, 2, 1_800_000_000];
    const dealLinks = new HmacSigner(secret, 'deal-link');
    const photos = new HmacSigner(secret, 'trade-in-photo');
    const signature = dealLinks.sign(parts);

    expect(dealLinks.verify(parts, signature)).toBe(true);
    expect(dealLinks.verify([dealershipId.toUpperCase(), dealId, 2, 1_800_000_000], signature)).toBe(true);
    expect(photos.verify(parts, signature)).toBe(false);
    expect(dealLinks.verify([dealershipId, dealId, 3, 1_800_000_000], signature)).toBe(false);
    expect(dealLinks.verify(parts, signature.slice(1))).toBe(false);
  });
});

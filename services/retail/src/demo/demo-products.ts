import { createHash } from 'node:crypto';
import type { ProductKind, ProtectionProductInput } from '@showroom/contracts';

/** The F&I menu every demo rooftop offers: the four products dealers sell most, priced per term. */
export const DEMO_PRODUCTS: readonly ProtectionProductInput[] = [
  {
    kind: 'service-contract',
    name: 'Powertrain & Beyond service contract',
    description:
      'Covers repairs of the engine, transmission, drive axles, steering, brakes and electrics after the factory warranty, with roadside assistance and a rental car while yours is in the shop.',
    options: [
      { termMonths: 36, priceCents: 169_500 },
      { termMonths: 48, priceCents: 199_500 },
      { termMonths: 60, priceCents: 229_500 },
      { termMonths: 72, priceCents: 259_500 },
    ],
    active: true,
  },
  {
    kind: 'gap',
    name: 'GAP protection',
    description:
      'If the car is stolen or totalled, pays the difference between what your insurer pays and what you still owe on the loan or lease.',
    options: [
      { termMonths: 36, priceCents: 59_500 },
      { termMonths: 48, priceCents: 69_500 },
      { termMonths: 60, priceCents: 79_500 },
      { termMonths: 72, priceCents: 89_500 },
    ],
    active: true,
  },
  {
    kind: 'maintenance',
    name: 'Prepaid maintenance',
    description:
      'Oil and filter changes, tyre rotations and multi-point inspections at the manufacturer’s intervals.',
    options: [
      { termMonths: 24, priceCents: 59_500 },
      { termMonths: 36, priceCents: 84_500 },
      { termMonths: 48, priceCents: 109_500 },
    ],
    active: true,
  },
  {
    kind: 'tire-wheel',
    name: 'Tyre & wheel protection',
    description:
      'Repairs or replaces tyres and wheels damaged by road hazards: potholes, nails, glass and debris.',
    options: [
      { termMonths: 36, priceCents: 49_500 },
      { termMonths: 60, priceCents: 79_500 },
    ],
    active: true,
  },
];

/**
 * A demo product's id, the same on every run (e2e stories and links can name it): a UUID (version
 * 4 layout) from a hash of the dealership and the product kind.
 */
export function demoProductId(dealershipId: string, kind: ProductKind): string {
  const hex = createHash('sha256').update(`retail-demo-product|${dealershipId}|${kind}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

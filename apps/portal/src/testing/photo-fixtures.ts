import type { PhotoVariantUrls, VehiclePhoto } from '@showroom/contracts';

/** Test photos: ids `p1`, `p2`, … with media URLs that name them. No test framework here either. */

export function photoUrls(name: string): PhotoVariantUrls {
  const base = `http://localhost:4200/media/photos/d/v/${name}`;
  return {
    thumbnail: { webp: `${base}-thumbnail.webp`, jpeg: `${base}-thumbnail.jpg` },
    card: { webp: `${base}-card.webp`, jpeg: `${base}-card.jpg` },
    full: { webp: `${base}-full.webp`, jpeg: `${base}-full.jpg` },
  };
}

export function photo(id: string, overrides: Partial<VehiclePhoto> = {}): VehiclePhoto {
  return {
    id,
    vehicleId: 'v-1',
    position: 0,
    hero: false,
    width: 1600,
    height: 1200,
    bytes: 345_678,
    contentHash: `${id}0123456789abcdef`.slice(0, 16),
    source: 'upload',
    originalName: `${id}.jpg`,
    urls: photoUrls(id),
    createdAt: '2026-12-06T10:00:00.000Z',
    ...overrides,
  };
}

/** `count` photos in order, the first one the hero. */
export function photos(count: number): VehiclePhoto[] {
  return Array.from({ length: count }, (_, index) =>
    photo(`p${index + 1}`, { position: index, hero: index === 0 }),
  );
}

import type { VehiclePhoto } from '@showroom/contracts';

/** The photos with the one at `from` moved to `to` (both clamped), positions renumbered from 0. */
export function movePhoto(photos: readonly VehiclePhoto[], from: number, to: number): VehiclePhoto[] {
  const last = photos.length - 1;
  const source = clamp(from, 0, last);
  const target = clamp(to, 0, last);
  const moved = [...photos];
  if (source !== target) moved.splice(target, 0, ...moved.splice(source, 1));
  return moved.map((photo, position) => (photo.position === position ? photo : { ...photo, position }));
}

/** The ids in the order shown: what the service is sent when the dealer reorders. */
export function photoIds(photos: readonly VehiclePhoto[]): string[] {
  return photos.map((photo) => photo.id);
}

/** The photos with `photoId` as the one hero (there is only ever one). */
export function withHero(photos: readonly VehiclePhoto[], photoId: string): VehiclePhoto[] {
  return photos.map((photo) =>
    photo.hero === (photo.id === photoId) ? photo : { ...photo, hero: photo.id === photoId },
  );
}

/** The hero, or the first photo when none is marked (what shoppers see first either way). */
export function heroOf(photos: readonly VehiclePhoto[]): VehiclePhoto | null {
  return photos.find((photo) => photo.hero) ?? photos[0] ?? null;
}

/**
 * A photo that arrived (an upload, the robot) added to the ones shown: in its place by position, once
 * (a duplicate upload answers a photo the vehicle already has), the only hero if it is one.
 */
export function withPhoto(photos: readonly VehiclePhoto[], photo: VehiclePhoto): VehiclePhoto[] {
  const others = photos.filter((shown) => shown.id !== photo.id);
  const merged = [...(photo.hero ? withHero(others, photo.id) : others), photo];
  return merged.sort((a, b) => a.position - b.position);
}

/**
 * The photos with those of `ids` in that order, in the places they hold now: files sent side by side
 * arrive in any order, and the dealer dropped them in the order they meant. Null when nothing changes
 * or some of them are gone meanwhile (deleted, or the photos were read again).
 */
export function inDroppedOrder(
  photos: readonly VehiclePhoto[],
  ids: readonly string[],
): VehiclePhoto[] | null {
  const wanted = new Set(ids);
  const places = photos.flatMap((photo, place) => (wanted.has(photo.id) ? [place] : []));
  if (places.length !== ids.length) return null;
  const byId = new Map(photos.map((photo) => [photo.id, photo]));
  const arranged = [...photos];
  places.forEach((place, index) => (arranged[place] = byId.get(ids[index]) as VehiclePhoto));
  if (arranged.every((photo, place) => photo === photos[place])) return null;
  return arranged.map((photo, position) => (photo.position === position ? photo : { ...photo, position }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * One photo back or on, with its chevron: the arranger's "one place earlier/later" buttons and the
 * larger view's "previous/next photo" steps.
 */
export const PHOTO_STEPS = [
  { by: -1, icon: 'chevron-left', place: 'earlier', photo: 'previous' },
  { by: 1, icon: 'chevron-right', place: 'later', photo: 'next' },
] as const;

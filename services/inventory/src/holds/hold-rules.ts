import type { VehicleStatus } from '@showroom/contracts';

/** A vehicle as far as an online hold is concerned. */
export interface HoldState {
  status: VehicleStatus;
  reservationId: string | null;
  heldUntil: Date | null;
}

/** What a hold asks for: a reservation, and until when it keeps the vehicle. */
export interface HoldRequest {
  reservationId: string;
  until: Date;
}

export type HoldDecision =
  /** The vehicle goes on hold for this reservation (status pending). */
  | { kind: 'hold' }
  /** This reservation holds it already: a retry, answered as the first time. */
  | { kind: 'held-already'; until: Date }
  | { kind: 'unavailable'; reason: string };

/**
 * Whether a reservation may hold the vehicle. Only a vehicle on sale can be held; a hold whose time
 * is up no longer keeps the vehicle from another reservation (its release may simply not have
 * arrived), while one the dealer set pending by hand, or that is sold or archived, stays theirs.
 */
export function decideHold(state: HoldState, request: HoldRequest, now: Date): HoldDecision {
  if (state.reservationId === request.reservationId && state.status === 'pending') {
    return { kind: 'held-already', until: state.heldUntil ?? request.until };
  }
  if (state.status === 'available') return { kind: 'hold' };
  if (state.status === 'pending' && state.reservationId !== null) {
    if (state.heldUntil !== null && state.heldUntil <= now) return { kind: 'hold' };
    return { kind: 'unavailable', reason: 'is on hold for another reservation' };
  }
  return {
    kind: 'unavailable',
    reason: state.status === 'pending' ? 'is pending a sale' : `is ${state.status}`,
  };
}

/**
 * What releasing a reservation's hold changes: nothing unless that reservation holds the vehicle; a
 * held vehicle goes back on sale, while one the dealer marked sold (or otherwise moved) meanwhile
 * keeps its status and only forgets the hold.
 */
export function releasedStatus(state: HoldState, reservationId: string): VehicleStatus | null {
  if (state.reservationId !== reservationId) return null;
  return state.status === 'pending' ? 'available' : state.status;
}

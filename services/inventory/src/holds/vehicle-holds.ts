import type { VehicleHold, VehicleHoldInput } from '@showroom/contracts';
import type { TenantCache } from '@showroom/server-cache';
import { problems } from '@showroom/server-kit';
import { decideHold, releasedStatus, type HoldDecision } from './hold-rules';
import type { VehicleHoldRepository } from './hold-repository';

/**
 * Holds a vehicle for a shopper's online reservation (retail calls these): the vehicle is pending
 * while the reservation lasts, and goes back on sale when that reservation releases it.
 */
export class VehicleHolds {
  constructor(
    private readonly holds: VehicleHoldRepository,
    private readonly cache: TenantCache,
    /** Told after a committed change, so this instance's search index catches up before the answer. */
    private readonly changed: () => Promise<void>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Puts the vehicle on hold for the reservation; the same reservation again gets the same answer. */
  async hold(dealershipId: string, vehicleId: string, input: VehicleHoldInput): Promise<VehicleHold> {
    const request = { reservationId: input.reservationId, until: new Date(input.until) };
    let decision: HoldDecision | undefined;
    const state = await this.holds.change(dealershipId, vehicleId, (current) => {
      decision = decideHold(current, request, this.clock());
      return decision.kind === 'hold'
        ? { status: 'pending', reservationId: request.reservationId, heldUntil: request.until }
        : null;
    });
    if (!state || !decision) throw problems.notFound(`Vehicle ${vehicleId}`);
    if (decision.kind === 'unavailable') {
      throw problems.conflict(`Vehicle ${vehicleId} cannot be held: it ${decision.reason}.`, [
        { name: 'vehicleId', reason: decision.reason },
      ]);
    }
    if (decision.kind === 'hold') await this.afterChange(dealershipId);
    return {
      vehicleId,
      reservationId: request.reservationId,
      until: (decision.kind === 'held-already' ? decision.until : request.until).toISOString(),
    };
  }

  /** Ends the reservation's hold, if it still holds the vehicle; harmless to repeat. */
  async release(dealershipId: string, vehicleId: string, reservationId: string): Promise<void> {
    let released = false;
    const state = await this.holds.change(dealershipId, vehicleId, (current) => {
      const status = releasedStatus(current, reservationId);
      released = status !== null;
      return status === null ? null : { status, reservationId: null, heldUntil: null };
    });
    if (!state) throw problems.notFound(`Vehicle ${vehicleId}`);
    if (released) await this.afterChange(dealershipId);
  }

  private async afterChange(dealershipId: string): Promise<void> {
    await Promise.all([this.cache.invalidate(dealershipId), this.changed()]);
  }
}

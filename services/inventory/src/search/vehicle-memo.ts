import type { Vehicle } from '@showroom/contracts';
import type { IndexGenerations } from './page-cache';
import type { VehicleRef } from './port';

interface Remembered {
  vehicle: Vehicle;
  generation: string;
  readAt: number;
}

export interface VehicleMemoOptions {
  /** Most vehicles kept; the least recently used go first. */
  maxVehicles: number;
  /** Longest a vehicle is kept even when nothing changes: days in stock move on with the clock. */
  ttlMs: number;
  now?: () => number;
}

/**
 * The vehicles search hits were last read as, in process memory, each valid while its rooftop's
 * index generation stands: a change the index applies to the rooftop retires them, as it retires
 * the rooftop's cached pages. Saves the MySQL read of hits that recent searches already read.
 */
export class VehicleMemo {
  private readonly vehicles = new Map<string, Remembered>();

  constructor(
    private readonly generations: IndexGenerations,
    private readonly options: VehicleMemoOptions,
  ) {}

  /** The vehicles of `refs` still valid here, and the refs that must be read. */
  recall(refs: readonly VehicleRef[]): { known: Vehicle[]; missing: VehicleRef[] } {
    const now = this.now();
    const known: Vehicle[] = [];
    const missing: VehicleRef[] = [];
    for (const ref of refs) {
      const remembered = this.vehicles.get(ref.id);
      const valid =
        remembered &&
        remembered.vehicle.dealershipId === ref.dealershipId &&
        remembered.generation === this.generations.of([ref.dealershipId]) &&
        now - remembered.readAt < this.options.ttlMs;
      if (valid) known.push(remembered.vehicle);
      else missing.push(ref);
    }
    return { known, missing };
  }

  /**
   * Keeps vehicles read under `generations` (taken before the read began, so a change the index
   * applied meanwhile makes them stale at once rather than hiding it).
   */
  remember(vehicles: readonly Vehicle[], generations: ReadonlyMap<string, string>): void {
    const now = this.now();
    for (const vehicle of vehicles) {
      const generation = generations.get(vehicle.dealershipId);
      if (generation === undefined) continue;
      this.vehicles.delete(vehicle.id);
      this.vehicles.set(vehicle.id, { vehicle, generation, readAt: now });
    }
    for (const id of this.vehicles.keys()) {
      if (this.vehicles.size <= this.options.maxVehicles) break;
      this.vehicles.delete(id);
    }
  }

  /** The generations of these rooftops now: take them before reading. */
  generationsOf(dealershipIds: Iterable<string>): Map<string, string> {
    return new Map([...new Set(dealershipIds)].map((id) => [id, this.generations.of([id])]));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

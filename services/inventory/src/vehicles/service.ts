import { randomUUID } from 'node:crypto';
import {
  checkYearAgainstVin,
  decodeVin,
  STOCK_NUMBER_LETTER,
  type Vehicle,
  type VehicleCondition,
  type VehicleInputParsed,
  type PublicVehicle,
  type VehicleUpdateParsed,
  type VinDecodingResponse,
} from '@showroom/contracts';
import { invalidParamsOf, problems } from '@showroom/server-kit';
import { isDuplicateKeyError } from '@showroom/server-mysql';
import type { TenantCache } from '@showroom/server-cache';
import { z } from 'zod';
import type { VehicleRef } from '../search/port';
import { isForSale, toPublicVehicle } from './public-vehicle';
import { columnsFromInput, newVehicleRow, vehicleFromRow } from './vehicle-row';
import type { VehicleLookupRef, VehicleRepository, VehicleRow } from './repository';
import type { PhotoUrls } from '../photos/photo-keys';

const FIRST_STOCK_NUMBER = 1001;

/** The inventory rules of one dealership's lot. Knows nothing of HTTP. */
export class VehicleService {
  constructor(
    private readonly vehicles: VehicleRepository,
    private readonly cache: TenantCache,
    private readonly clock: () => Date = () => new Date(),
    /** Told after every committed change, so this instance's search index catches up before the answer. */
    private readonly changed: () => Promise<void> = async () => undefined,
    /** Where hero photos are served. */
    private readonly photoUrls: PhotoUrls,
  ) {}

  /** Today's vehicles a search named (read from a replica), for the rooftops it searched. */
  async vehiclesByRef(refs: readonly VehicleRef[]): Promise<Vehicle[]> {
    const idsByDealership = new Map<string, string[]>();
    for (const ref of refs) {
      const ids = idsByDealership.get(ref.dealershipId);
      if (ids) ids.push(ref.id);
      else idsByDealership.set(ref.dealershipId, [ref.id]);
    }
    const rows = (
      await Promise.all(
        [...idsByDealership].map(([dealershipId, ids]) => this.vehicles.findManyByIds(dealershipId, ids)),
      )
    ).flat();
    const now = this.clock();
    return rows.map((row) => vehicleFromRow(row, now, this.photoUrls));
  }

  /** A vehicle a website may show: published and available, or a 404 as if it did not exist. */
  async publicVehicle(dealershipId: string, id: string): Promise<PublicVehicle> {
    const row = await this.vehicles.findById(dealershipId, id);
    const vehicle = row ? vehicleFromRow(row, this.clock(), this.photoUrls) : null;
    if (!vehicle || !isForSale(vehicle)) {
      throw problems.notFound(`Vehicle ${id} for sale at dealership ${dealershipId}`);
    }
    return toPublicVehicle(vehicle);
  }

  /** Cached: one vehicle as JSON bytes, or a 404 when it is not this dealership's. */
  async getVehicle(dealershipId: string, id: string): Promise<Buffer> {
    const json = await this.cache.getOrLoad(dealershipId, `vehicle:${id}`, async () => {
      const row = await this.vehicles.findById(dealershipId, id);
      return row ? vehicleFromRow(row, this.clock(), this.photoUrls) : null;
    });
    if (json.length === 4 && json.toString() === 'null') throw problems.notFound(`Vehicle ${id}`);
    return json;
  }

  /** The vehicle another service names by VIN, stock number or id, or a 404 when this dealership has none. */
  async lookUp(dealershipId: string, ref: VehicleLookupRef): Promise<Vehicle> {
    const row = await this.vehicles.findForLookup(dealershipId, ref);
    if (!row)
      throw problems.notFound(
        'vin' in ref
          ? `Vehicle with VIN ${ref.vin}`
          : 'id' in ref
            ? `Vehicle ${ref.id}`
            : `Stock number ${ref.stockNumber}`,
      );
    return vehicleFromRow(row, this.clock(), this.photoUrls);
  }

  async addVehicle(dealershipId: string, input: VehicleInputParsed): Promise<Vehicle> {
    await this.assertStockNumberFree(dealershipId, input.stockNumber);
    await this.assertVinNotOnLot(dealershipId, input.vin);
    const id = randomUUID();
    try {
      await this.vehicles.insert(newVehicleRow(id, dealershipId, input, this.clock()));
    } catch (error) {
      throw this.stockNumberClashOr(error, input.stockNumber);
    }
    await this.afterChange(dealershipId);
    return this.mustFind(dealershipId, id);
  }

  /** An edit based on `expectedVersion`; someone else's newer edit makes it fail with 412. */
  async updateVehicle(
    dealershipId: string,
    id: string,
    expectedVersion: number,
    changes: VehicleUpdateParsed,
  ): Promise<Vehicle> {
    const current = await this.mustFindRow(dealershipId, id);
    if (current.version !== expectedVersion) throw this.staleEdit(current);
    this.assertYearMatchesVin({ vin: changes.vin ?? current.vin, year: changes.year ?? current.year });
    if (changes.stockNumber !== undefined && changes.stockNumber !== current.stock_number) {
      await this.assertStockNumberFree(dealershipId, changes.stockNumber);
    }
    if (changes.vin !== undefined && changes.vin !== current.vin)
      await this.assertVinNotOnLot(dealershipId, changes.vin);
    let updated: boolean;
    try {
      updated = await this.vehicles.updateIfVersion(
        dealershipId,
        id,
        expectedVersion,
        columnsFromInput(changes),
      );
    } catch (error) {
      throw this.stockNumberClashOr(error, changes.stockNumber ?? current.stock_number);
    }
    if (!updated) throw this.staleEdit(await this.mustFindRow(dealershipId, id));
    await this.afterChange(dealershipId);
    return this.mustFind(dealershipId, id);
  }

  async removeVehicle(dealershipId: string, id: string, expectedVersion: number): Promise<void> {
    const deleted = await this.vehicles.deleteIfVersion(dealershipId, id, expectedVersion);
    if (!deleted) throw this.staleEdit(await this.mustFindRow(dealershipId, id));
    await this.afterChange(dealershipId);
  }

  private async afterChange(dealershipId: string): Promise<void> {
    await Promise.all([this.cache.invalidate(dealershipId), this.changed()]);
  }

  async suggestStockNumber(dealershipId: string, condition: VehicleCondition): Promise<string> {
    const letter = STOCK_NUMBER_LETTER[condition];
    const highest = await this.vehicles.highestStockNumber(dealershipId, letter);
    return `${letter}${Math.max(FIRST_STOCK_NUMBER, (highest ?? 0) + 1)}`;
  }

  async decode(dealershipId: string, vin: string): Promise<VinDecodingResponse> {
    const decoding = decodeVin(vin);
    const existing = decoding.valid
      ? await this.vehicles.findInStockByVin(dealershipId, decoding.vin)
      : undefined;
    return { ...decoding, existingVehicleId: existing?.id ?? null };
  }

  private async mustFindRow(dealershipId: string, id: string): Promise<VehicleRow> {
    const row = await this.vehicles.findById(dealershipId, id);
    if (!row) throw problems.notFound(`Vehicle ${id}`);
    return row;
  }

  private async mustFind(dealershipId: string, id: string): Promise<Vehicle> {
    return vehicleFromRow(await this.mustFindRow(dealershipId, id), this.clock(), this.photoUrls);
  }

  private staleEdit(current: VehicleRow) {
    return problems.preconditionFailed(
      `Vehicle ${current.stock_number} was changed by someone else (now version ${current.version}). Reload it and apply your change again.`,
    );
  }

  private assertYearMatchesVin(value: { vin: string; year: number }): void {
    const result = z
      .object({ vin: z.string(), year: z.number() })
      .superRefine(checkYearAgainstVin)
      .safeParse(value);
    if (!result.success) throw problems.validation(invalidParamsOf(result.error));
  }

  private async assertStockNumberFree(dealershipId: string, stockNumber: string): Promise<void> {
    const holder = await this.vehicles.findByStockNumber(dealershipId, stockNumber);
    if (holder) throw await this.stockNumberTaken(dealershipId, stockNumber, holder.vehicle_condition);
  }

  private async assertVinNotOnLot(dealershipId: string, vin: string): Promise<void> {
    const onLot = await this.vehicles.findInStockByVin(dealershipId, vin);
    if (onLot) {
      throw problems.conflict(`VIN ${vin} is already in stock as ${onLot.stock_number}.`, [
        { name: 'vin', reason: `already in stock as ${onLot.stock_number}` },
      ]);
    }
  }

  private async stockNumberTaken(dealershipId: string, stockNumber: string, condition: VehicleCondition) {
    const suggestion = await this.suggestStockNumber(dealershipId, condition);
    return problems.conflict(
      `Stock number ${stockNumber} is already used in this dealership; ${suggestion} is free.`,
      [{ name: 'stockNumber', reason: `already used; ${suggestion} is free` }],
    );
  }

  private stockNumberClashOr(error: unknown, stockNumber: string): unknown {
    return isDuplicateKeyError(error, 'vehicles_stock_number_per_dealership')
      ? problems.conflict(`Stock number ${stockNumber} is already used in this dealership.`, [
          { name: 'stockNumber', reason: 'already used' },
        ])
      : error;
  }
}

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { forDealership, isDuplicateKeyError, type DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase, VehiclePhotoTable } from '../database';
import { withVehicleChange } from '../vehicles/repository';
import { recordMediaDeletion } from './media-deletions';
import { photoObjectsPrefix } from './photo-keys';

export type PhotoRow = Selectable<VehiclePhotoTable>;
export type NewPhotoRow = Omit<Insertable<VehiclePhotoTable>, 'dealership_id' | 'position'>;

/** A vehicle as its photos see it: which one is the hero, and how many there are. */
export interface PhotoHolder {
  hero_photo_key: string | null;
  photo_count: number;
}

export type AddOutcome =
  | { kind: 'added'; row: PhotoRow; heroKey: string }
  | { kind: 'duplicate'; row: PhotoRow; heroKey: string | null }
  | { kind: 'full' }
  | { kind: 'noVehicle' };

/** SQL for vehicle photos; every change also writes the vehicle's row in the change feed. */
export class PhotoRepository {
  constructor(
    private readonly writer: Kysely<InventoryDatabase>,
    private readonly reader: Kysely<InventoryDatabase>,
  ) {}

  /** Reads the writer: an upload checks it right before its own write. */
  async holder(dealershipId: string, vehicleId: string): Promise<PhotoHolder | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .select(['hero_photo_key', 'photo_count'])
      .where('id', '=', vehicleId)
      .executeTakeFirst();
  }

  async findByHash(
    dealershipId: string,
    vehicleId: string,
    contentHash: string,
  ): Promise<PhotoRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicle_photos')
      .selectAll()
      .where('vehicle_id', '=', vehicleId)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
  }

  /** In gallery order; `fromReplica` for public pages, where a moment's lag is harmless. */
  async list(dealershipId: string, vehicleId: string, fromReplica = false): Promise<PhotoRow[]> {
    return forDealership(fromReplica ? this.reader : this.writer, dealershipId)
      .selectFrom('vehicle_photos')
      .selectAll()
      .where('vehicle_id', '=', vehicleId)
      .orderBy('position')
      .execute();
  }

  /**
   * Adds the photo at the end of the gallery unless the vehicle is gone, already has `max` photos or
   * already has this file (a concurrent upload of it won). The vehicle row is locked meanwhile, so
   * two uploads cannot both take the last place; the first photo becomes the hero.
   */
  async add(dealershipId: string, row: NewPhotoRow, max: number): Promise<AddOutcome> {
    try {
      return await changeOf(
        this.writer,
        dealershipId,
        row.vehicle_id,
        async (tenant: DealershipQueries<InventoryDatabase>) => {
          const holder = await lockHolder(tenant, row.vehicle_id);
          if (!holder) throw new NoChange({ kind: 'noVehicle' });
          if (holder.photo_count >= max) throw new NoChange({ kind: 'full' });
          const added = { ...row, position: holder.photo_count };
          await tenant.insertInto('vehicle_photos').values(added).execute();
          const heroKey = holder.hero_photo_key ?? row.key_base;
          await tenant
            .updateTable('vehicles')
            .set({ photo_count: holder.photo_count + 1, hero_photo_key: heroKey })
            .where('id', '=', row.vehicle_id)
            .execute();
          const stored = await tenant
            .selectFrom('vehicle_photos')
            .selectAll()
            .where('id', '=', row.id)
            .executeTakeFirstOrThrow();
          return { kind: 'added', row: stored, heroKey };
        },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error, 'vehicle_photos_once_per_vehicle')) throw error;
      const existing = await this.findByHash(dealershipId, row.vehicle_id, row.content_hash);
      if (!existing) throw error;
      const holder = await this.holder(dealershipId, row.vehicle_id);
      return { kind: 'duplicate', row: existing, heroKey: holder?.hero_photo_key ?? null };
    }
  }

  /**
   * Puts the photos named in `photoIds` first, in that order; the vehicle's other photos (ones that
   * arrived after the dealer's screen was drawn: an upload still being answered, the robot) keep their
   * relative order after them. False when an id is not one of the vehicle's photos.
   */
  async reorder(
    dealershipId: string,
    vehicleId: string,
    photoIds: readonly string[],
  ): Promise<boolean | null> {
    return changeOf(
      this.writer,
      dealershipId,
      vehicleId,
      async (tenant: DealershipQueries<InventoryDatabase>) => {
        if (!(await lockHolder(tenant, vehicleId))) throw new NoChange(null);
        const current = await tenant
          .selectFrom('vehicle_photos')
          .select('id')
          .where('vehicle_id', '=', vehicleId)
          .orderBy('position')
          .execute();
        const known = new Set(current.map((photo) => photo.id));
        if (photoIds.some((id) => !known.has(id))) throw new NoChange(false);
        const listed = new Set(photoIds);
        const order = [...photoIds, ...current.map((photo) => photo.id).filter((id) => !listed.has(id))];
        if (order.length === 0) throw new NoChange(true);
        const position = sql<number>`CASE id ${sql.join(
          order.map((id, index) => sql`WHEN ${id} THEN ${index}`),
          sql` `,
        )} END`;
        await tenant
          .updateTable('vehicle_photos')
          .set({ position })
          .where('vehicle_id', '=', vehicleId)
          .execute();
        return true;
      },
    );
  }

  /** Makes the photo the vehicle's hero; null when the vehicle has no such photo. */
  async setHero(dealershipId: string, vehicleId: string, photoId: string): Promise<PhotoRow | null> {
    return changeOf(
      this.writer,
      dealershipId,
      vehicleId,
      async (tenant: DealershipQueries<InventoryDatabase>) => {
        if (!(await lockHolder(tenant, vehicleId))) throw new NoChange(null);
        const photo = await findPhoto(tenant, vehicleId, photoId);
        if (!photo) throw new NoChange(null);
        await tenant
          .updateTable('vehicles')
          .set({ hero_photo_key: photo.key_base })
          .where('id', '=', vehicleId)
          .execute();
        return photo;
      },
    );
  }

  /**
   * Removes the photo and closes the gap in the order; a removed hero passes to the first photo left.
   * Its objects are recorded for deletion in the same transaction. The removed row, or null when the
   * vehicle has no such photo.
   */
  async remove(dealershipId: string, vehicleId: string, photoId: string): Promise<PhotoRow | null> {
    return changeOf(
      this.writer,
      dealershipId,
      vehicleId,
      async (tenant: DealershipQueries<InventoryDatabase>) => {
        const holder = await lockHolder(tenant, vehicleId);
        if (!holder) throw new NoChange(null);
        const photo = await findPhoto(tenant, vehicleId, photoId);
        if (!photo) throw new NoChange(null);
        await tenant.deleteFrom('vehicle_photos').where('id', '=', photoId).execute();
        await recordMediaDeletion(tenant, photoObjectsPrefix(photo.key_base));
        await tenant
          .updateTable('vehicle_photos')
          .set({ position: sql<number>`position - 1` })
          .where('vehicle_id', '=', vehicleId)
          .where('position', '>', photo.position)
          .execute();
        let hero = holder.hero_photo_key;
        if (hero === photo.key_base) {
          const first = await tenant
            .selectFrom('vehicle_photos')
            .select('key_base')
            .where('vehicle_id', '=', vehicleId)
            .orderBy('position')
            .executeTakeFirst();
          hero = first?.key_base ?? null;
        }
        await tenant
          .updateTable('vehicles')
          .set({ photo_count: Math.max(0, holder.photo_count - 1), hero_photo_key: hero })
          .where('id', '=', vehicleId)
          .execute();
        return photo;
      },
    );
  }
}

/** Thrown inside a change to roll it back (no change row either) and answer `outcome`. */
class NoChange {
  constructor(readonly outcome: unknown) {}
}

/** A photo change with its change-feed row, or, when it throws NoChange, nothing at all. */
async function changeOf<T>(
  writer: Kysely<InventoryDatabase>,
  dealershipId: string,
  vehicleId: string,
  write: (tenant: DealershipQueries<InventoryDatabase>) => Promise<T>,
): Promise<T> {
  try {
    return await withVehicleChange(writer, dealershipId, vehicleId, write);
  } catch (error) {
    if (error instanceof NoChange) return error.outcome as T;
    throw error;
  }
}

/** The vehicle row, locked until the transaction ends: photo changes of one vehicle take turns. */
const lockHolder = (
  tenant: DealershipQueries<InventoryDatabase>,
  vehicleId: string,
): Promise<PhotoHolder | undefined> =>
  tenant
    .selectFrom('vehicles')
    .select(['hero_photo_key', 'photo_count'])
    .where('id', '=', vehicleId)
    .forUpdate()
    .executeTakeFirst();

const findPhoto = (
  tenant: DealershipQueries<InventoryDatabase>,
  vehicleId: string,
  photoId: string,
): Promise<PhotoRow | undefined> =>
  tenant
    .selectFrom('vehicle_photos')
    .selectAll()
    .where('vehicle_id', '=', vehicleId)
    .where('id', '=', photoId)
    .executeTakeFirst();

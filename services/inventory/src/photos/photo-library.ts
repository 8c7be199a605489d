import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  MAX_PHOTOS_PER_VEHICLE,
  PROBLEM_TYPES,
  type InvalidParam,
  type PhotoSource,
  type PhotoVariantUrls,
  type VehiclePhoto,
} from '@showroom/contracts';
import type { TenantCache } from '@showroom/server-cache';
import { HttpProblem, problems } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import { contentHashOf, PhotoRejected, preparePhoto, type PreparedPhoto } from './image-pipeline';
import {
  CONTENT_TYPES,
  PHOTO_CACHE_CONTROL,
  photoKeyBase,
  photoObjectsPrefix,
  variantKey,
  vehiclePhotoPrefix,
  type PhotoUrls,
} from './photo-keys';
import type { MediaDeletions } from './media-deletions';
import type { PhotoRepository, PhotoRow } from './photo-repository';

export interface PhotoInput {
  bytes: Buffer;
  /** The file's name as the dealer (or the URL) gave it: problems name the file by it. */
  name: string;
  source: PhotoSource;
  sourceUrl?: string;
}

/** 422 for files that are not usable photos, each named in `invalidParams`. */
export function notUsablePhoto(detail: string, invalidParams: InvalidParam[]): HttpProblem {
  return new HttpProblem(422, PROBLEM_TYPES.invalidImage, 'Not a usable photo', detail, invalidParams);
}

/** A file that is not a usable photo: 422, naming the file. */
export function photoRejection(name: string, reason: string): HttpProblem {
  return notUsablePhoto(`${name} ${reason}.`, [{ name: 'photo', reason: `${name} ${reason}` }]);
}

/** The longest an answer waits for this instance's search pages to show the photo change. */
const SEARCH_CATCH_UP_WAIT_MS = 300;

const tooMany = (name: string) =>
  problems.conflict(`The vehicle already has ${MAX_PHOTOS_PER_VEHICLE} photos; ${name} was not added.`, [
    {
      name: 'photo',
      reason: `${name} was not added: the vehicle already has ${MAX_PHOTOS_PER_VEHICLE} photos`,
    },
  ]);

/** A vehicle's photos: checked, made into variants, kept in S3, ordered, with one hero. */
export class PhotoLibrary {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly objects: ObjectStore,
    private readonly deletions: MediaDeletions,
    private readonly cache: TenantCache,
    private readonly photoUrls: PhotoUrls,
    /** Told after every committed change, so this instance's search index catches up before the answer. */
    private readonly changed: () => Promise<void> = async () => undefined,
  ) {}

  /** 404 unless the dealership has the vehicle (an upload checks before reading its files). */
  async assertVehicle(dealershipId: string, vehicleId: string): Promise<void> {
    if (!(await this.photos.holder(dealershipId, vehicleId))) throw problems.notFound(`Vehicle ${vehicleId}`);
  }

  /**
   * Validates (type from the bytes, size, pixel limit, completeness), makes the variants, stores
   * them and records the photo; a file the vehicle already has is not stored twice. Either the photo
   * is kept whole or nothing of it is left: objects written for a photo that was not recorded are
   * deleted. 422 naming the file when it is not a usable photo, 409 when the vehicle is full, 404
   * when there is no such vehicle.
   */
  async add(
    dealershipId: string,
    vehicleId: string,
    input: PhotoInput,
  ): Promise<{ photo: VehiclePhoto; duplicate: boolean }> {
    const contentHash = contentHashOf(input.bytes);
    const [holder, existing] = await Promise.all([
      this.photos.holder(dealershipId, vehicleId),
      this.photos.findByHash(dealershipId, vehicleId, contentHash),
    ]);
    if (!holder) throw problems.notFound(`Vehicle ${vehicleId}`);
    if (existing) return { photo: this.toPhoto(existing, holder.hero_photo_key), duplicate: true };
    if (holder.photo_count >= MAX_PHOTOS_PER_VEHICLE) throw tooMany(input.name);

    let prepared: PreparedPhoto;
    try {
      prepared = await preparePhoto(input.bytes);
    } catch (error) {
      if (error instanceof PhotoRejected) throw photoRejection(input.name, error.reason);
      throw error;
    }
    const id = randomUUID();
    const keyBase = photoKeyBase(dealershipId, vehicleId, contentHash, id);
    await this.store(dealershipId, keyBase, prepared);

    let outcome: Awaited<ReturnType<PhotoRepository['add']>>;
    try {
      outcome = await this.photos.add(
        dealershipId,
        {
          id,
          vehicle_id: vehicleId,
          content_hash: contentHash,
          key_base: keyBase,
          width: prepared.width,
          height: prepared.height,
          bytes: prepared.bytes,
          source: input.source,
          source_url: input.sourceUrl ?? null,
          original_name: input.name.slice(0, 255),
        },
        MAX_PHOTOS_PER_VEHICLE,
      );
    } catch (error) {
      await this.discard(dealershipId, keyBase);
      throw error;
    }
    switch (outcome.kind) {
      case 'added':
        await this.afterChange(dealershipId);
        return { photo: this.toPhoto(outcome.row, outcome.heroKey), duplicate: false };
      // A concurrent upload of the same file recorded it first, with objects of its own.
      case 'duplicate':
        await this.discard(dealershipId, keyBase);
        return { photo: this.toPhoto(outcome.row, outcome.heroKey), duplicate: true };
      case 'full':
        await this.discard(dealershipId, keyBase);
        throw tooMany(input.name);
      case 'noVehicle':
        await this.discard(dealershipId, keyBase);
        throw problems.notFound(`Vehicle ${vehicleId}`);
    }
  }

  /** The vehicle's photos in gallery order; 404 when it is not this dealership's. */
  async list(dealershipId: string, vehicleId: string): Promise<VehiclePhoto[]> {
    const holder = await this.photos.holder(dealershipId, vehicleId);
    if (!holder) throw problems.notFound(`Vehicle ${vehicleId}`);
    const rows = await this.photos.list(dealershipId, vehicleId);
    return rows.map((row) => this.toPhoto(row, holder.hero_photo_key));
  }

  /** A vehicle page's gallery, in order (read from a replica). */
  async gallery(dealershipId: string, vehicleId: string): Promise<PhotoVariantUrls[]> {
    const rows = await this.photos.list(dealershipId, vehicleId, true);
    return rows.map((row) => this.photoUrls(row.key_base));
  }

  /**
   * A new gallery order: the photos named come first, in that order; photos not named (added since the
   * dealer's screen was drawn) follow in their relative order. 400 when an id is not the vehicle's.
   */
  async reorder(
    dealershipId: string,
    vehicleId: string,
    photoIds: readonly string[],
  ): Promise<VehiclePhoto[]> {
    const done = await this.photos.reorder(dealershipId, vehicleId, photoIds);
    if (done === null) throw problems.notFound(`Vehicle ${vehicleId}`);
    if (!done) {
      throw problems.validation(
        [{ name: 'body.photoIds', reason: 'must name only photos of the vehicle' }],
        'The order names a photo the vehicle does not have (deleted meanwhile?); reload the photos and try again.',
      );
    }
    await this.afterChange(dealershipId);
    return this.list(dealershipId, vehicleId);
  }

  async chooseHero(dealershipId: string, vehicleId: string, photoId: string): Promise<VehiclePhoto[]> {
    const hero = await this.photos.setHero(dealershipId, vehicleId, photoId);
    if (!hero) throw problems.notFound(`Photo ${photoId} of vehicle ${vehicleId}`);
    await this.afterChange(dealershipId);
    return this.list(dealershipId, vehicleId);
  }

  /**
   * Removes the photo, its variants included. The row's removal records the objects' deletion in the
   * same transaction; once committed, S3 failing only delays the deletion (swept again), never the answer.
   */
  async remove(dealershipId: string, vehicleId: string, photoId: string): Promise<void> {
    const removed = await this.photos.remove(dealershipId, vehicleId, photoId);
    if (!removed) throw problems.notFound(`Photo ${photoId} of vehicle ${vehicleId}`);
    await this.deletions.purge(dealershipId, photoObjectsPrefix(removed.key_base));
    await this.afterChange(dealershipId);
  }

  /**
   * After the vehicle was deleted (its photo rows with it): deletes every object of its photos, now
   * or, when S3 fails, by the sweeper. Never throws: the vehicle is gone either way.
   */
  async forgetVehicle(dealershipId: string, vehicleId: string): Promise<void> {
    await this.deletions.purge(dealershipId, vehiclePhotoPrefix(dealershipId, vehicleId));
  }

  /** Writes every variant, or none: when one put fails, the others are deleted once all have settled. */
  private async store(dealershipId: string, keyBase: string, prepared: PreparedPhoto): Promise<void> {
    const puts = prepared.variants.map(async ({ variant, format, body }) => {
      const key = variantKey(keyBase, variant, format);
      await this.objects.put(key, body, {
        contentType: CONTENT_TYPES[format],
        cacheControl: PHOTO_CACHE_CONTROL,
      });
      return key;
    });
    const settled = await Promise.allSettled(puts);
    const failed = settled.find((result) => result.status === 'rejected');
    if (!failed) return;
    await this.discard(dealershipId, keyBase);
    throw failed.reason;
  }

  /** Deletes the objects written for a photo that was not recorded: they are this attempt's own. */
  private async discard(dealershipId: string, keyBase: string): Promise<void> {
    await this.deletions.purge(dealershipId, photoObjectsPrefix(keyBase));
  }

  /**
   * Search pages show the hero, and this instance's turn over once its index has read the change:
   * usually at once. Behind a backlog (a large import just ran) the answer does not wait for it;
   * the pages follow within the follow interval after the backlog.
   */
  private async afterChange(dealershipId: string): Promise<void> {
    await this.cache.invalidate(dealershipId);
    await Promise.race([this.changed(), delay(SEARCH_CATCH_UP_WAIT_MS)]);
  }

  private toPhoto(row: PhotoRow, heroKey: string | null): VehiclePhoto {
    return {
      id: row.id,
      vehicleId: row.vehicle_id,
      position: row.position,
      hero: row.key_base === heroKey,
      width: row.width,
      height: row.height,
      bytes: row.bytes,
      contentHash: row.content_hash,
      source: row.source,
      originalName: row.original_name,
      urls: this.photoUrls(row.key_base),
      createdAt: row.created_at.toISOString(),
    };
  }
}

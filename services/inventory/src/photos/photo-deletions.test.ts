import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';
import { photoJpeg } from './photo-fixtures';

describe('deleting photos and vehicles: objects go, even when S3 fails at first', () => {
  const ctx = inventoryAppForTests();
  let manager: string;

  beforeAll(async () => {
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const as = (method: 'get' | 'post' | 'delete', path: string) =>
    request(ctx.app)[method](path).auth(manager, { type: 'bearer' }).set('X-Dealership-Id', ctx.dealershipId);
  const newVehicle = async () => {
    const res = await as('post', '/api/inventory/vehicles').send(vehicleInput());
    expect(res.status).toBe(201);
    return { id: res.body.id as string, etag: res.headers['etag'] as string };
  };
  const upload = async (vehicleId: string, bytes: Buffer) => {
    const res = await as('post', `/api/inventory/vehicles/${vehicleId}/photos`).attach('photos', bytes, {
      filename: 'front.jpg',
      contentType: 'image/jpeg',
    });
    expect(res.status).toBe(201);
    return res.body.items[0].photo as { id: string; urls: { full: { jpeg: string } } };
  };
  const keysOf = (vehicleId: string) => ctx.objects.list(`photos/${ctx.dealershipId}/${vehicleId}/`);
  const pending = () =>
    forDealership(ctx.database.writer, ctx.dealershipId)
      .selectFrom('media_deletions')
      .select('prefix')
      .execute();
  const s3RefusesOneDelete = () =>
    vi.spyOn(ctx.objects, 'delete').mockRejectedValueOnce(new Error('S3 is away'));

  it('a photo deleted while S3 fails answers 204; the same image uploaded again keeps its objects when the sweeper deletes the old ones', async () => {
    const vehicle = await newVehicle();
    const bytes = await photoJpeg(400, 300, 41);
    const first = await upload(vehicle.id, bytes);
    const firstKeys = await keysOf(vehicle.id);
    expect(firstKeys).toHaveLength(6);

    s3RefusesOneDelete();
    const removed = await as('delete', `/api/inventory/vehicles/${vehicle.id}/photos/${first.id}`);
    expect(removed.status).toBe(204);
    expect(await pending()).toHaveLength(1);

    const again = await upload(vehicle.id, bytes);
    expect(again.id).not.toBe(first.id);
    expect(await ctx.inventory.mediaDeletions.sweep()).toBe(1);

    const left = await keysOf(vehicle.id);
    expect(left).toHaveLength(6);
    expect(left.some((key) => firstKeys.includes(key))).toBe(false);
    expect(left).toContain(again.urls.full.jpeg.split('/media/')[1]);
    expect(await pending()).toEqual([]);
  });

  it('a vehicle deleted while S3 fails answers 204; its photos are deleted by the sweeper', async () => {
    const vehicle = await newVehicle();
    await upload(vehicle.id, await photoJpeg(400, 300, 42));
    expect(await keysOf(vehicle.id)).toHaveLength(6);

    s3RefusesOneDelete();
    const deleted = await as('delete', `/api/inventory/vehicles/${vehicle.id}`).set('If-Match', vehicle.etag);
    expect(deleted.status).toBe(204);
    expect(await keysOf(vehicle.id)).toHaveLength(6);
    expect(await pending()).toEqual([{ prefix: `photos/${ctx.dealershipId}/${vehicle.id}/` }]);

    expect(await ctx.inventory.mediaDeletions.sweep()).toBe(1);
    expect(await keysOf(vehicle.id)).toEqual([]);
    expect(await pending()).toEqual([]);
  });

  it('a deletion the sweeper cannot do yet is tried again later, not at once', async () => {
    const vehicle = await newVehicle();
    await upload(vehicle.id, await photoJpeg(400, 300, 43));
    vi.spyOn(ctx.objects, 'delete').mockRejectedValue(new Error('S3 is away'));
    const deleted = await as('delete', `/api/inventory/vehicles/${vehicle.id}`).set('If-Match', vehicle.etag);
    expect(deleted.status).toBe(204);

    expect(await ctx.inventory.mediaDeletions.sweep()).toBe(0);
    const [row] = await forDealership(ctx.database.writer, ctx.dealershipId)
      .selectFrom('media_deletions')
      .select(['attempts', 'due_at'])
      .execute();
    expect(row.attempts).toBe(1);
    expect(row.due_at.getTime()).toBeGreaterThan(Date.now() + 1_000);
    expect(await ctx.inventory.mediaDeletions.sweep()).toBe(0);

    vi.restoreAllMocks();
    await forDealership(ctx.database.writer, ctx.dealershipId)
      .updateTable('media_deletions')
      .set({ due_at: new Date(Date.now() - 1_000) })
      .execute();
    expect(await ctx.inventory.mediaDeletions.sweep()).toBe(1);
    expect(await keysOf(vehicle.id)).toEqual([]);
  });
});

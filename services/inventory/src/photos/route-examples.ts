import request from 'supertest';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { addVehicleThroughApi } from '../test/vehicle-fixtures';
import { photoJpeg } from './photo-fixtures';

let seed = 5000;
const aPhoto = async () => ({ field: 'photos', name: 'car.jpg', bytes: await photoJpeg(48, 32, seed++) });

/** A vehicle of `dealershipId` with one photo, uploaded by its manager. */
async function photoOf(
  ctx: InventoryTestContext,
  dealershipId: string,
): Promise<{ id: string; photoId: string }> {
  const id = await addVehicleThroughApi(ctx, dealershipId);
  const photo = await aPhoto();
  const res = await request(ctx.app)
    .post(`/api/inventory/vehicles/${id}/photos`)
    .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .attach(photo.field, photo.bytes, photo.name);
  if (res.status !== 201) throw new Error(`could not add a photo: ${JSON.stringify(res.body)}`);
  return { id, photoId: res.body.items[0].photo.id };
}

/** The photo routes in the inventory route matrix. */
export const photoExamples: Record<string, RouteExample<InventoryTestContext>> = {
  uploadVehiclePhotos: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: { id: await addVehicleThroughApi(ctx, dealershipId) },
      files: [await aPhoto()],
    }),
  },
  listVehiclePhotos: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { id: (await photoOf(ctx, dealershipId)).id } }),
  },
  orderVehiclePhotos: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { id, photoId } = await photoOf(ctx, dealershipId);
      return { params: { id }, body: { photoIds: [photoId] } };
    },
  },
  chooseVehicleHeroPhoto: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { id, photoId } = await photoOf(ctx, dealershipId);
      return { params: { id }, body: { photoId } };
    },
  },
  deleteVehiclePhoto: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: await photoOf(ctx, dealershipId) }),
  },
};

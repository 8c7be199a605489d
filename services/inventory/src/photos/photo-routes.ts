import {
  MAX_PHOTOS_PER_VEHICLE,
  PHOTO_UPLOAD_FIELD,
  PhotoHeroSchema,
  PhotoOrderSchema,
  PhotoUploadResponseSchema,
  VehiclePhotoListSchema,
  type InvalidParam,
  type PhotoUploadResponse,
} from '@showroom/contracts';
import { caller, HttpProblem, problems, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import { PHOTO_SIZE_LIMIT } from './image-pipeline';
import { notUsablePhoto, type PhotoLibrary } from './photo-library';
import { forEachUploadedFile } from './photo-upload';

export interface PhotoRouteDeps {
  photos: PhotoLibrary;
}

const vehicleParams = z.object({ id: z.uuid('must be a vehicle id (UUID)') });
const photoParams = vehicleParams.extend({ photoId: z.uuid('must be a photo id (UUID)') });
const path = '/api/inventory/vehicles/:id/photos';
const route = routeFor<PhotoRouteDeps>();
const ofVehicle = { tag: 'photos', params: vehicleParams };
const photoList = { 200: { description: 'The photos in gallery order', schema: VehiclePhotoListSchema } };

/**
 * The answer to an upload where some parts were refused: the refused files (named `photos[i]` and by
 * their file name) and stray parts; the files not named were added.
 */
function partlyRefused(
  files: number,
  added: number,
  refusedFiles: { param: InvalidParam; status: number }[],
  refusedParts: InvalidParam[],
): HttpProblem {
  const invalidParams = [...refusedFiles.map((refusal) => refusal.param), ...refusedParts];
  if (refusedFiles.length === 0) return problems.validation(invalidParams);
  const summary = `${added} of ${files} photo${files === 1 ? '' : 's'} added; ${refusedFiles.length} refused.`;
  if (refusedFiles.every((refusal) => refusal.status === 409))
    return problems.conflict(summary, invalidParams);
  return notUsablePhoto(summary, invalidParams);
}

/** A vehicle's photos: upload, list, order, hero, delete. */
export const photoRoutes = [
  route({
    operationId: 'uploadVehiclePhotos',
    ...ofVehicle,
    method: 'post',
    path,
    summary: 'Add photos to a vehicle (multipart/form-data; each file is added whole or not at all)',
    caller: caller.user('inventory:write'),
    files: {
      field: PHOTO_UPLOAD_FIELD,
      description: `JPEG, PNG, WebP, AVIF or TIFF photos, each at most ${PHOTO_SIZE_LIMIT} and 50 megapixels`,
      maxFiles: MAX_PHOTOS_PER_VEHICLE,
    },
    responses: {
      201: {
        description:
          'Every file was added (or was there already); parts that were not photo files are listed in `ignored`',
        schema: PhotoUploadResponseSchema,
      },
    },
    problems: {
      404: 'No such vehicle in this dealership',
      409: `The vehicle has ${MAX_PHOTOS_PER_VEHICLE} photos: invalidParams names each file not added`,
      415: 'Not multipart/form-data',
      422: 'A file is not a usable photo: invalidParams names it (photos[i]) and why; the other files were added',
    },
    handler: async ({ dealershipId, params, req, res }, { photos }) => {
      await photos.assertVehicle(dealershipId, params.id);
      const items: PhotoUploadResponse['items'] = [];
      const refusedFiles: { param: InvalidParam; status: number }[] = [];
      const { refusedParts, files } = await forEachUploadedFile(req, async (file) => {
        const name = `${PHOTO_UPLOAD_FIELD}[${file.index}]`;
        if ('refused' in file) {
          refusedFiles.push({ param: { name, reason: `${file.name} ${file.refused}` }, status: 422 });
          return;
        }
        try {
          const added = await photos.add(dealershipId, params.id, {
            bytes: file.bytes,
            name: file.name,
            source: 'upload',
          });
          items.push({ name: file.name, ...added });
        } catch (error) {
          if (!(error instanceof HttpProblem) || (error.status !== 422 && error.status !== 409)) throw error;
          for (const param of error.invalidParams ?? []) {
            refusedFiles.push({ param: { name, reason: param.reason }, status: error.status });
          }
        }
      });
      // A stray part may come after files already stored: with no file refused, the files' outcome is
      // the answer (201), the stray parts named beside them; a 400 would hide what was added.
      if (refusedFiles.length > 0 || items.length === 0) {
        throw partlyRefused(files, items.length, refusedFiles, refusedParts);
      }
      res.status(201).json(refusedParts.length > 0 ? { items, ignored: refusedParts } : { items });
    },
  }),
  route({
    operationId: 'listVehiclePhotos',
    ...ofVehicle,
    method: 'get',
    path,
    summary: 'A vehicle’s photos in gallery order, with the hero marked',
    caller: caller.user('inventory:read'),
    responses: photoList,
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params }, { photos }) => ({
      items: await photos.list(dealershipId, params.id),
    }),
  }),
  route({
    operationId: 'orderVehiclePhotos',
    ...ofVehicle,
    method: 'put',
    path: `${path}/order`,
    summary:
      'Put a vehicle’s photos in a new order: the ids given come first, in that order; photos not named (added meanwhile) keep their relative order after them',
    caller: caller.user('inventory:write'),
    body: PhotoOrderSchema,
    responses: photoList,
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params, body }, { photos }) => ({
      items: await photos.reorder(dealershipId, params.id, body.photoIds),
    }),
  }),
  route({
    operationId: 'chooseVehicleHeroPhoto',
    ...ofVehicle,
    method: 'put',
    path: `${path}/hero`,
    summary: 'Choose the photo shown in lists, cards and search results',
    caller: caller.user('inventory:write'),
    body: PhotoHeroSchema,
    responses: photoList,
    problems: { 404: 'No such vehicle in this dealership, or no such photo of it' },
    handler: async ({ dealershipId, params, body }, { photos }) => ({
      items: await photos.chooseHero(dealershipId, params.id, body.photoId),
    }),
  }),
  route({
    operationId: 'deleteVehiclePhoto',
    tag: 'photos',
    params: photoParams,
    method: 'delete',
    path: `${path}/:photoId`,
    summary: 'Delete a photo and its variants',
    caller: caller.user('inventory:write'),
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: 'No such vehicle in this dealership, or no such photo of it' },
    handler: async ({ dealershipId, params, res }, { photos }) => {
      await photos.remove(dealershipId, params.id, params.photoId);
      res.status(204).end();
    },
  }),
];

import { PhotoFetchJobListSchema, PhotoFetchJobSchema, PhotoFetchRequestSchema } from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { PhotoFetchQueue } from './photo-fetch-queue';

export interface PhotoFetchRouteDeps {
  photoFetches: PhotoFetchQueue;
}

const base = '/api/inventory';
const route = routeFor<PhotoFetchRouteDeps>();
const vehicleIdParams = z.object({ id: z.uuid('must be a vehicle id (UUID)') });
const jobIdParams = z.object({ jobId: z.uuid('must be a photo fetch job id (UUID)') });
const ofAVehicle = {
  path: `${base}/vehicles/:id/photo-fetches`,
  tag: 'photo-robot',
  params: vehicleIdParams,
};

/** The photo robot: image links in, a job that reports per link what became of it. */
export const photoFetchRoutes = [
  route({
    operationId: 'startPhotoFetch',
    ...ofAVehicle,
    method: 'post',
    summary: 'Have the photo robot fetch a vehicle’s photos from image links',
    caller: caller.user('inventory:write'),
    body: PhotoFetchRequestSchema,
    responses: {
      202: {
        description: 'Queued; follow the job for each link’s outcome',
        schema: PhotoFetchJobSchema,
        headers: ['Location'],
      },
    },
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params, body, principal, res }, { photoFetches }) => {
      const jobId = await photoFetches.enqueue(dealershipId, params.id, body.urls, {
        kind: 'dealer',
        userId: principal.userId,
      });
      res
        .status(202)
        .set('Location', `${base}/photo-fetches/${jobId}`)
        .json(await photoFetches.job(dealershipId, jobId));
    },
  }),
  route({
    operationId: 'listVehiclePhotoFetches',
    ...ofAVehicle,
    method: 'get',
    summary: 'The photo robot’s latest jobs for a vehicle, newest first',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'The jobs', schema: PhotoFetchJobListSchema } },
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params }, { photoFetches }) => ({
      jobs: await photoFetches.recentJobs(dealershipId, params.id),
    }),
  }),
  route({
    operationId: 'getPhotoFetch',
    method: 'get',
    path: `${base}/photo-fetches/:jobId`,
    tag: 'photo-robot',
    params: jobIdParams,
    summary: 'One photo robot job, with each link’s outcome',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'The job', schema: PhotoFetchJobSchema } },
    problems: { 404: 'No such job in this dealership' },
    handler: ({ dealershipId, params }, { photoFetches }) => photoFetches.job(dealershipId, params.jobId),
  }),
];

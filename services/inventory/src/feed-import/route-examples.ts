import type { ImportUpload } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

const BOUNDARY = 'showroom-matrix-boundary';

/** A multipart/form-data body carrying one small CSV in the field `file`. */
const csvForm = () => ({
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  body:
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="stock.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${csvOf([feedCar()]).toString()}\r\n--${BOUNDARY}--\r\n`,
});

/** An import of `dealershipId`, uploaded by its manager and not started. */
async function uploadedImport(ctx: InventoryTestContext, dealershipId: string): Promise<ImportUpload> {
  const res = await (await asManager(ctx, dealershipId)).upload(csvOf([feedCar()]));
  if (res.status !== 201) throw new Error(`could not upload an import: ${JSON.stringify(res.body)}`);
  return res.body as ImportUpload;
}

const ofAnImport = async (ctx: InventoryTestContext, dealershipId: string) => ({
  params: { importId: (await uploadedImport(ctx, dealershipId)).job.id },
});

/** The feed import's routes in the inventory route matrix. */
export const feedImportExamples: Record<string, RouteExample<InventoryTestContext>> = {
  listImportPresets: { request: () => ({}) },
  getImportSettings: { request: () => ({}) },
  saveImportSettings: {
    request: () => ({
      body: {
        presetId: 'homenet',
        mapping: { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model' },
        rules: {},
      },
    }),
  },
  uploadImportFile: { request: csvForm },
  listImports: { request: () => ({}) },
  getImportFeedSource: { request: () => ({}) },
  saveImportFeedSource: { request: () => ({ body: { url: null, intervalHours: 24, enabled: false } }) },
  getImport: { namesRecord: true, request: ofAnImport },
  getImportReport: { namesRecord: true, request: ofAnImport },
  startImport: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const upload = await uploadedImport(ctx, dealershipId);
      return { params: { importId: upload.job.id }, body: { mapping: upload.suggestedMapping, rules: {} } };
    },
  },
  resumeImport: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { params } = await ofAnImport(ctx, dealershipId);
      // As a worker leaves an import that kept failing.
      await forDealership(ctx.database.writer, dealershipId)
        .updateTable('feed_imports')
        .set({ status: 'failed', error: 'the import stopped on an error' })
        .where('id', '=', params.importId)
        .execute();
      return { params };
    },
  },
};

import {
  FeedSourceInputSchema,
  FeedSourceSchema,
  ImportJobListSchema,
  ImportJobSchema,
  ImportPresetSchema,
  ImportReportQuerySchema,
  ImportReportSchema,
  ImportSettingsInputSchema,
  ImportSettingsSchema,
  ImportUploadSchema,
  roleHasPermission,
  StartImportSchema,
} from '@showroom/contracts';
import { caller, routeFor, type Tenant } from '@showroom/server-kit';
import { z } from 'zod';
import type { FeedImportService } from './service';
import { csvUpload, uploadedFile } from './upload';

export interface FeedImportRouteDeps {
  feedImports: FeedImportService;
}

const base = '/api/inventory/imports';
const route = routeFor<FeedImportRouteDeps>();
const importParams = z.object({ importId: z.uuid('must be an import id (UUID)') });
const oneImport = { tag: 'imports', params: importParams };
const notFound = { 404: 'No such import in this dealership' };
/** Rules that delete the cars a full feed does not list need inventory:delete, not just inventory:write. */
const deleteMissing = { 403: 'The rules delete missing cars and the role lacks inventory:delete' };
const mayDelete = (tenant: Tenant) => roleHasPermission(tenant.role, 'inventory:delete');

/** Feed import: mapping and rules, uploads, the background jobs and their reports, the scheduled feed. */
export const feedImportRoutes = [
  route({
    operationId: 'listImportPresets',
    method: 'get',
    path: `${base}/presets`,
    tag: 'imports',
    summary: 'Column layouts of common inventory exports',
    caller: caller.user('inventory:read'),
    responses: {
      200: { description: 'The presets', schema: z.object({ items: z.array(ImportPresetSchema) }) },
    },
    handler: (_input, { feedImports }) => ({ items: feedImports.presets() }),
  }),
  route({
    operationId: 'getImportSettings',
    method: 'get',
    path: `${base}/settings`,
    tag: 'imports',
    summary: 'The dealership’s saved column mapping and import rules',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'The settings', schema: ImportSettingsSchema } },
    handler: ({ dealershipId }, { feedImports }) => feedImports.settings(dealershipId),
  }),
  route({
    operationId: 'saveImportSettings',
    method: 'put',
    path: `${base}/settings`,
    tag: 'imports',
    summary: 'Save the column mapping and import rules',
    caller: caller.user('inventory:write'),
    body: ImportSettingsInputSchema,
    responses: { 200: { description: 'Saved', schema: ImportSettingsSchema } },
    problems: deleteMissing,
    handler: ({ dealershipId, tenant, body }, { feedImports }) =>
      feedImports.saveSettings(dealershipId, body, mayDelete(tenant)),
  }),
  route({
    operationId: 'uploadImportFile',
    method: 'post',
    path: base,
    tag: 'imports',
    summary: 'Upload a CSV: answers its columns, first rows and the mapping to confirm',
    caller: caller.user('inventory:write'),
    files: {
      field: 'file',
      description: 'The CSV (UTF-8; a BOM and CRLF are fine), at most 50 MB',
      maxFiles: 1,
    },
    middleware: ({ feedImports }) => [csvUpload(feedImports.maxBytes)],
    responses: {
      201: {
        description: 'Kept; start it with the mapping',
        schema: ImportUploadSchema,
        headers: ['Location'],
      },
    },
    problems: {
      400: 'Not a CSV (a workbook, a binary file, no header row), or no file',
      413: 'The file is larger than 50 MB',
      415: 'Not multipart/form-data',
    },
    handler: async ({ dealershipId, principal, req, res }, { feedImports }) => {
      const upload = await feedImports.upload(dealershipId, principal.userId, uploadedFile(req));
      res.status(201).location(`${base}/${upload.job.id}`).json(upload);
    },
  }),
  route({
    operationId: 'listImports',
    method: 'get',
    path: base,
    tag: 'imports',
    summary: 'The latest imports, newest first',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'Imports', schema: ImportJobListSchema } },
    handler: async ({ dealershipId }, { feedImports }) => ({ items: await feedImports.jobs(dealershipId) }),
  }),
  // Before /:importId, so these names are not taken for an id.
  route({
    operationId: 'getImportFeedSource',
    method: 'get',
    path: `${base}/feed-source`,
    tag: 'imports',
    summary: 'The feed URL fetched on a schedule',
    // A feed URL often carries the DMS's access token: only who may change the inventory sees it.
    caller: caller.user('inventory:write'),
    responses: { 200: { description: 'The feed source', schema: FeedSourceSchema } },
    handler: ({ dealershipId }, { feedImports }) => feedImports.feedSource(dealershipId),
  }),
  route({
    operationId: 'saveImportFeedSource',
    method: 'put',
    path: `${base}/feed-source`,
    tag: 'imports',
    summary: 'Set the feed URL and how often it is fetched',
    caller: caller.user('inventory:write'),
    body: FeedSourceInputSchema,
    responses: { 200: { description: 'Saved', schema: FeedSourceSchema } },
    problems: { ...deleteMissing, 409: 'No saved column mapping yet' },
    handler: ({ dealershipId, tenant, body }, { feedImports }) =>
      feedImports.saveFeedSource(dealershipId, body, mayDelete(tenant)),
  }),
  route({
    ...oneImport,
    operationId: 'getImport',
    method: 'get',
    path: `${base}/:importId`,
    summary: 'One import and its progress',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'The import', schema: ImportJobSchema } },
    problems: notFound,
    handler: ({ dealershipId, params }, { feedImports }) => feedImports.job(dealershipId, params.importId),
  }),
  route({
    ...oneImport,
    operationId: 'startImport',
    method: 'post',
    path: `${base}/:importId/start`,
    summary: 'Start an uploaded import with this mapping and these rules',
    caller: caller.user('inventory:write'),
    body: StartImportSchema,
    responses: { 202: { description: 'Queued', schema: ImportJobSchema } },
    problems: { ...notFound, ...deleteMissing, 409: 'Already started, or the file is gone' },
    handler: async ({ dealershipId, tenant, params, body, res }, { feedImports }) => {
      res.status(202).json(await feedImports.start(dealershipId, params.importId, body, mayDelete(tenant)));
    },
  }),
  route({
    ...oneImport,
    operationId: 'resumeImport',
    method: 'post',
    path: `${base}/:importId/resume`,
    summary: 'Queue a failed import again; it goes on after its last saved batch',
    caller: caller.user('inventory:write'),
    responses: { 202: { description: 'Queued', schema: ImportJobSchema } },
    problems: { ...notFound, 409: 'The import has not failed' },
    handler: async ({ dealershipId, params, res }, { feedImports }) => {
      res.status(202).json(await feedImports.resume(dealershipId, params.importId));
    },
  }),
  route({
    ...oneImport,
    operationId: 'getImportReport',
    method: 'get',
    path: `${base}/:importId/report`,
    summary: 'What an import found in rows (line, field, reason), a page at a time',
    caller: caller.user('inventory:read'),
    query: ImportReportQuerySchema,
    responses: { 200: { description: 'The report', schema: ImportReportSchema } },
    problems: notFound,
    handler: ({ dealershipId, params, query }, { feedImports }) =>
      feedImports.report(dealershipId, params.importId, query.page, query.pageSize),
  }),
];

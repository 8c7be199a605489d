import type { Request, Response } from 'express';
import {
  PROBLEM_TYPES,
  WebsiteSettingsSchema,
  WebsiteSettingsUpdateSchema,
  type InvalidParam,
  type WebsiteSettings,
} from '@showroom/contracts';
import {
  caller,
  etagOf,
  expectedVersion,
  forEachMultipartFile,
  HttpProblem,
  problems,
  routeFor,
} from '@showroom/server-kit';
import { LOGO_BOX, LogoRejected, MAX_LOGO_BYTES, MAX_LOGO_SIDE, normaliseLogo } from './logo-image';
import type { WebsiteService } from './website-service';

export interface WebsiteRouteDeps {
  websites: WebsiteService;
}

/** The form field a logo is uploaded in. */
export const LOGO_FIELD = 'logo';

const route = routeFor<WebsiteRouteDeps>();
const path = '/api/users/website';
const settings = {
  200: { description: 'The website as now', schema: WebsiteSettingsSchema, headers: ['ETag'] },
};
const ifMatch = (required: boolean) => [
  {
    name: 'If-Match',
    required,
    description: required
      ? 'The ETag of the website as last read (428 without it, 412 when it changed meanwhile)'
      : 'The ETag of the website as last read; when sent, a website changed meanwhile is a 412',
  },
];

/** Answers the settings with their version as the ETag, for the next If-Match. */
function withEtag(res: Response, website: WebsiteSettings, status = 200): void {
  res.status(status).setHeader('ETag', etagOf(website.version)).json(website);
}

/** If-Match when the client sent it: logo changes replace one file, so they may go without. */
const versionIfSent = (req: Request): number | null => (req.get('if-match') ? expectedVersion(req) : null);

const notALogo = (fileName: string, reason: string) =>
  new HttpProblem(422, PROBLEM_TYPES.invalidImage, 'Not a usable logo', `${fileName} ${reason}.`, [
    { name: LOGO_FIELD, reason: `${fileName} ${reason}` },
  ]);

/** Reads the one logo file of a multipart upload, or refuses the upload naming what was wrong. */
async function uploadedLogo(req: Request): Promise<{ name: string; bytes: Buffer }> {
  let logo: { name: string; bytes: Buffer } | undefined;
  let refused: HttpProblem | undefined;
  const { refusedParts } = await forEachMultipartFile(
    req,
    {
      field: LOGO_FIELD,
      noun: 'the logo',
      maxFileBytes: MAX_LOGO_BYTES,
      maxFiles: 1,
      maxFields: 5,
      defaultName: () => 'the logo',
    },
    async (file) => {
      if ('refused' in file) refused = notALogo(file.name, file.refused);
      else logo = { name: file.name, bytes: file.bytes };
    },
  );
  if (refused) throw refused;
  if (!logo || refusedParts.length > 0) {
    throw problems.validation(
      refusedParts.length > 0
        ? refusedParts
        : ([{ name: LOGO_FIELD, reason: 'no file was sent' }] satisfies InvalidParam[]),
    );
  }
  return logo;
}

/** The active dealership's website: settings, logo, provisioning retry. */
export const websiteRoutes = [
  route({
    operationId: 'getWebsite',
    method: 'get',
    path,
    tag: 'website',
    summary: 'The dealership’s website settings, where it is served and how its provisioning went',
    caller: caller.user('website:manage'),
    responses: settings,
    handler: async ({ dealershipId, res }, { websites }) =>
      withEtag(res, await websites.settings(dealershipId)),
  }),
  route({
    operationId: 'updateWebsite',
    method: 'patch',
    path,
    tag: 'website',
    summary:
      'Change the website (only the fields sent); the site is provisioned again with the change (a new version)',
    caller: caller.user('website:manage'),
    body: WebsiteSettingsUpdateSchema,
    headers: ifMatch(true),
    responses: settings,
    problems: {
      400: 'X-Dealership-Id missing or not a UUID, or a field is wrong: each named, a Showroom domain as body.customDomains.<i>',
      409: 'A custom domain is another dealership’s: invalidParams names it (body.customDomains.<i>)',
      412: 'The website changed since the version in If-Match',
      428: 'No If-Match',
    },
    handler: async ({ dealershipId, body, req, res }, { websites }) => {
      const version = expectedVersion(req);
      withEtag(res, await websites.update(dealershipId, version, body));
    },
  }),
  route({
    operationId: 'uploadWebsiteLogo',
    method: 'put',
    path: `${path}/logo`,
    tag: 'website',
    summary: `Replace the logo (multipart/form-data): stored as a PNG that fits inside ${LOGO_BOX.width}×${LOGO_BOX.height}, without metadata`,
    caller: caller.user('website:manage'),
    files: {
      field: LOGO_FIELD,
      description: `One PNG, JPEG or WebP image, at most ${MAX_LOGO_BYTES / 1024 / 1024} MB and ${MAX_LOGO_SIDE} pixels on a side`,
      maxFiles: 1,
    },
    headers: ifMatch(false),
    responses: settings,
    problems: {
      412: 'The website changed since the version in If-Match',
      415: 'Not multipart/form-data',
      422: 'The file is not a usable logo: invalidParams names the file and why',
    },
    handler: async ({ dealershipId, req, res }, { websites }) => {
      const version = versionIfSent(req);
      const file = await uploadedLogo(req);
      const logo = await normaliseLogo(file.bytes).catch((error: unknown) => {
        throw error instanceof LogoRejected ? notALogo(file.name, error.reason) : error;
      });
      withEtag(res, await websites.setLogo(dealershipId, version, logo));
    },
  }),
  route({
    operationId: 'removeWebsiteLogo',
    method: 'delete',
    path: `${path}/logo`,
    tag: 'website',
    summary: 'Take the logo off the site (it shows the dealership’s name instead)',
    caller: caller.user('website:manage'),
    headers: ifMatch(false),
    responses: settings,
    problems: { 412: 'The website changed since the version in If-Match' },
    handler: async ({ dealershipId, req, res }, { websites }) =>
      withEtag(res, await websites.removeLogo(dealershipId, versionIfSent(req))),
  }),
  route({
    operationId: 'retryWebsiteProvisioning',
    method: 'post',
    path: `${path}/provisioning/retry`,
    tag: 'website',
    summary: 'Run the site’s provisioning again now (after a failed step, or to republish it)',
    caller: caller.user('website:manage'),
    responses: {
      202: { description: 'Provisioning is due now', schema: WebsiteSettingsSchema, headers: ['ETag'] },
    },
    handler: async ({ dealershipId, res }, { websites }) =>
      withEtag(res, await websites.retryProvisioning(dealershipId), 202),
  }),
];

import { createHash } from 'node:crypto';
import express, { type Request, type RequestHandler } from 'express';
import { AdfCaptureResultSchema, PROBLEM_TYPES } from '@showroom/contracts';
import { AdfError } from '@showroom/leads-adf';
import { caller, HttpProblem } from '@showroom/server-kit';
import { z } from 'zod';
import type { AdfParser, ParsedAdf } from './adf-parser';
import { adfDraft } from './adf-draft';
import { captureRoute, type CaptureRouteDeps } from './capture-route-deps';
import { idempotencyKeyHeader, idempotencyOf } from './idempotency';

export const ADF_PATH = '/api/leads/adf';
export const ADF_EMAIL_PATH = '/api/leads/adf/email';
const XML_TYPES = ['application/xml', 'text/xml', 'application/x-adf+xml'];
const EMAIL_TYPES = ['message/rfc822'];

const BEARER = /^Bearer\s+(\S+)$/i;

/** The provider's key, `Authorization: Bearer srk_…`, names the dealership (checked before the body is read). */
const ingestKeyCaller = caller.ingestKey<CaptureRouteDeps>(async (req, { keys }) => {
  const key = BEARER.exec(req.get('authorization') ?? '')?.[1];
  return key ? keys.dealershipOf(key) : null;
});

/** Counts posts per ingest key; only requests whose key was accepted get here. */
export const ingestKeyOf = (req: Request): string =>
  createHash('sha256')
    .update(BEARER.exec(req.get('authorization') ?? '')?.[1] ?? '')
    .digest('hex');

function invalidAdf(error: AdfError): HttpProblem {
  return new HttpProblem(400, PROBLEM_TYPES.invalidAdf, 'Not a usable ADF document', error.message, [
    { name: error.element, reason: error.reason },
  ]);
}

function mediaType(expected: string[]): RequestHandler {
  return (req, _res, next) => {
    if (req.is(expected)) return next();
    next(
      new HttpProblem(
        415,
        PROBLEM_TYPES.unsupportedMediaType,
        'Unsupported media type',
        `Send ${expected.join(' or ')}, not ${req.get('content-type') ?? 'no Content-Type'}.`,
      ),
    );
  };
}

/** Parses off the main thread and holds the document to ADF_MAX_PROSPECTS prospects. */
async function read(
  task: Parameters<AdfParser['parse']>[0],
  { adfParser, adf }: CaptureRouteDeps,
): Promise<ParsedAdf> {
  const parsed = await adfParser.parse(task).catch((error: unknown) => {
    throw error instanceof AdfError ? invalidAdf(error) : error;
  });
  const count = parsed.document.prospects.length;
  if (count > adf.maxProspects) {
    throw new HttpProblem(
      413,
      PROBLEM_TYPES.payloadTooLarge,
      'Too many prospects',
      `The document holds ${count} prospects; send at most ${adf.maxProspects} per document.`,
      [{ name: 'adf/prospect', reason: `${count} prospects, at most ${adf.maxProspects}` }],
    );
  }
  return parsed;
}

const adfProblems = {
  400: 'Not ADF: invalidParams names the element and the reason',
  409: 'The Idempotency-Key was used for a different body',
  413: 'Too large, or more prospects than ADF_MAX_PROSPECTS (the detail names the count)',
  429: 'Too many posts with this ingest key (Retry-After)',
  503: 'Too many documents waiting to be read (Retry-After)',
};
const stored = {
  201: {
    description: 'Stored: a lead (or the shopper’s open lead) per prospect',
    schema: AdfCaptureResultSchema,
  },
  200: {
    description: 'Nothing new: every prospect was already stored (same ADF id and source), or a replay',
    schema: AdfCaptureResultSchema,
  },
};

/** ADF/XML from marketplaces and lead providers: posted directly, or as the e-mail that carried it. */
export const adfRoutes = [
  captureRoute({
    operationId: 'ingestAdf',
    method: 'post',
    path: ADF_PATH,
    tag: 'capture',
    summary: 'ADF/XML 1.0 from a marketplace or lead provider; each prospect is a lead',
    caller: ingestKeyCaller,
    headers: [idempotencyKeyHeader],
    body: z.string().describe('An ADF 1.0 document'),
    bodyMediaTypes: ['application/xml', 'application/x-adf+xml', 'text/xml'],
    middleware: ({ adfLimit, adf }) => [
      adfLimit,
      mediaType(XML_TYPES),
      express.text({ type: () => true, limit: adf.maxBytes }),
    ],
    responses: stored,
    problems: { ...adfProblems, 415: 'Not XML' },
    handler: async ({ dealershipId, body: xml, req, res }, deps) => {
      const parsed = await read({ kind: 'xml', xml, maxBytes: deps.adf.maxBytes }, deps);
      const drafts = parsed.document.prospects.map((p, i) =>
        adfDraft(p, parsed.parts?.[i] ?? null, 'adf', 'ADF', parsed.document.repairs),
      );
      const { results, replayed } = await deps.capture.capture(dealershipId, drafts, {
        idempotency: idempotencyOf(req, xml),
        document: xml,
      });
      res.status(replayed ? 200 : 201).json({ leads: results });
    },
  }),
  captureRoute({
    operationId: 'ingestAdfEmail',
    method: 'post',
    path: ADF_EMAIL_PATH,
    tag: 'capture',
    summary: 'An e-mail (raw RFC 822) whose body or attachment carries an ADF document',
    caller: ingestKeyCaller,
    headers: [idempotencyKeyHeader],
    body: z
      .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the raw message')
      .describe('The raw message'),
    bodyMediaTypes: EMAIL_TYPES,
    middleware: ({ adfLimit, adf }) => [
      adfLimit,
      mediaType(EMAIL_TYPES),
      express.raw({ type: () => true, limit: adf.maxBytes * 4 }),
    ],
    responses: stored,
    problems: { ...adfProblems, 400: 'No ADF in the message, or not ADF', 415: 'Not message/rfc822' },
    handler: async ({ dealershipId, body: raw, req, res }, deps) => {
      const parsed = await read({ kind: 'email', raw, maxBytes: deps.adf.maxBytes }, deps);
      const sender = parsed.from?.split('@')[1] ?? 'e-mail';
      const drafts = parsed.document.prospects.map((p, i) =>
        adfDraft(p, parsed.parts?.[i] ?? null, 'email', sender, parsed.document.repairs),
      );
      const { results, replayed } = await deps.capture.capture(dealershipId, drafts, {
        idempotency: idempotencyOf(req, parsed.messageId ?? raw.toString('base64')),
        document: raw.toString('utf8'),
      });
      res.status(replayed ? 200 : 201).json({ leads: results });
    },
  }),
];

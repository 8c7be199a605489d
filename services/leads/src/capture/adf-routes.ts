import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Redis } from 'ioredis';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { AdfError } from '@showroom/leads-adf';
import { HttpProblem, problems } from '@showroom/server-kit';
import type { IngestKeys } from '../settings/ingest-keys';
import { adfDraft } from './adf-draft';
import type { AdfParser, ParsedAdf } from './adf-parser';
import type { CaptureService } from './capture-service';
import { idempotencyOf } from './idempotency';
import { ingestKeyRateLimit, type IngestKeyRateLimits } from './rate-limit';

export const ADF_PATH = '/api/leads/adf';
export const ADF_EMAIL_PATH = '/api/leads/adf/email';
const XML_TYPES = ['application/xml', 'text/xml', 'application/x-adf+xml'];
const EMAIL_TYPES = ['message/rfc822'];

export interface AdfRoutesDeps {
  capture: CaptureService;
  keys: IngestKeys;
  parser: AdfParser;
  redis: Redis;
  limits: IngestKeyRateLimits;
  maxBytes: number;
  /** Prospects one document may hold (each becomes a lead and sends its e-mails). */
  maxProspects: number;
}

function invalidAdf(error: AdfError): HttpProblem {
  return new HttpProblem(400, PROBLEM_TYPES.invalidAdf, 'Not a usable ADF document', error.message, [
    { name: error.element, reason: error.reason },
  ]);
}

/**
 * The provider's key, `Authorization: Bearer srk_…`, names the dealership. It is checked before the
 * body is read, so an unknown caller never makes the service buffer a document.
 */
function ingestKeyAuth(keys: IngestKeys): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const dealershipId = match?.[1] ? await keys.dealershipOf(match[1]) : null;
    if (!dealershipId) {
      res.set('Connection', 'close');
      throw problems.unauthorized('Send the dealership’s ADF ingest key as Authorization: Bearer <key>.');
    }
    res.locals['dealershipId'] = dealershipId;
    next();
  };
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

/** ADF/XML from marketplaces and lead providers: posted directly, or as the e-mail that carried it. */
export function adfRoutes(deps: AdfRoutesDeps): Router {
  const { capture, parser, maxBytes, maxProspects } = deps;
  const router = Router();
  const guards = [ingestKeyAuth(deps.keys), ingestKeyRateLimit(deps.redis, deps.limits)];

  async function read(task: Parameters<AdfParser['parse']>[0]): Promise<ParsedAdf> {
    const parsed = await parser.parse(task).catch((error: unknown) => {
      throw error instanceof AdfError ? invalidAdf(error) : error;
    });
    const count = parsed.document.prospects.length;
    if (count > maxProspects) {
      throw new HttpProblem(
        413,
        PROBLEM_TYPES.payloadTooLarge,
        'Too many prospects',
        `The document holds ${count} prospects; send at most ${maxProspects} per document.`,
        [{ name: 'adf/prospect', reason: `${count} prospects, at most ${maxProspects}` }],
      );
    }
    return parsed;
  }

  async function store(
    req: Request,
    res: Response,
    drafts: Parameters<CaptureService['capture']>[1],
    extra: {
      document: string;
      requestKey: string;
    },
  ) {
    const dealershipId = String(res.locals['dealershipId']);
    const { results, replayed } = await capture.capture(dealershipId, drafts, {
      idempotency: idempotencyOf(req, extra.requestKey),
      document: extra.document,
    });
    res.status(replayed ? 200 : 201).json({ leads: results });
  }

  router.post(
    ADF_PATH,
    ...guards,
    mediaType(XML_TYPES),
    express.text({ type: () => true, limit: maxBytes }),
    async (req, res) => {
      const xml = typeof req.body === 'string' ? req.body : '';
      const parsed = await read({ kind: 'xml', xml, maxBytes });
      const drafts = parsed.document.prospects.map((p, i) =>
        adfDraft(p, parsed.parts?.[i] ?? null, 'adf', 'ADF'),
      );
      await store(req, res, drafts, { document: xml, requestKey: xml });
    },
  );

  router.post(
    ADF_EMAIL_PATH,
    ...guards,
    mediaType(EMAIL_TYPES),
    express.raw({ type: () => true, limit: maxBytes * 4 }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const parsed = await read({ kind: 'email', raw, maxBytes });
      const sender = parsed.from?.split('@')[1] ?? 'e-mail';
      const drafts = parsed.document.prospects.map((p, i) =>
        adfDraft(p, parsed.parts?.[i] ?? null, 'email', sender),
      );
      await store(req, res, drafts, {
        document: raw.toString('utf8'),
        requestKey: parsed.messageId ?? raw.toString('base64'),
      });
    },
  );
  return router;
}

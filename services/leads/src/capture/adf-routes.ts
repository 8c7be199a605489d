import express, { Router, type Request } from 'express';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { AdfError, adfFromEmail, parseAdf } from '@showroom/leads-adf';
import { HttpProblem, problems } from '@showroom/server-kit';
import type { IngestKeys } from '../settings/ingest-keys';
import { adfDraft } from './adf-draft';
import type { CaptureService } from './capture-service';
import { idempotencyOf } from './idempotency';

export const ADF_PATH = '/api/leads/adf';
export const ADF_EMAIL_PATH = '/api/leads/adf/email';
const XML_TYPES = ['application/xml', 'text/xml', 'application/x-adf+xml'];
const EMAIL_TYPES = ['message/rfc822'];

function invalidAdf(error: AdfError): HttpProblem {
  return new HttpProblem(400, PROBLEM_TYPES.invalidAdf, 'Not a usable ADF document', error.message, [
    { name: error.element, reason: error.reason },
  ]);
}

function unsupported(req: Request, expected: string[]): HttpProblem {
  return new HttpProblem(
    415,
    PROBLEM_TYPES.unsupportedMediaType,
    'Unsupported media type',
    `Send ${expected.join(' or ')}, not ${req.get('content-type') ?? 'no Content-Type'}.`,
  );
}

/** The provider's key, `Authorization: Bearer srk_…`, names the dealership. */
async function dealershipOfKey(req: Request, keys: IngestKeys): Promise<string> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  const dealershipId = match?.[1] ? await keys.dealershipOf(match[1]) : null;
  if (!dealershipId) {
    throw problems.unauthorized('Send the dealership’s ADF ingest key as Authorization: Bearer <key>.');
  }
  return dealershipId;
}

function parsed<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AdfError) throw invalidAdf(error);
    throw error;
  }
}

/** ADF/XML from marketplaces and lead providers: posted directly, or as the e-mail that carried it. */
export function adfRoutes(deps: { capture: CaptureService; keys: IngestKeys; maxBytes: number }): Router {
  const { capture, keys, maxBytes } = deps;
  const router = Router();

  router.post(ADF_PATH, express.text({ type: () => true, limit: maxBytes }), async (req, res) => {
    const dealershipId = await dealershipOfKey(req, keys);
    if (!req.is(XML_TYPES)) throw unsupported(req, XML_TYPES);
    const xml = typeof req.body === 'string' ? req.body : '';
    const document = parsed(() => parseAdf(xml, { maxBytes }));
    const drafts = document.prospects.map((p) => adfDraft(p, xml, 'adf', 'ADF'));
    const { results, replayed } = await capture.capture(dealershipId, drafts, idempotencyOf(req, xml));
    res.status(replayed ? 200 : 201).json({ leads: results });
  });

  router.post(ADF_EMAIL_PATH, express.raw({ type: () => true, limit: maxBytes * 4 }), async (req, res) => {
    const dealershipId = await dealershipOfKey(req, keys);
    if (!req.is(EMAIL_TYPES)) throw unsupported(req, EMAIL_TYPES);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const email = await adfFromEmail(raw).catch((error: unknown) => {
      throw error instanceof AdfError ? invalidAdf(error) : error;
    });
    const document = parsed(() => parseAdf(email.xml, { maxBytes }));
    const sender = email.from?.split('@')[1] ?? 'e-mail';
    const drafts = document.prospects.map((p) => adfDraft(p, raw.toString('utf8'), 'email', sender));
    const { results, replayed } = await capture.capture(
      dealershipId,
      drafts,
      idempotencyOf(req, email.messageId ?? raw.toString('base64')),
    );
    res.status(replayed ? 200 : 201).json({ leads: results });
  });
  return router;
}

import { randomUUID } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import {
  HONEYPOT_FIELD,
  WebsiteLeadInputSchema,
  WebsiteLeadReceiptSchema,
  type WebsiteLeadReceipt,
} from '@showroom/contracts';
import { caller, siteCors, type SiteOrigins } from '@showroom/server-kit';
import { z } from 'zod';
import { captureRoute } from './capture-route-deps';
import { idempotencyKeyHeader, idempotencyOf } from './idempotency';
import { websiteDraft } from './lead-draft';

export const PUBLIC_LEADS_PATH = '/api/leads/public/dealerships/:dealershipId/leads';
export const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/** CORS of the website form: only the origins the dealership registered may post it from a browser. */
const formCors = (origins: SiteOrigins): RequestHandler =>
  siteCors({ origins, methods: ['POST'], headers: ['Content-Type', 'Idempotency-Key'] });

/**
 * Preflights of the website form: not an operation of the API, but limited like one (before any
 * origin is looked up).
 */
export function sitePreflight(origins: SiteOrigins, preflightLimit: RequestHandler): Router {
  const router = Router();
  router.options(PUBLIC_LEADS_PATH, preflightLimit, formCors(origins));
  return router;
}

const receiptOf = (submissionId: string): WebsiteLeadReceipt => ({ receipt: submissionId });

/**
 * The website form endpoint: no sign-in, so it limits first (before any lookup), then checks the
 * origin, validates and filters bots before storing. Anyone may call it, so it answers only an
 * opaque receipt: never whether the shopper already had a lead, nor which.
 */
export const publicLeadRoutes = [
  captureRoute({
    operationId: 'submitWebsiteLead',
    method: 'post',
    path: PUBLIC_LEADS_PATH,
    tag: 'capture',
    summary: 'A dealership website form (no sign-in; CORS limited to the dealership’s site origins)',
    caller: caller.public(),
    params: dealershipParams,
    headers: [idempotencyKeyHeader],
    body: WebsiteLeadInputSchema,
    middleware: ({ formLimit, origins }) => [
      formLimit,
      formCors(origins),
      express.json({ limit: '32kb', strict: true }),
    ],
    responses: {
      201: {
        description:
          'Received: an opaque receipt, the same for a new or a returning shopper (and for a bot that filled the honeypot)',
        schema: WebsiteLeadReceiptSchema,
      },
      200: {
        description: 'The same Idempotency-Key and body was already received: the same receipt',
        schema: WebsiteLeadReceiptSchema,
      },
    },
    problems: {
      403: 'The Origin is not one of the dealership’s websites',
      404: 'No dealership takes leads under this id',
      409: 'The Idempotency-Key was used for a different body',
      413: 'Body too large',
      429: 'Too many submissions (or preflights) from this address or for this dealership (Retry-After)',
    },
    handler: async ({ params, body, req, res }, { capture }) => {
      if (body[HONEYPOT_FIELD]) {
        // A person never sees the field; answering as usual tells a bot nothing.
        req.log.info({ dealershipId: params.dealershipId }, 'website lead dropped: honeypot filled');
        return void res.status(201).json(receiptOf(randomUUID()));
      }
      const idempotency = idempotencyOf(req, req.body);
      const { results, replayed } = await capture.capture(params.dealershipId, [websiteDraft(body)], {
        idempotency,
      });
      const [result] = results;
      if (!result) throw new Error('a website form was captured without a result');
      res.status(replayed ? 200 : 201).json(receiptOf(result.submissionId));
    },
  }),
];

import { randomUUID } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { HONEYPOT_FIELD, WebsiteLeadInputSchema, type WebsiteLeadReceipt } from '@showroom/contracts';
import { parseOrThrow, problems } from '@showroom/server-kit';
import { z } from 'zod';
import type { SiteOrigins } from '../settings/site-origins';
import type { CaptureService } from './capture-service';
import { idempotencyOf } from './idempotency';
import { websiteDraft } from './lead-draft';
import { publicRateLimits, type PublicRateLimits } from './rate-limit';

export const PUBLIC_LEADS_PATH = '/api/leads/public/dealerships/:dealershipId/leads';
export const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/**
 * CORS for one dealership's website: only the origins it registered may post its forms from a
 * browser. Requests without an Origin (a server posting) are allowed; the rate limit still applies.
 */
function siteCors(origins: SiteOrigins): RequestHandler {
  return async (req, res, next) => {
    const origin = req.get('origin');
    const parsed = dealershipParams.safeParse(req.params);
    if (!origin || !parsed.success) return next();
    const allowed = await origins.of(parsed.data.dealershipId);
    if (!allowed?.includes(origin)) {
      if (req.method === 'OPTIONS') return void res.status(204).end();
      return next(problems.forbidden(`Origin ${origin} is not one of this dealership's websites.`));
    }
    res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
    if (req.method === 'OPTIONS') {
      res
        .set({
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
          'Access-Control-Max-Age': '600',
        })
        .status(204)
        .end();
      return;
    }
    res.set('Access-Control-Expose-Headers', 'Location, Retry-After, X-Request-Id');
    next();
  };
}

export interface PublicRoutesDeps {
  capture: CaptureService;
  origins: SiteOrigins;
  redis: Redis;
  limits: PublicRateLimits;
}

/**
 * The website form endpoint: no sign-in, so it limits first (before any lookup), then checks the
 * origin, validates and filters bots before storing. Anyone may call it, so it answers only an
 * opaque receipt: never whether the shopper already had a lead, nor which.
 */
export function publicLeadRoutes({ capture, origins, redis, limits }: PublicRoutesDeps): Router {
  const router = Router();
  const limit = publicRateLimits(redis, limits);
  router.options(PUBLIC_LEADS_PATH, limit.preflight, siteCors(origins));
  router.post(
    PUBLIC_LEADS_PATH,
    limit.post,
    siteCors(origins),
    express.json({ limit: '32kb', strict: true }),
    async (req, res) => {
      const { dealershipId } = parseOrThrow(dealershipParams, req.params);
      const input = parseOrThrow(WebsiteLeadInputSchema, req.body ?? undefined, 'body');
      if (input[HONEYPOT_FIELD]) {
        // A person never sees the field; answering as usual tells a bot nothing.
        req.log.info({ dealershipId }, 'website lead dropped: honeypot filled');
        return void res.status(201).json(receiptOf(randomUUID()));
      }
      const idempotency = idempotencyOf(req, req.body);
      const { results, replayed } = await capture.capture(dealershipId, [websiteDraft(input)], {
        idempotency,
      });
      const [result] = results;
      if (!result) throw new Error('a website form was captured without a result');
      res.status(replayed ? 200 : 201).json(receiptOf(result.submissionId));
    },
  );
  return router;
}

const receiptOf = (submissionId: string): WebsiteLeadReceipt => ({ receipt: submissionId });

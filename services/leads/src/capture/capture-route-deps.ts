import type { RequestHandler } from 'express';
import { routeFor, type SiteOrigins } from '@showroom/server-kit';
import type { IngestKeys } from '../settings/ingest-keys';
import type { AdfParser } from './adf-parser';
import type { CaptureService } from './capture-service';

/** What the capture routes (website form, ADF) are given. */
export interface CaptureRouteDeps {
  capture: CaptureService;
  origins: SiteOrigins;
  keys: IngestKeys;
  adfParser: AdfParser;
  /** The website form's limits, per address and per dealership (see rate-limit.ts). */
  formLimit: RequestHandler;
  /** ADF posts per ingest key. */
  adfLimit: RequestHandler;
  adf: { maxBytes: number; maxProspects: number };
}

export const captureRoute = routeFor<CaptureRouteDeps>();

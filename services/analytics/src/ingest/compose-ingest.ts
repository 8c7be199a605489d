import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { IngestRouteDeps } from './ingest-routes';

/** The internal ingest module on the shared parts. */
export function composeIngest(_parts: AnalyticsParts): ModuleParts<IngestRouteDeps> {
  return { routeDeps: {} };
}

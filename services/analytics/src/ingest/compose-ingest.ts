import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { IngestRouteDeps } from './ingest-routes';

/** The internal ingest module on the shared parts: producers' events go straight to the engine. */
export function composeIngest(parts: AnalyticsParts): ModuleParts<IngestRouteDeps> {
  return { routeDeps: { ingestEngine: parts.engine } };
}

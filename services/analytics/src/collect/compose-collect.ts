import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { CollectRouteDeps } from './collect-routes';

/** The public collection module on the shared parts. */
export function composeCollect(_parts: AnalyticsParts): ModuleParts<CollectRouteDeps> {
  return { routeDeps: {} };
}

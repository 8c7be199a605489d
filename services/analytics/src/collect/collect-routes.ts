import type { Route } from '@showroom/server-kit';

/** What the public collection routes are given (composed in compose-collect.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- H5 fills this in with the collector
export interface CollectRouteDeps {}

/** The storefront's public routes: the collection rules, and shopper event batches. */
export const collectRoutes: Route<CollectRouteDeps>[] = [];

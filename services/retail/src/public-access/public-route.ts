import { caller, routeFor, type Route, type RouteDeclaration } from '@showroom/server-kit';
import type { z } from 'zod';
import { PUBLIC_RETAIL_PREFIX, type PublicAccess, type PublicMiddlewareOptions } from './public-access';

/** What a public route's middleware needs from the route deps. */
export interface PublicRouteDeps {
  publicAccess: PublicAccess;
}

/** The answers every public route may give before its handler runs. */
export const PUBLIC_ROUTE_PROBLEMS: Record<number, string> = {
  403: 'The Origin is not one of the dealership’s websites',
  404: 'No such dealership',
  413: 'Body too large',
  429: 'Too many requests from this address or for this dealership (Retry-After)',
  503: 'A service retail relies on is not answering; try again shortly (Retry-After)',
};

type PublicDeclaration<Deps, P, Q, B> = Omit<RouteDeclaration<Deps, P, Q, B>, 'caller' | 'middleware'> &
  PublicMiddlewareOptions;

/**
 * Declares public routes of a module (a dealership's website calls them, no sign-in): anyone may
 * call, rate-limited, CORS limited to the dealership's website origins (404 for an unknown
 * dealership), a JSON body of at most PUBLIC_JSON_LIMIT (or `json: false` for a multipart upload).
 * The path must start with PUBLIC_RETAIL_PREFIX.
 *
 *     const publicRoute = publicRouteFor<DealRouteDeps>();
 *     export const publicDealRoutes = [publicRoute({ operationId: 'startDeal', method: 'post', … })];
 */
export function publicRouteFor<Deps extends PublicRouteDeps>() {
  const route = routeFor<Deps>();
  return <
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
  >(
    declaration: PublicDeclaration<Deps, P, Q, B>,
  ): Route<Deps> => {
    if (!declaration.path.startsWith(`${PUBLIC_RETAIL_PREFIX}/`)) {
      throw new Error(`${declaration.operationId}: a public path starts with ${PUBLIC_RETAIL_PREFIX}/`);
    }
    const { json, ...rest } = declaration;
    return route<P, Q, B>({
      ...rest,
      caller: caller.public(),
      middleware: (deps) => deps.publicAccess.middleware({ json }),
      problems: { ...PUBLIC_ROUTE_PROBLEMS, ...declaration.problems },
    });
  };
}

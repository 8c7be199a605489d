import { HttpInterceptorFn } from '@angular/common/http';

/** The header Angular's service worker reads as "not mine: let the browser fetch this itself". */
export const SERVICE_WORKER_BYPASS = 'ngsw-bypass';

/**
 * The service worker keeps the portal's code, never an API answer, so the portal's own `/api/` calls
 * skip it: they go straight to the network without waiting on it, and an upload reports its real
 * progress instead of how fast the worker took the body. Same-origin only: on a call to another
 * origin (the identity provider's) a custom header would cost a CORS preflight.
 */
export const apiBypassesServiceWorker: HttpInterceptorFn = (request, next) => {
  const base = globalThis.location?.origin ?? 'http://localhost';
  const target = new URL(request.url, base);
  if (target.origin !== base || !target.pathname.startsWith('/api/')) return next(request);
  return next(request.clone({ setHeaders: { [SERVICE_WORKER_BYPASS]: 'true' } }));
};

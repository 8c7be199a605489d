import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';

/** An error answer in the Management API's own shape (not problem+json: this is Auth0's API). */
export class ManagementError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};

export function sendManagementError(res: Response, error: ManagementError): void {
  res.status(error.statusCode).json({
    statusCode: error.statusCode,
    error: STATUS_NAMES[error.statusCode] ?? 'Error',
    message: error.message,
    ...(error.errorCode ? { errorCode: error.errorCode } : {}),
  });
}

export interface ManagementAuthOptions {
  issuer: string;
  audience: string;
  publicKeys: JWK[];
}

/**
 * Bearer authentication as the Management API does it: an RS256 token from this tenant for the
 * `/api/v2/` audience. `require(scope)` then checks one permission per route.
 */
export function managementAuth(options: ManagementAuthOptions): {
  authenticate: RequestHandler;
  require(scope: string): RequestHandler;
} {
  const keys = createLocalJWKSet({ keys: options.publicKeys });
  const scopesOf = (res: Response): string[] =>
    (res.locals['managementScopes'] as string[] | undefined) ?? [];
  return {
    async authenticate(req: Request, res: Response, next: NextFunction) {
      const [scheme, token] = (req.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        return sendManagementError(res, new ManagementError(401, 'Missing authentication'));
      }
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['RS256'],
        });
        res.locals['managementScopes'] =
          typeof payload['scope'] === 'string' ? payload['scope'].split(' ') : [];
        next();
      } catch {
        sendManagementError(res, new ManagementError(401, 'Invalid token', 'invalid_token'));
      }
    },
    require: (scope) => (_req, res, next) => {
      if (scopesOf(res).includes(scope)) return next();
      sendManagementError(
        res,
        new ManagementError(403, `Insufficient scope, expected any of: ${scope}`, 'insufficient_scope'),
      );
    },
  };
}

import type { ErrorRequestHandler, Response } from 'express';

type StripeErrorType = 'invalid_request_error' | 'api_error' | 'idempotency_error' | 'card_error';

/** An error the sandbox answers as Stripe does: `{ error: { type, message, code?, param? } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  static missingParam(param: string): StripeApiError {
    return new StripeApiError(
      400,
      'invalid_request_error',
      `Missing required param: ${param}.`,
      'parameter_missing',
      param,
    );
  }

  static invalidParam(param: string, message: string): StripeApiError {
    return new StripeApiError(400, 'invalid_request_error', message, 'parameter_invalid', param);
  }

  static noSuch(kind: string, id: string, param: string): StripeApiError {
    return new StripeApiError(
      404,
      'invalid_request_error',
      `No such ${kind}: '${id}'`,
      'resource_missing',
      param,
    );
  }
}

export function sendStripeError(res: Response, error: StripeApiError): void {
  res.status(error.status).json({
    error: {
      type: error.type,
      message: error.message,
      ...(error.code
        ? {
            code: error.code,
            doc_url: `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, '-')}`,
          }
        : {}),
      ...(error.param ? { param: error.param } : {}),
    },
  });
}

/** The API's last handler: Stripe-shaped errors as they are, anything else as Stripe's 500. */
export const stripeErrorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof StripeApiError) return sendStripeError(res, error);
  const status = (error as { status?: number }).status;
  if (status === 400 || status === 413 || status === 415) {
    return sendStripeError(res, new StripeApiError(status, 'invalid_request_error', 'Invalid request body.'));
  }
  sendStripeError(
    res,
    new StripeApiError(500, 'api_error', 'The payments sandbox failed to handle the request.'),
  );
};

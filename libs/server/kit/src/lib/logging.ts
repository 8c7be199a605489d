import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** A service's logger: JSON lines to stdout, or to `destination` (a test that reads what was logged). */
export function createLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = {
    name: service,
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Query parameters whose values are what a person typed (a shopper's search box): a name, a phone
 * number or an e-mail typed there must not reach the logs, so only the parameter's name does.
 */
const TYPED_TEXT_PARAMETERS = new Set(['q']);
/**
 * Query parameters that are bearer secrets: an e-mailed deal link's `access` token opens the deal
 * (and accepts its offer) for days, a trade-in photo's `sig` shows the photo for hours.
 */
const SECRET_PARAMETERS = new Set(['access', 'sig']);

/** The URL as logged: typed text and secrets replaced by `[redacted]`, everything else as sent. */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      const decoded = decodeURIComponentSafely(name);
      return TYPED_TEXT_PARAMETERS.has(decoded) || SECRET_PARAMETERS.has(decoded)
        ? `${name}=[redacted]`
        : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One log line per request, each with a request id that is echoed back as `X-Request-Id`. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    autoLogging: { ignore: (req) => /\/(healthz|readyz)$/.test(req.url ?? '') },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

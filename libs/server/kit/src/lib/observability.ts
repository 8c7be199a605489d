import Bugsnag from '@bugsnag/js';
import type { Logger } from 'pino';
import type { BaseConfig } from './config';
import type { ErrorReporter } from './errors';

/** Bugsnag when a key is set; otherwise errors are only logged. */
export function createErrorReporter(config: BaseConfig, logger: Logger): ErrorReporter | undefined {
  if (!config.BUGSNAG_API_KEY) return undefined;
  const endpoints =
    config.BUGSNAG_NOTIFY_ENDPOINT && config.BUGSNAG_SESSIONS_ENDPOINT
      ? { notify: config.BUGSNAG_NOTIFY_ENDPOINT, sessions: config.BUGSNAG_SESSIONS_ENDPOINT }
      : undefined;
  const client = Bugsnag.createClient({
    apiKey: config.BUGSNAG_API_KEY,
    appVersion: config.APP_VERSION,
    releaseStage: config.NODE_ENV,
    autoTrackSessions: false,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
    ...(endpoints ? { endpoints } : {}),
  });
  return {
    notify(error, context) {
      client.notify(error as Error, (event) => {
        event.addMetadata('request', context);
      });
    },
  };
}

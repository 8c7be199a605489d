export interface LoggableError {
  type: string;
  code?: string;
  stack?: string;
  /** What the error was caused by (a peer's refused connection behind a 503), told the same way. */
  cause?: LoggableError;
}

/**
 * A database driver's error (mysql2 sets `sqlMessage`) may quote the row in its message
 * ("Duplicate entry 'dana@example.com' for key …"): its message is withheld, its code says what failed.
 */
const quotesValues = (error: Error): boolean =>
  typeof (error as { sqlMessage?: unknown }).sqlMessage === 'string';

function stackWithoutMessage(error: Error): string | undefined {
  if (!error.stack) return undefined;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: (message withheld: it may quote values)`, ...frames].join('\n');
}

/**
 * What of an error may go to the logs and the error reporter: its type, code and stack. Not its
 * own fields, since some carry what must not be logged (Node's ERR_INVALID_URL keeps the URL,
 * a feed's token included, in `input` and `base`, which pino and Bugsnag would serialise).
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const stack = quotesValues(error) ? stackWithoutMessage(error) : error.stack;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(stack ? { stack } : {}),
    ...(error.cause instanceof Error ? { cause: loggableError(error.cause) } : {}),
  };
}

/** The error to hand an error reporter: the same type and stack, none of the original's fields. */
export function reportableError(error: unknown): Error {
  const { type, code, stack } = loggableError(error);
  const reported = new Error(code ? `${type} (${code})` : type);
  reported.name = type;
  if (stack) reported.stack = stack;
  return reported;
}

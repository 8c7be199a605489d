/**
 * What of an error may go to the logs and the error reporter: its type, code and stack. Not its
 * own fields, since some carry what must not be logged (Node's ERR_INVALID_URL keeps the URL,
 * a feed's token included, in `input` and `base`, which pino and Bugsnag would serialise).
 */
export function loggableError(error: unknown): { type: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
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

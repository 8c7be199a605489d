import { z } from 'zod';

/** Query strings arrive as text: a list is comma-separated, each value trimmed, empty ones dropped. */
const commaSeparated = z.string().transform((raw) =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** A comma-separated list of values of one vocabulary. */
export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  commaSeparated.pipe(z.array(z.enum(values)).min(1));

/** A comma-separated list of free texts (makes, models, colours): each at most `maxLength`, at most `maxItems`. */
export const csvOfText = (maxLength: number, maxItems: number) =>
  commaSeparated.pipe(z.array(z.string().max(maxLength)).min(1).max(maxItems));

/** A whole number sent as text, within bounds. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

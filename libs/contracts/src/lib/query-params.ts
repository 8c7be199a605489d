import { z } from 'zod';

/** Query strings arrive as text: a list is comma-separated values of one vocabulary. */
export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

/** A whole number sent as text, within bounds. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

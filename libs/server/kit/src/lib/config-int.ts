import { z } from 'zod';

/** A whole-number environment variable within [min, max], `fallback` when unset. */
export const configInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

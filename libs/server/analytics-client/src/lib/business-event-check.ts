import type { z } from 'zod';
import { BusinessEventBatchSchema } from '@showroom/contracts';
import type { BusinessEvent } from './ingest-client';

/** The contract of one event: the batch's element, so a single check and the batch check never differ. */
const BusinessEventSchema = BusinessEventBatchSchema.shape.events.element;

/**
 * What is wrong with a zod issue, by field and rule only ("make: Too small: expected string to have
 * >=1 characters"). zod's messages name the rule, never the value, so the text is safe for a log
 * line or a column even when the value is a VIN or a name.
 */
export function issueText(issue: z.core.$ZodIssue | undefined, pathFrom = 0): string {
  if (!issue) return 'invalid';
  const field = issue.path.slice(pathFrom).join('.') || 'the event';
  return `${field}: ${issue.message}`;
}

export type BusinessEventCheck =
  | { ok: true; event: BusinessEvent }
  | { ok: false; /** Which field broke which rule, without its value. */ problem: string };

/**
 * Checks one would-be event against the ingest contract. Producers check each event before they
 * send a batch, because analytics refuses a whole batch for one bad event: a row that can never
 * become a valid event must be set aside on its own, not hold back every event behind it.
 */
export function checkBusinessEvent(candidate: unknown): BusinessEventCheck {
  const parsed = BusinessEventSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, event: parsed.data }
    : { ok: false, problem: issueText(parsed.error.issues[0]) };
}

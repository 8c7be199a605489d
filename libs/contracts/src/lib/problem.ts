import { z } from 'zod';

/** Stable problem types (RFC 9457). The URI is an identifier, documented in the README. */
export const PROBLEM_TYPES = {
  validation: 'https://showroom.dev/problems/validation',
  malformedJson: 'https://showroom.dev/problems/malformed-json',
  payloadTooLarge: 'https://showroom.dev/problems/payload-too-large',
  unauthorized: 'https://showroom.dev/problems/unauthorized',
  forbidden: 'https://showroom.dev/problems/forbidden',
  notFound: 'https://showroom.dev/problems/not-found',
  conflict: 'https://showroom.dev/problems/conflict',
  /** The thing existed but is over for good (a used, revoked or expired invitation link). */
  gone: 'https://showroom.dev/problems/gone',
  preconditionFailed: 'https://showroom.dev/problems/precondition-failed',
  preconditionRequired: 'https://showroom.dev/problems/precondition-required',
  unsupportedMediaType: 'https://showroom.dev/problems/unsupported-media-type',
  tooManyRequests: 'https://showroom.dev/problems/too-many-requests',
  invalidAdf: 'https://showroom.dev/problems/invalid-adf',
  invalidImage: 'https://showroom.dev/problems/invalid-image',
  serviceUnavailable: 'https://showroom.dev/problems/service-unavailable',
  internal: 'https://showroom.dev/problems/internal',
} as const;
export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];

export const InvalidParamSchema = z.object({
  /** Dotted path of the field, e.g. `vin` or `price.amountCents`; `body` for the whole body. */
  name: z.string(),
  reason: z.string(),
});
export type InvalidParam = z.infer<typeof InvalidParamSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  invalidParams: z.array(InvalidParamSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
